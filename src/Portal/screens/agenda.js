// The shared agenda: coming activities by day, town events and announcements. Residents
// register and unregister. The activity coordinator publishes activities and reads rosters.
import { deleteJson, getBlob, getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { instantInWords, localHourInWords } from "../french-time.js";
import { followEventStream } from "../live-stream.js";
import { occurrencePath, rosterCard } from "./activity-roster.js";
import { backToHome } from "./common.js";

export const coordinatorRoles = ["activity-coordinator", "admin"];
const weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre"];

// "mardi 15 mars", from a Paris local date such as "2027-03-15" (the date part of an API local time).
export function dayInWords(localDate) {
  const [year, month, day] = localDate.slice(0, 10).split("-").map(Number);
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} ${day === 1 ? "1er" : day} ${months[month - 1]}`;
}

function placesText(occurrence) {
  if (occurrence.placesLeft === 0) return "Complet. Vous pouvez vous mettre sur la liste d'attente.";
  return occurrence.placesLeft === 1 ? "Il reste 1 place." : `Il reste ${occurrence.placesLeft} places.`;
}

function registrationKey(activityId, occurrenceStart) {
  return `${activityId}/${occurrenceStart}`;
}

// Returns the signed-in resident's registrations by occurrence; other roles have none.
async function loadRegistrations(session) {
  const byOccurrence = new Map();
  if (session.role !== "resident") return byOccurrence;
  const { data } = await getJson(`/residents/${session.personId}/registrations`);
  for (const registration of data) {
    byOccurrence.set(registrationKey(registration.activityId, registration.occurrenceStart), registration);
  }
  return byOccurrence;
}

// The resident's place and the button that changes it. onChanged reloads the screen.
function registrationArea({ occurrence, registration, session, error, announce, onChanged, describedBy }) {
  if (session.role !== "resident") return null;
  const status = registration?.status ?? "notRegistered";

  async function change(register) {
    try {
      if (register) {
        const { data } = await postJson(`${occurrencePath(occurrence)}/registrations`, {});
        announce(data.status === "waiting"
          ? `Vous êtes sur la liste d'attente, place ${data.position}.`
          : `Vous êtes inscrit à : ${occurrence.title}.`);
      } else {
        await deleteJson(`${occurrencePath(occurrence)}/registrations/${session.personId}`);
        announce(`Vous n'êtes plus inscrit à : ${occurrence.title}.`);
      }
      showAlert(error, null);
      await onChanged();
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  const statusText = status === "registered" ? "✔️ Vous êtes inscrit."
    : status === "waiting" ? `⏳ Vous êtes sur la liste d'attente, place ${registration.position}.`
    : null;
  const button = status === "notRegistered"
    ? h("button", { type: "button", className: "button primary", "aria-describedby": describedBy, onclick: () => change(true) },
      pictogram("✍️"), " Je m'inscris")
    : h("button", { type: "button", className: "button secondary", "aria-describedby": describedBy, onclick: () => change(false) },
      pictogram("❌"), " Je me désinscris");
  return h("div", { className: "registration" },
    statusText ? h("p", { className: "registration-status" }, statusText) : null,
    button);
}

function occurrenceCard({ occurrence, registration, session, error, announce, onChanged, detailLink, headingLevel = "h3" }) {
  const headingId = `seance-${occurrence.activityId}-${occurrence.occurrenceStart.replace(/[^0-9]/g, "")}`;
  return h("li", { className: "card occurrence" },
    h(headingLevel, { id: headingId }, pictogram("📅"), " ", occurrence.title),
    h("dl", { className: "facts" },
      h("dt", {}, "Quand"), h("dd", {}, `De ${localHourInWords(occurrence.start)} à ${localHourInWords(occurrence.end)}`),
      h("dt", {}, "Où"), h("dd", {}, occurrence.place),
      h("dt", {}, "Places"), h("dd", {}, placesText(occurrence))),
    h("p", {}, occurrence.easyReadDescription),
    occurrence.moved ? h("p", { className: "notice" }, "Attention : cette séance a changé d'heure ou de jour.") : null,
    registrationArea({ occurrence, registration, session, error, announce, onChanged, describedBy: headingId }),
    detailLink
      ? h("p", {}, h("a", { className: "button secondary", href: `#/activite/${occurrence.activityId}/${occurrence.occurrenceStart}`, "aria-describedby": headingId },
        pictogram("🔎"), " Voir le détail"))
      : null);
}

