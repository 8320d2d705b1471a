// The care team's screens: the live board of priority calls, the on-call rota and the
// « pas encore de nouvelles » list of residents who did not check in today.
import { getJson, postJson } from "../api.js";
import { now } from "../clock.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { durationInWords, instantInWords, localDateTimeInWords } from "../french-time.js";
import { followEventStream } from "../live-stream.js";
import { backToHome, floorName, roleNames } from "./common.js";

export const careRoles = ["admin", "care-staff", "on-call"];

const outcomes = [
  ["helpGiven", "Aide apportée"],
  ["comfortRequest", "Demande de confort (rien d'urgent)"],
  ["emergencyServicesCalled", "Secours appelés (15, 18 ou 112)"],
  ["falseAlarm", "Fausse alerte"],
];

const targetNames = {
  onDutyStaff: "l'équipe de service",
  firstHelper: "le premier aidant",
  secondHelper: "le deuxième aidant",
  onCallManager: "le cadre d'astreinte",
};

const shiftKinds = [
  ["onSite", "Présence sur place"],
  ["onCall", "Astreinte"],
  ["onCallManager", "Cadre d'astreinte"],
];

// Browsers block sound until the person acts on the page, so the board's beep only plays
// after « Activer le son ». The context is kept for the whole visit.
let audio = null;

function beep() {
  if (!audio) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = "sine";
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + 0.4);
}

// Resident names, read once per visit from the Residents module.
const residentNames = new Map();

async function residentName(residentId) {
  if (!residentNames.has(residentId)) {
    try {
      const { data: resident } = await getJson(`/residents/${residentId}`);
      residentNames.set(residentId, `${resident.firstName} ${resident.lastName}`.trim());
    } catch {
      return "Résident (nom indisponible)";
    }
  }
  return residentNames.get(residentId);
}

