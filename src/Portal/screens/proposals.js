// Activity proposals: a resident suggests an activity in their own words and follows its
// status. The activity coordinator accepts one, which publishes it as an activity, or declines it.
import { getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { residentName } from "./activity-roster.js";
import { coordinatorRoles } from "./agenda.js";

const field = (id, label, input) => h("div", { className: "field" }, h("label", { for: id }, label), input);

const statusTexts = {
  pending: "L'animatrice n'a pas encore répondu.",
  approved: "Acceptée. L'activité est dans l'agenda.",
  declined: "Refusée.",
};

function backToAgenda() {
  return h("p", { className: "back" }, h("a", { className: "button secondary", href: "#/agenda" }, pictogram("⬅️"), " Retour à l'agenda"));
}

function residentProposals({ error, announce }) {
  const list = h("ul", { className: "plain-list", "aria-label": "Mes propositions" });
  const title = h("input", { id: "proposition-titre", type: "text", required: true, maxLength: 120, autocomplete: "off" });
  const description = h("textarea", { id: "proposition-description", required: true, maxLength: 2000, rows: 4 });
  const send = h("button", { type: "submit", className: "button primary" }, pictogram("💡"), " Envoyer ma proposition");

  async function load() {
    try {
      const { data } = await getJson("/activity-proposals");
      list.replaceChildren(...(data.length === 0 ? [h("li", {}, "Vous n'avez pas encore fait de proposition.")]
        : data.map((proposal) => h("li", { className: "card" },
          h("h3", {}, proposal.title),
          h("p", {}, statusTexts[proposal.status] ?? ""),
          proposal.declineReason ? h("p", {}, `La raison : ${proposal.declineReason}`) : null))));
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function propose(event) {
    event.preventDefault();
    if (!title.value.trim() || !description.value.trim()) {
      showAlert(error, "Écrivez le nom de l'activité et ce qu'on y fait.");
      return;
    }
    send.disabled = true;
    try {
      await postJson("/activity-proposals", { title: title.value.trim(), description: description.value.trim() });
      showAlert(error, null);
      announce("Merci. Votre proposition est envoyée à l'animatrice.");
      title.value = "";
      description.value = "";
      await load();
    } catch (problem) {
      showAlert(error, problem.message);
    } finally {
      send.disabled = false;
    }
  }

  const content = [
    h("form", { className: "card agenda-form", novalidate: true, onsubmit: propose },
      h("p", {}, "Vous avez une idée d'activité ? Dites-la à l'animatrice."),
      field("proposition-titre", "Le nom de l'activité", title),
      field("proposition-description", "Ce qu'on y fait", description),
      h("div", { className: "actions" }, send)),
    h("h2", {}, "Mes propositions"),
    list,
  ];
  return { content, load };
}

// The form where the coordinator sets the times, place and capacity that turn a proposal into an activity.
function approveForm({ proposal, error, announce, onDone }) {
  const prefix = `accepter-${proposal.id}`;
  const inputs = {
    place: h("input", { id: `${prefix}-lieu`, type: "text", required: true, autocomplete: "off" }),
    date: h("input", { id: `${prefix}-jour`, type: "date", required: true }),
    start: h("input", { id: `${prefix}-debut`, type: "time", required: true }),
    end: h("input", { id: `${prefix}-fin`, type: "time", required: true }),
    capacity: h("input", { id: `${prefix}-places`, type: "number", min: "1", max: "500", required: true, value: "10" }),
  };

  async function approve(event) {
    event.preventDefault();
    if (!inputs.place.value.trim() || !inputs.date.value || !inputs.start.value || !inputs.end.value) {
      showAlert(error, "Remplissez le lieu, le jour, l'heure de début et l'heure de fin.");
      return;
    }
    try {
      await postJson(`/activity-proposals/${proposal.id}/approve`, {
        title: proposal.title,
        easyReadDescription: proposal.description,
        place: inputs.place.value.trim(),
        start: `${inputs.date.value}T${inputs.start.value.slice(0, 5)}`,
        end: `${inputs.date.value}T${inputs.end.value.slice(0, 5)}`,
        capacity: Number(inputs.capacity.value),
        audience: "everyone",
        recurrence: null,
      });
      showAlert(error, null);
      announce(`La proposition « ${proposal.title} » est acceptée. L'activité est dans l'agenda.`);
      await onDone();
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  return h("form", { className: "agenda-form", novalidate: true, onsubmit: approve },
    field(`${prefix}-lieu`, "Lieu", inputs.place),
    field(`${prefix}-jour`, "Jour", inputs.date),
    field(`${prefix}-debut`, "Heure de début", inputs.start),
    field(`${prefix}-fin`, "Heure de fin", inputs.end),
    field(`${prefix}-places`, "Nombre de places", inputs.capacity),
    h("div", { className: "actions" }, h("button", { type: "submit", className: "button primary" }, pictogram("✔️"), " Publier l'activité")));
}

function declineForm({ proposal, error, announce, onDone }) {
  const id = `refuser-${proposal.id}`;
  const reason = h("textarea", { id, required: true, maxLength: 1000, rows: 3 });

  async function decline(event) {
    event.preventDefault();
    if (!reason.value.trim()) {
      showAlert(error, "Écrivez la raison du refus. Le résident la lira.");
      return;
    }
    try {
      await postJson(`/activity-proposals/${proposal.id}/decline`, { reason: reason.value.trim() });
      showAlert(error, null);
      announce(`La proposition « ${proposal.title} » est refusée.`);
      await onDone();
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  return h("form", { className: "agenda-form", novalidate: true, onsubmit: decline },
    field(id, "La raison, en mots simples", reason),
    h("div", { className: "actions" }, h("button", { type: "submit", className: "button primary" }, pictogram("✉️"), " Envoyer le refus")));
}

function coordinatorProposals({ error, announce }) {
  const list = h("ul", { className: "plain-list", "aria-label": "Propositions à traiter" });

  async function load() {
    try {
      const { data } = await getJson("/activity-proposals");
      const pending = data.filter((proposal) => proposal.status === "pending");
      const cards = await Promise.all(pending.map(async (proposal) => {
        const answer = h("div");
        const options = { proposal, error, announce, onDone: load };
        return h("li", { className: "card" },
          h("h2", {}, proposal.title),
          h("p", { className: "message-meta" }, `Proposée par ${await residentName(proposal.residentId)}`),
          h("p", { className: "message-text" }, proposal.description),
          h("div", { className: "actions" },
            h("button", { type: "button", className: "button primary", onclick: () => answer.replaceChildren(approveForm(options)) },
              pictogram("👍"), " Accepter"),
            h("button", { type: "button", className: "button secondary", onclick: () => answer.replaceChildren(declineForm(options)) },
              pictogram("👎"), " Refuser")),
          answer);
      }));
      list.replaceChildren(...(cards.length === 0 ? [h("li", {}, "Aucune proposition à traiter.")] : cards));
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  return { content: [list], load };
}

export function proposalsScreen({ session, announce }) {
  const error = alertBox();
  showAlert(error, null);
  const coordinator = coordinatorRoles.includes(session.role);
  if (!coordinator && session.role !== "resident") {
    showAlert(error, "Les propositions d'activités sont pour les résidents et l'animatrice.");
  }
  const part = coordinator ? coordinatorProposals({ error, announce })
    : session.role === "resident" ? residentProposals({ error, announce }) : { content: [], load: () => {} };

  return {
    title: "Propositions d'activités",
    content: h("section", { "aria-labelledby": "titre-propositions" },
      backToAgenda(),
      h("h1", { id: "titre-propositions" }, coordinator ? "Les propositions des résidents" : "Proposer une activité"),
      error,
      ...part.content),
    afterRender: part.load,
  };
}