// Reads a picture that needs the token into a data: URL, which the page's policy allows for images.
async function pictureSource(path) {
  const blob = await getBlob(path.replace(/^\/api\/v1/, ""));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

function announcementCard(announcement) {
  const figure = h("div");
  if (announcement.pictureUrl) {
    // Pictures attached before descriptions were required have none, so the title describes them.
    const description = announcement.pictureDescription ?? `Image de l'annonce : ${announcement.title}`;
    pictureSource(announcement.pictureUrl)
      .then((source) => figure.replaceChildren(h("img", { src: source, alt: description, className: "announcement-picture" })))
      .catch(() => figure.replaceChildren());
  }
  return h("li", { className: "card announcement" },
    h("h3", {}, pictogram("📢"), " ", announcement.title),
    h("p", { className: "message-meta" }, `Publiée le ${instantInWords(announcement.postedAt)}`),
    h("p", { className: "message-text" }, announcement.body),
    figure);
}

export function agendaScreen({ session, announce }) {
  const error = alertBox();
  showAlert(error, null);
  const days = h("div", { className: "agenda-days" });
  const events = h("ul", { className: "plain-list", "aria-label": "Événements en ville" });
  const news = h("ul", { className: "plain-list", "aria-label": "Annonces" });
  // A resident hears here when a place frees up for them or when an occurrence they joined is dropped.
  const notice = h("p", { className: "notice", role: "status", hidden: true });
  let closeStream = null;

  function onAgendaEvent(type, data) {
    if (!["registration-confirmed", "registration-cancelled"].includes(type) || !data?.message) return;
    notice.textContent = data.message;
    notice.hidden = false;
    announce(data.message);
    load();
  }

  async function load() {
    try {
      const [{ data: occurrences }, registrations] = await Promise.all([getJson("/activities"), loadRegistrations(session)]);
      showAlert(error, null);
      const byDay = new Map();
      for (const occurrence of occurrences) {
        const day = occurrence.start.slice(0, 10);
        if (!byDay.has(day)) byDay.set(day, []);
        byDay.get(day).push(occurrence);
      }
      if (byDay.size === 0) {
        days.replaceChildren(h("p", {}, "Pas d'activité prévue dans le mois qui vient."));
      } else {
        days.replaceChildren(...[...byDay].map(([day, list]) => h("section", { className: "agenda-day", "aria-label": dayInWords(day) },
          h("h2", {}, dayInWords(day)),
          h("ul", { className: "plain-list" }, list.map((occurrence) => occurrenceCard({
            occurrence, session, error, announce, onChanged: load, detailLink: true,
            registration: registrations.get(registrationKey(occurrence.activityId, occurrence.occurrenceStart)),
          }))))));
      }
    } catch (problem) {
      showAlert(error, problem.message);
    }
    loadEvents();
    loadNews();
  }

  async function loadEvents() {
    try {
      const { data } = await getJson("/local-events");
      events.replaceChildren(...(data.length === 0 ? [h("li", {}, "Pas d'événement en ville pour le moment.")]
        : data.map((event) => h("li", { className: "card" },
          h("h3", {}, pictogram("🏙️"), " ", event.title),
          h("p", {}, `${dayInWords(event.date)}, ${event.place}`),
          event.link ? h("p", {}, h("a", { className: "button secondary", href: event.link, rel: "noopener noreferrer", target: "_blank" }, `En savoir plus sur « ${event.title} » (site web)`)) : null))));
    } catch {
      events.replaceChildren(h("li", {}, "Les événements en ville ne sont pas disponibles."));
    }
  }

  async function loadNews() {
    try {
      const { data } = await getJson("/announcements");
      news.replaceChildren(...(data.length === 0 ? [h("li", {}, "Pas d'annonce pour le moment.")] : data.map(announcementCard)));
    } catch {
      news.replaceChildren(h("li", {}, "Les annonces ne sont pas disponibles."));
    }
  }

  return {
    title: "Agenda partagé",
    content: h("section", { "aria-labelledby": "titre-agenda" },
      backToHome(),
      h("h1", { id: "titre-agenda" }, "Agenda partagé"),
      error,
      notice,
      coordinatorRoles.includes(session.role)
        ? h("p", { className: "actions" },
          h("a", { className: "button primary", href: "#/agenda/nouvelle-activite" }, pictogram("➕"), " Publier une activité"),
          h("a", { className: "button secondary", href: "#/agenda/nouvelle-annonce" }, pictogram("📢"), " Publier une annonce"),
          h("a", { className: "button secondary", href: "#/agenda/nouvel-evenement" }, pictogram("🏙️"), " Ajouter un événement en ville"),
          h("a", { className: "button secondary", href: "#/agenda/propositions" }, pictogram("💡"), " Les propositions des résidents"))
        : null,
      session.role === "resident"
        ? h("p", {}, h("a", { className: "button secondary", href: "#/agenda/propositions" }, pictogram("💡"), " Proposer une activité"))
        : null,
      h("p", {}, "Les activités du mois qui vient, jour par jour."),
      days,
      h("section", { "aria-labelledby": "titre-annonces" }, h("h2", { id: "titre-annonces" }, pictogram("📢"), " Annonces"), news),
      h("section", { "aria-labelledby": "titre-evenements" }, h("h2", { id: "titre-evenements" }, pictogram("🏙️"), " En ville"), events)),
    afterRender: () => {
      load();
      if (session.role === "resident") closeStream = followEventStream("/agenda/live", { onEvent: onAgendaEvent, onReconnect: load });
    },
    dispose: () => closeStream?.(),
  };
}

// One occurrence, from a hash id "<activity id>/<local start>". Staff also see its roster.
export function activityScreen({ session, id, announce, navigate }) {
  const [activityId, occurrenceStart] = id.split("/");
  const error = alertBox();
  showAlert(error, null);
  const heading = h("h1", { id: "titre-activite" }, "Activité");
  const body = h("div");

  async function load() {
    try {
      // A moved occurrence keeps its original start as its key but may take place on another day.
      const { data: activity } = await getJson(`/activities/${activityId}`);
      const moved = activity.movedOccurrences.find((entry) => entry.occurrenceStart.slice(0, 16) === occurrenceStart);
      const day = (moved?.start ?? occurrenceStart).slice(0, 10);
      const [{ data: occurrences }, registrations] = await Promise.all([
        getJson(`/activities?from=${day}&to=${day}`), loadRegistrations(session)]);
      const occurrence = occurrences.find((candidate) => candidate.activityId === activityId && candidate.occurrenceStart === occurrenceStart);
      if (!occurrence) {
        showAlert(error, "Cette séance n'existe pas ou n'a plus lieu.");
        return;
      }
      heading.textContent = `${occurrence.title}, ${dayInWords(occurrence.start)}`;
      body.replaceChildren(
        h("ul", { className: "plain-list" }, occurrenceCard({
          occurrence, session, error, announce, onChanged: load, detailLink: false, headingLevel: "h2",
          registration: registrations.get(registrationKey(activityId, occurrenceStart)),
        })),
        coordinatorRoles.includes(session.role)
          ? await rosterCard({ occurrence, error, announce, onChanged: load, onCancelled: () => navigate("#/agenda") })
          : null);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  return {
    title: "Activité",
    content: h("section", { "aria-labelledby": "titre-activite" },
      h("p", { className: "back" }, h("a", { className: "button secondary", href: "#/agenda" }, pictogram("⬅️"), " Retour à l'agenda")),
      heading, error, body),
    afterRender: load,
  };
}

const audiences = [
  ["everyone", "Tout le monde"],
  ["seniors", "Les seniors"],
  ["youngAdults", "Les jeunes adultes"],
  ["families", "Les familles"],
  ["children", "Les enfants"],
];

// The coordinator's form for a simple activity: once, or every week on the same day.
export function newActivityScreen({ session, announce, navigate }) {
  const error = alertBox();
  showAlert(error, null);
  if (!coordinatorRoles.includes(session.role)) {
    showAlert(error, "Seule l'animatrice peut publier une activité.");
    return { title: "Publier une activité", content: h("section", {}, backToHome(), h("h1", {}, "Publier une activité"), error) };
  }

  const field = (id, label, input) => h("div", { className: "field" }, h("label", { for: id }, label), input);
  const inputs = {
    title: h("input", { id: "activite-titre", type: "text", required: true, maxlength: "120" }),
    description: h("textarea", { id: "activite-description", required: true, maxlength: "2000", rows: "4" }),
    place: h("input", { id: "activite-lieu", type: "text", required: true, maxlength: "120" }),
    date: h("input", { id: "activite-date", type: "date", required: true }),
    start: h("input", { id: "activite-debut", type: "time", required: true }),
    end: h("input", { id: "activite-fin", type: "time", required: true }),
    capacity: h("input", { id: "activite-places", type: "number", min: "1", max: "500", required: true, value: "10" }),
    audience: h("select", { id: "activite-public" }, audiences.map(([value, label]) => h("option", { value }, label))),
    once: h("input", { id: "activite-une-fois", type: "radio", name: "repetition", value: "once", checked: true }),
    weekly: h("input", { id: "activite-chaque-semaine", type: "radio", name: "repetition", value: "weekly" }),
  };
  const save = h("button", { type: "submit", className: "button primary" }, pictogram("📤"), " Publier");

  const form = h("form", { className: "card agenda-form", novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      if (!inputs.title.value.trim() || !inputs.description.value.trim() || !inputs.place.value.trim()
        || !inputs.date.value || !inputs.start.value || !inputs.end.value) {
        showAlert(error, "Remplissez le titre, la description, le lieu, le jour, l'heure de début et l'heure de fin.");
        return;
      }
      const weekday = new Date(`${inputs.date.value}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" }).toLowerCase();
      const body = {
        title: inputs.title.value.trim(),
        easyReadDescription: inputs.description.value.trim(),
        place: inputs.place.value.trim(),
        start: `${inputs.date.value}T${inputs.start.value.slice(0, 5)}`,
        end: `${inputs.date.value}T${inputs.end.value.slice(0, 5)}`,
        capacity: Number(inputs.capacity.value),
        audience: inputs.audience.value,
        recurrence: inputs.weekly.checked ? { frequency: "weekly", days: [weekday] } : null,
      };
      save.disabled = true;
      try {
        await postJson("/activities", body);
        announce(`L'activité « ${body.title} » est publiée.`);
        navigate("#/agenda");
      } catch (problem) {
        showAlert(error, problem.message);
      } finally {
        save.disabled = false;
      }
    } },
    field("activite-titre", "Titre", inputs.title),
    field("activite-description", "Description facile à lire (phrases courtes, mots simples)", inputs.description),
    field("activite-lieu", "Lieu", inputs.place),
    field("activite-date", "Jour", inputs.date),
    field("activite-debut", "Heure de début", inputs.start),
    field("activite-fin", "Heure de fin", inputs.end),
    field("activite-places", "Nombre de places", inputs.capacity),
    field("activite-public", "Pour qui", inputs.audience),
    h("fieldset", {},
      h("legend", {}, "Répétition"),
      h("div", { className: "choice" }, inputs.once, h("label", { for: "activite-une-fois" }, "Une seule fois")),
      h("div", { className: "choice" }, inputs.weekly, h("label", { for: "activite-chaque-semaine" }, "Chaque semaine, le même jour"))),
    h("div", { className: "actions" },
      save,
      h("a", { className: "button secondary", href: "#/agenda" }, pictogram("↩️"), " Ne pas publier")));

  return {
    title: "Publier une activité",
    content: h("section", { "aria-labelledby": "titre-publier" },
      h("p", { className: "back" }, h("a", { className: "button secondary", href: "#/agenda" }, pictogram("⬅️"), " Retour à l'agenda")),
      h("h1", { id: "titre-publier" }, "Publier une activité"),
      error, form),
  };
}