export function callBoardScreen({ announce }) {
  const error = alertBox();
  showAlert(error, null);
  const calls = new Map();
  const list = h("ul", { className: "call-board", "aria-label": "Appels en cours" });
  const summary = h("p", { className: "summary", role: "status" });
  const connection = h("p", { className: "call-connection", hidden: true },
    pictogram("📶"), " La connexion en direct est coupée. Nouvel essai en cours.");
  const sound = h("button", { type: "button", className: "button secondary", "aria-pressed": audio ? "true" : "false", onclick: () => {
      audio ??= new AudioContext();
      audio.resume();
      sound.setAttribute("aria-pressed", "true");
      sound.lastChild.textContent = " Son activé";
      beep();
      announce("Le son est activé. Un bip retentira à chaque nouvel appel.");
    } },
    pictogram("🔔"), h("span", {}, audio ? " Son activé" : " Activer le son"));

  async function render() {
    const open = [...calls.values()].filter((call) => call.status !== "closed")
      .sort((first, second) => second.raisedAt.localeCompare(first.raisedAt));
    const items = await Promise.all(open.map(card));
    list.replaceChildren(...items);
    summary.textContent = open.length === 0 ? "Aucun appel en cours."
      : open.length === 1 ? "1 appel en cours." : `${open.length} appels en cours.`;
  }

  async function card(call) {
    const name = await residentName(call.residentId);
    const seconds = call.secondsSinceRaised + (now() - call.receivedAt) / 1000;
    const headingId = `appel-${call.id}`;
    return h("li", { className: call.status === "open" ? "card call open" : "card call" },
      h("h2", { id: headingId },
        call.isTest ? h("span", { className: "test-badge" }, "Essai") : null, call.isTest ? " " : null,
        pictogram(call.status === "open" ? "🚨" : "🏃"), " ", name),
      h("dl", { className: "facts" },
        h("dt", {}, "Logement"), h("dd", {}, call.flatNumber ? `N° ${call.flatNumber}` : "Non indiqué"),
        h("dt", {}, "Étage"), h("dd", {}, floorName(call.floor)),
        h("dt", {}, "Appel lancé"), h("dd", { className: "since" }, `il y a ${durationInWords(seconds)}`),
        h("dt", {}, "Niveau d'alerte"), h("dd", {}, `${call.level} (${targetNames[call.currentTarget] ?? call.currentTarget})`),
        h("dt", {}, "État"), h("dd", {}, call.status === "open" ? "Personne ne s'en occupe encore"
          : `Pris en charge par ${call.acknowledgedByName}`)),
      call.status === "open" ? acknowledgeButton(call, headingId) : closeForm(call, headingId));
  }

  function acknowledgeButton(call, headingId) {
    const button = h("button", { type: "button", className: "button primary", "aria-describedby": headingId, onclick: async () => {
        button.disabled = true;
        try {
          const { data } = await postJson(`/priority-calls/${call.id}/acknowledge`);
          showAlert(error, null);
          upsert(data);
          announce("Vous vous occupez de cet appel.");
        } catch (problem) {
          showAlert(error, problem.message);
          await reload();
        } finally {
          button.disabled = false;
        }
      } }, pictogram("✋"), " Je m'en occupe");
    return button;
  }

  function closeForm(call, headingId) {
    const selectId = `issue-${call.id}`;
    const select = h("select", { id: selectId, required: true },
      h("option", { value: "" }, "Choisissez l'issue"),
      outcomes.map(([value, label]) => h("option", { value }, label)));
    return h("form", { className: "close-call", onsubmit: async (event) => {
        event.preventDefault();
        if (!select.value) {
          showAlert(error, "Choisissez l'issue de l'appel avant de le clore.");
          select.focus();
          return;
        }
        try {
          const { data } = await postJson(`/priority-calls/${call.id}/close`, { outcome: select.value });
          showAlert(error, null);
          upsert(data);
          announce("L'appel est clos.");
        } catch (problem) {
          showAlert(error, problem.message);
        }
      } },
      h("div", { className: "field" }, h("label", { for: selectId }, "Issue de l'appel"), select),
      h("button", { type: "submit", className: "button primary", "aria-describedby": headingId }, pictogram("✔️"), " Clore l'appel"));
  }

  function upsert(view) {
    const isNew = !calls.has(view.id) && view.status === "open";
    calls.set(view.id, { ...view, receivedAt: now() });
    if (isNew) {
      beep();
      announce(view.isTest ? "Nouvel appel d'essai." : "Nouvel appel prioritaire.");
    }
    render();
  }

  async function reload() {
    try {
      const { data } = await getJson("/priority-calls");
      showAlert(error, null);
      calls.clear();
      for (const view of data) calls.set(view.id, { ...view, receivedAt: now() });
      await render();
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  // Refreshes the « il y a … » texts without a request.
  function tick() {
    for (const item of list.querySelectorAll(".since")) {
      const call = calls.get(item.closest("li").querySelector("h2").id.slice("appel-".length));
      if (call) item.textContent = `il y a ${durationInWords(call.secondsSinceRaised + (now() - call.receivedAt) / 1000)}`;
    }
  }

  let closeStream = null;
  let timer = null;
  return {
    title: "Appels prioritaires",
    content: h("section", { "aria-labelledby": "titre-appels" },
      backToHome(),
      h("h1", { id: "titre-appels" }, "Appels prioritaires"),
      h("p", {}, "Les appels arrivent ici en direct, sans recharger la page."),
      sound, error, connection, summary, list),
    afterRender: async () => {
      await reload();
      timer = setInterval(tick, 1000);
      closeStream = followEventStream("/priority-calls/stream", {
        onEvent: (type, data) => {
          if (type === "priority-call-updated") upsert(data);
        },
        onReconnect: reload,
        onConnectionChange: (connected) => { connection.hidden = connected; },
      });
    },
    dispose: () => {
      clearInterval(timer);
      closeStream?.();
    },
  };
}

export function rotaScreen({ session, announce }) {
  const error = alertBox();
  showAlert(error, null);
  const body = h("tbody");
  const table = h("table", {},
    h("caption", {}, "Services des 7 prochains jours"),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Début"),
      h("th", { scope: "col" }, "Fin"),
      h("th", { scope: "col" }, "Personne"),
      h("th", { scope: "col" }, "Rôle"),
      h("th", { scope: "col" }, "Service"))),
    body);

  async function load() {
    try {
      const { data: shifts } = await getJson("/on-call-rota");
      showAlert(error, null);
      body.replaceChildren(...shifts.map((shift) => h("tr", {},
        h("td", {}, localDateTimeInWords(shift.startsAtLocal)),
        h("td", {}, localDateTimeInWords(shift.endsAtLocal)),
        h("td", {}, shift.userId),
        h("td", {}, roleNames[shift.role] ?? shift.role),
        h("td", {}, Object.fromEntries(shiftKinds)[shift.kind] ?? shift.kind))));
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  // Only care staff and the administrator plan the rota. On-call staff only read it.
  const form = session.role === "on-call" ? null : rotaForm({ error, announce, onAdded: load });
  return {
    title: "Planning d'astreinte",
    content: h("section", { "aria-labelledby": "titre-astreinte" },
      backToHome(),
      h("h1", { id: "titre-astreinte" }, "Planning d'astreinte"),
      error,
      h("div", { className: "table-wrapper", role: "region", "aria-label": "Tableau du planning", tabindex: "0" }, table),
      form),
    afterRender: load,
  };
}

function rotaForm({ error, announce, onAdded }) {
  const field = (id, label, input) => h("div", { className: "field" }, h("label", { for: id }, label), input);
  const userId = h("input", { id: "service-personne", type: "text", required: true, maxlength: "100", autocomplete: "off" });
  const role = h("select", { id: "service-role" },
    ["care-staff", "on-call", "admin"].map((value) => h("option", { value }, roleNames[value])));
  const kind = h("select", { id: "service-type" }, shiftKinds.map(([value, label]) => h("option", { value }, label)));
  const startsAt = h("input", { id: "service-debut", type: "datetime-local", required: true });
  const endsAt = h("input", { id: "service-fin", type: "datetime-local", required: true });
  const form = h("form", { className: "card", novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      if (!userId.value.trim() || !startsAt.value || !endsAt.value) {
        showAlert(error, "Indiquez la personne, le début et la fin du service.");
        return;
      }
      try {
        await postJson("/on-call-rota", {
          userId: userId.value.trim(), role: role.value, kind: kind.value,
          startsAt: startsAt.value, endsAt: endsAt.value,
        });
        showAlert(error, null);
        form.reset();
        announce("Le service est ajouté au planning.");
        await onAdded();
      } catch (problem) {
        showAlert(error, problem.message);
      }
    } },
    h("h2", {}, pictogram("➕"), " Ajouter un service"),
    h("p", {}, "Les heures sont celles de Paris."),
    field("service-personne", "Identifiant de la personne (par exemple : soignant)", userId),
    field("service-role", "Rôle", role),
    field("service-type", "Type de service", kind),
    field("service-debut", "Début", startsAt),
    field("service-fin", "Fin", endsAt),
    h("button", { type: "submit", className: "button primary" }, pictogram("💾"), " Ajouter le service"));
  return form;
}

export function missingCheckInsScreen() {
  const error = alertBox();
  showAlert(error, null);
  const summary = h("p", { className: "summary" });
  const list = h("ul", { className: "person-list", "aria-label": "Résidents sans nouvelles aujourd'hui" });

  async function load() {
    try {
      const { data: missing } = await getJson("/check-ins/missing");
      showAlert(error, null);
      summary.textContent = missing.length === 0 ? "Tout le monde a donné des nouvelles aujourd'hui."
        : missing.length === 1 ? "1 résident n'a pas encore donné de nouvelles." : `${missing.length} résidents n'ont pas encore donné de nouvelles.`;
      const items = await Promise.all(missing.map(async (entry) => h("li", { className: "card" },
        h("h2", {}, await residentName(entry.residentId)),
        h("dl", { className: "facts" },
          h("dt", {}, "Logement"), h("dd", {}, entry.flatNumber ? `N° ${entry.flatNumber}` : "Non indiqué"),
          h("dt", {}, "Étage"), h("dd", {}, floorName(entry.floor)),
          h("dt", {}, "Heure limite"), h("dd", {}, entry.deadline),
          h("dt", {}, "Dernières nouvelles"), h("dd", {}, entry.lastCheckInAt ? instantInWords(entry.lastCheckInAt) : "Jamais")))));
      list.replaceChildren(...items);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  return {
    title: "Pas encore de nouvelles",
    content: h("section", { "aria-labelledby": "titre-nouvelles" },
      backToHome(),
      h("h1", { id: "titre-nouvelles" }, "Pas encore de nouvelles"),
      h("p", {}, "Les résidents qui ont choisi « Je vais bien » et qui n'ont rien signalé aujourd'hui après leur heure limite."),
      error, summary, list),
    afterRender: load,
  };
}
