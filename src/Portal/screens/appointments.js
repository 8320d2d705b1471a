// Medical appointments: the resident's « Mes rendez-vous », and the same list for a caregiver
// who follows a resident who consented. Both can add, change and cancel an appointment.
import { getJson, postJson, putJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { instantInWords, localDateTimeInWords, localHourInWords } from "../french-time.js";
import { backToHome } from "./common.js";

export function myAppointmentsScreen({ session, announce }) {
  return appointmentsScreen({
    residentId: session.personId, announce, own: true,
    title: "Mes rendez-vous", back: backToHome(),
  });
}

export async function residentAppointmentsScreen({ id, announce }) {
  let name = "la personne";
  try {
    const { data: resident } = await getJson(`/residents/${id}`);
    name = `${resident.firstName} ${resident.lastName}`.trim() || name;
  } catch {
    // The list below shows the API's own message when access is refused.
  }
  return appointmentsScreen({
    residentId: id, announce, own: false,
    title: `Les rendez-vous de ${name}`,
    back: h("p", { className: "back" },
      h("a", { className: "button secondary", href: `#/personne/${id}` }, pictogram("⬅️"), " Retour à sa fiche")),
  });
}

function appointmentsScreen({ residentId, announce, own, title, back }) {
  const error = alertBox();
  showAlert(error, null);
  const list = h("ul", { className: "appointment-list", "aria-label": "Rendez-vous à venir" });
  const summary = h("p", { className: "summary" });
  const formArea = h("div");
  const add = h("button", { type: "button", className: "button primary", onclick: () => openForm(null) },
    pictogram("➕"), " Ajouter un rendez-vous");

  async function load() {
    try {
      const from = encodeURIComponent(new Date().toISOString());
      const path = own ? `/appointments?from=${from}` : `/appointments?residentId=${residentId}&from=${from}`;
      const [{ data: appointments }, reminders] = await Promise.all([getJson(path), loadReminders()]);
      const upcoming = appointments.filter((appointment) => !appointment.cancelled);
      showAlert(error, null);
      summary.textContent = upcoming.length === 0 ? "Aucun rendez-vous à venir."
        : upcoming.length === 1 ? "1 rendez-vous à venir." : `${upcoming.length} rendez-vous à venir.`;
      list.replaceChildren(...upcoming.map((appointment) => item(appointment, reminders.get(appointment.id) ?? [])));
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  // Returns the reminders already sent, grouped by appointment id. Without them the list still shows.
  async function loadReminders() {
    const byAppointment = new Map();
    try {
      const { data: notifications } = await getJson("/notifications");
      for (const notification of notifications) {
        if (notification.kind !== "appointment-reminder" || !notification.appointmentId) continue;
        const group = byAppointment.get(notification.appointmentId) ?? [];
        group.push(notification);
        byAppointment.set(notification.appointmentId, group);
      }
    } catch {
      // Reminders are a help, not the list itself.
    }
    return byAppointment;
  }

  function item(appointment, reminders) {
    const when = localDateTimeInWords(appointment.localStart);
    const headingId = `rdv-${appointment.id}`;
    const actions = h("div", { className: "actions" },
      h("button", { type: "button", className: "button secondary", "aria-describedby": headingId, onclick: () => openForm(appointment) },
        pictogram("✏️"), " Changer"),
      h("button", { type: "button", className: "button secondary", "aria-describedby": headingId, onclick: () => askCancel(appointment, actions) },
        pictogram("❌"), " Annuler"));
    return h("li", { className: "card appointment" },
      h("h2", { id: headingId }, pictogram("🩺"), " ", when),
      h("dl", { className: "facts" },
        h("dt", {}, "Avec"), h("dd", {}, `${appointment.practitioner} (${appointment.specialty})`),
        h("dt", {}, "Jusqu'à"), h("dd", {}, localHourInWords(appointment.localEnd)),
        appointment.place ? [h("dt", {}, "Où"), h("dd", {}, appointment.place)] : null,
        appointment.notes ? [h("dt", {}, "À savoir"), h("dd", {}, appointment.notes)] : null,
        appointment.needsCompanion
          ? [h("dt", {}, "Accompagnement"), h("dd", {}, own ? "Quelqu'un doit venir avec vous." : "Quelqu'un doit venir avec la personne.")]
          : null,
        h("dt", {}, "Rappels"),
        h("dd", {}, reminders.length === 0 ? "Pas encore de rappel envoyé."
          : h("ul", { className: "reminders" }, reminders.map((reminder) =>
            h("li", {}, `${reminder.title} — envoyé le ${instantInWords(reminder.createdAt)}`))))),
      actions);
  }

  function askCancel(appointment, actions) {
    const question = h("div", { className: "confirm", role: "group", "aria-label": "Confirmer l'annulation" },
      h("p", {}, "Voulez-vous vraiment annuler ce rendez-vous ?"),
      h("button", { type: "button", className: "button primary", onclick: async () => {
          try {
            await postJson(`/appointments/${appointment.id}/cancel`, undefined, `"${appointment.version}"`);
            announce("Le rendez-vous est annulé.");
            await load();
            add.focus();
          } catch (problem) {
            showAlert(error, problem.message);
            await load();
          }
        } }, pictogram("✔️"), " Oui, annuler"),
      h("button", { type: "button", className: "button secondary", onclick: () => {
          question.replaceWith(actions);
          actions.querySelector("button")?.focus();
        } }, pictogram("↩️"), " Non, garder"));
    actions.replaceWith(question);
    question.querySelector("button").focus();
  }

  function openForm(appointment) {
    const form = appointmentForm({
      appointment, residentId, error, own,
      onDone: async (message) => {
        formArea.replaceChildren();
        add.hidden = false;
        announce(message);
        await load();
        add.focus();
      },
      onCancel: () => {
        formArea.replaceChildren();
        add.hidden = false;
        add.focus();
      },
    });
    add.hidden = true;
    formArea.replaceChildren(form);
    form.querySelector("input").focus();
  }

  return {
    title,
    content: h("section", { "aria-labelledby": "titre-rendez-vous" },
      back,
      h("h1", { id: "titre-rendez-vous" }, title),
      error, add, formArea, summary, list),
    afterRender: load,
  };
}

// The add or change form. Dates and times are Paris local times, as the API expects.
// NOTE: a time in the autumn overlap hour (02:00-03:00 on the last Sunday of October) gets the
// API's 422 message, because the form does not yet offer the earlier/later choice.
function appointmentForm({ appointment, residentId, error, own, onDone, onCancel }) {
  const field = (id, label, input) => h("div", { className: "field" }, h("label", { for: id }, label), input);
  const [date, time] = appointment ? appointment.localStart.split("T") : ["", ""];
  const inputs = {
    practitioner: h("input", { id: "rdv-praticien", type: "text", required: true, maxlength: "120", value: appointment?.practitioner ?? "" }),
    specialty: h("input", { id: "rdv-specialite", type: "text", required: true, maxlength: "120", value: appointment?.specialty ?? "" }),
    place: h("input", { id: "rdv-lieu", type: "text", maxlength: "300", value: appointment?.place ?? "" }),
    date: h("input", { id: "rdv-date", type: "date", required: true, value: date }),
    time: h("input", { id: "rdv-heure", type: "time", required: true, value: time.slice(0, 5) }),
    duration: h("input", { id: "rdv-duree", type: "number", min: "1", max: "1440", required: true, value: String(appointment?.durationMinutes ?? 30) }),
    notes: h("textarea", { id: "rdv-notes", maxlength: "2000", rows: "3" }, appointment?.notes ?? ""),
    companion: h("input", { id: "rdv-accompagnement", type: "checkbox", checked: Boolean(appointment?.needsCompanion) }),
  };
  const save = h("button", { type: "submit", className: "button primary" }, pictogram("💾"), " Enregistrer");

  const form = h("form", { className: "card", novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      if (!inputs.practitioner.value.trim() || !inputs.specialty.value.trim() || !inputs.date.value || !inputs.time.value) {
        showAlert(error, "Écrivez le nom du médecin, sa spécialité, le jour et l'heure.");
        return;
      }
      const body = {
        practitioner: inputs.practitioner.value.trim(),
        specialty: inputs.specialty.value.trim(),
        place: inputs.place.value.trim() || null,
        localStart: `${inputs.date.value}T${inputs.time.value.slice(0, 5)}`,
        durationMinutes: Number(inputs.duration.value),
        notes: inputs.notes.value.trim() || null,
        needsCompanion: inputs.companion.checked,
      };
      save.disabled = true;
      try {
        if (appointment) {
          await putJson(`/appointments/${appointment.id}`, body, `"${appointment.version}"`);
          showAlert(error, null);
          await onDone("Le rendez-vous est changé.");
        } else {
          await postJson("/appointments", { residentId, ...body });
          showAlert(error, null);
          await onDone("Le rendez-vous est ajouté.");
        }
      } catch (problem) {
        showAlert(error, problem.message);
      } finally {
        save.disabled = false;
      }
    } },
    h("h2", {}, pictogram(appointment ? "✏️" : "➕"), appointment ? " Changer le rendez-vous" : " Nouveau rendez-vous"),
    field("rdv-praticien", "Médecin ou soignant", inputs.practitioner),
    field("rdv-specialite", "Spécialité (par exemple : dentiste)", inputs.specialty),
    field("rdv-lieu", "Lieu", inputs.place),
    field("rdv-date", "Jour", inputs.date),
    field("rdv-heure", "Heure", inputs.time),
    field("rdv-duree", "Durée en minutes", inputs.duration),
    field("rdv-notes", "À savoir", inputs.notes),
    h("div", { className: "choice" }, inputs.companion, h("label", { for: "rdv-accompagnement" }, own ? "Quelqu'un doit venir avec moi" : "Quelqu'un doit venir avec la personne")),
    h("div", { className: "actions" },
      save,
      h("button", { type: "button", className: "button secondary", onclick: onCancel }, pictogram("↩️"), " Ne pas enregistrer")));
  return form;
}
