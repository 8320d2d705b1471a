// The coordinator's part of an occurrence's detail screen: who registered, the waiting list,
// the attendance once the occurrence has begun, and cancelling the occurrence.
import { getJson, postJson } from "../api.js";
import { h, pictogram, showAlert } from "../dom.js";

export function occurrencePath(occurrence) {
  return `/activities/${occurrence.activityId}/occurrences/${encodeURIComponent(occurrence.occurrenceStart)}`;
}

// Returns a resident's full name from their record, which coordinators may read.
export async function residentName(residentId) {
  try {
    const { data } = await getJson(`/residents/${residentId}`);
    return `${data.firstName} ${data.lastName}`.trim();
  } catch {
    return "Résident inconnu";
  }
}

function hasBegun(occurrence) {
  return new Date(occurrence.startUtc).getTime() <= Date.now();
}

// Check boxes for the registered residents, which the coordinator ticks for who came.
function attendanceForm({ occurrence, roster, names, error, announce, onChanged }) {
  const boxes = roster.registered.map((residentId, index) => {
    const id = `present-${index}`;
    const box = h("input", { id, type: "checkbox", value: residentId, checked: roster.attended.includes(residentId) });
    return h("div", { className: "choice" }, box, h("label", { for: id }, names.get(residentId)));
  });
  const save = h("button", { type: "submit", className: "button primary" }, pictogram("✅"), " Enregistrer les présents");

  async function record(event) {
    event.preventDefault();
    const present = [...event.target.querySelectorAll("input:checked")].map((box) => box.value);
    if (present.length === 0) {
      showAlert(error, "Cochez au moins une personne présente.");
      return;
    }
    save.disabled = true;
    try {
      await postJson(`${occurrencePath(occurrence)}/attendance`, { residentIds: present });
      showAlert(error, null);
      announce(present.length === 1 ? "1 présence est enregistrée." : `${present.length} présences sont enregistrées.`);
      await onChanged();
    } catch (problem) {
      showAlert(error, problem.message);
    } finally {
      save.disabled = false;
    }
  }

  return h("form", { className: "attendance", novalidate: true, onsubmit: record },
    h("fieldset", {}, h("legend", {}, "Qui est venu ?"), boxes),
    h("div", { className: "actions" }, save));
}

// A button that requests confirmation before it cancels the occurrence for everybody.
function cancelArea({ occurrence, error, announce, onCancelled }) {
  const ask = h("button", { type: "button", className: "button secondary" }, pictogram("🚫"), " Annuler cette séance");
  const area = h("div", { className: "actions" }, ask);

  ask.onclick = () => {
    const question = h("div", { className: "confirm", role: "group", "aria-label": "Confirmer l'annulation de la séance" },
      h("p", {}, "Voulez-vous vraiment annuler cette séance ? Les inscrits seront prévenus."),
      h("button", { type: "button", className: "button primary", onclick: async () => {
          try {
            await postJson(`${occurrencePath(occurrence)}/cancel`);
            announce(`La séance « ${occurrence.title} » est annulée. Les inscrits sont prévenus.`);
            onCancelled();
          } catch (problem) {
            showAlert(error, problem.message);
          }
        } }, pictogram("✔️"), " Oui, annuler la séance"),
      h("button", { type: "button", className: "button secondary", onclick: () => {
          area.replaceChildren(ask);
          ask.focus();
        } }, pictogram("↩️"), " Non, garder la séance"));
    area.replaceChildren(question);
    question.querySelector("button").focus();
  };
  return area;
}

export async function rosterCard({ occurrence, error, announce, onChanged, onCancelled }) {
  const { data: roster } = await getJson(`${occurrencePath(occurrence)}/registrations`);
  const ids = [...new Set([...roster.registered, ...roster.waiting])];
  const names = new Map(await Promise.all(ids.map(async (residentId) => [residentId, await residentName(residentId)])));
  const begun = hasBegun(occurrence);

  return h("section", { className: "card", "aria-labelledby": "titre-inscrits" },
    h("h2", { id: "titre-inscrits" }, pictogram("📋"), " Les inscrits"),
    h("p", {}, `${roster.registered.length} inscrits sur ${roster.capacity} places.`),
    roster.registered.length === 0 ? h("p", {}, "Personne n'est encore inscrit.")
      : begun ? attendanceForm({ occurrence, roster, names, error, announce, onChanged })
        : h("ol", { "aria-label": "Inscrits" }, roster.registered.map((residentId) => h("li", {}, names.get(residentId)))),
    begun && roster.attended.length > 0
      ? h("p", {}, roster.attended.length === 1 ? "1 personne est venue." : `${roster.attended.length} personnes sont venues.`)
      : null,
    h("h3", {}, "Liste d'attente"),
    roster.waiting.length === 0 ? h("p", {}, "Personne n'attend.")
      : h("ol", { "aria-label": "Liste d'attente" }, roster.waiting.map((residentId) => h("li", {}, names.get(residentId)))),
    begun ? null : cancelArea({ occurrence, error, announce, onCancelled }));
}
