// The activity coordinator's messaging tools: create a group (a floor, a club) from the
// residents, and handle the messages residents reported, newest first, page by page.
import { getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { parisDateTime } from "./messaging-people.js";

export const coordinationRoles = ["activity-coordinator", "admin"];

function backToMessages() {
  return h("p", { className: "back" }, h("a", { className: "button secondary", href: "#/messagerie" }, pictogram("⬅️"), " Retour à la messagerie"));
}

// A title and one check box per resident, filtered by a search on the name.
function groupForm({ error, announce, navigate }) {
  const title = h("input", { id: "groupe-titre", type: "text", required: true, maxLength: 120, autocomplete: "off" });
  const search = h("input", { id: "groupe-chercher", type: "search", autocomplete: "off" });
  const members = h("div", { className: "group-members" });
  const chosen = new Set();
  let residents = [];

  function showResidents() {
    const searched = search.value.trim().toLocaleLowerCase("fr-FR");
    members.replaceChildren(...residents
      .filter((resident) => resident.displayName.toLocaleLowerCase("fr-FR").includes(searched))
      .map((resident) => {
        const id = `membre-${resident.id}`;
        const box = h("input", { id, type: "checkbox", checked: chosen.has(resident.id), onchange: (event) => {
          if (event.target.checked) chosen.add(resident.id);
          else chosen.delete(resident.id);
        } });
        return h("div", { className: "choice" }, box, h("label", { for: id }, resident.displayName));
      }));
  }
  search.addEventListener("input", showResidents);

  async function load() {
    try {
      const { data } = await getJson("/contacts");
      residents = data.filter((contact) => contact.kind === "resident" && contact.canMessage);
      showResidents();
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function create(event) {
    event.preventDefault();
    if (!title.value.trim() || chosen.size === 0) {
      showAlert(error, "Donnez un nom au groupe et cochez au moins une personne.");
      return;
    }
    try {
      const { data } = await postJson("/conversations/groups", {
        title: title.value.trim(),
        participants: [...chosen].map((id) => ({ kind: "resident", id })),
      });
      announce(`Le groupe « ${data.title} » est créé.`);
      navigate(`#/conversation/${data.id}`);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  const form = h("form", { className: "card", novalidate: true, onsubmit: create, "aria-labelledby": "titre-nouveau-groupe" },
    h("h2", { id: "titre-nouveau-groupe" }, pictogram("👥"), " Créer un groupe"),
    h("div", { className: "field" }, h("label", { for: "groupe-titre" }, "Nom du groupe (par exemple : Les voisins du 2e étage)"), title),
    h("div", { className: "field" }, h("label", { for: "groupe-chercher" }, "Chercher un résident"), search),
    h("fieldset", {}, h("legend", {}, "Les membres"), members),
    h("div", { className: "actions" }, h("button", { type: "submit", className: "button primary" }, pictogram("✔️"), " Créer le groupe")));
  return { form, load };
}

// One waiting report: who wrote what, why it was reported, and the form that marks it handled.
function reportItem(report, { error, announce, onResolved }) {
  const noteId = `suite-${report.id}`;
  const note = h("textarea", { id: noteId, maxLength: 1000, rows: 2 });

  async function resolve(event) {
    event.preventDefault();
    try {
      await postJson(`/message-reports/${report.id}/resolve`, { resolution: note.value.trim() || null });
      announce("Le signalement est traité.");
      onResolved(report.id);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  return h("li", { className: "card", "data-report": report.id },
    h("p", { className: "message-meta" }, `Signalé par ${report.reportedBy.displayName}, le ${parisDateTime(report.reportedAt)}`),
    h("p", {}, h("strong", {}, "La raison : "), report.reason),
    h("p", {}, h("strong", {}, `Le message de ${report.sender.displayName} : `), report.messageText ?? "(message vocal ou effacé)"),
    h("p", {}, h("a", { className: "button secondary", href: `#/conversation/${report.conversationId}` }, pictogram("💬"), " Ouvrir la conversation")),
    h("form", { novalidate: true, onsubmit: resolve },
      h("div", { className: "field" }, h("label", { for: noteId }, "Ce que vous avez fait (facultatif)"), note),
      h("div", { className: "actions" }, h("button", { type: "submit", className: "button primary" }, pictogram("✅"), " Marquer comme traité"))));
}

function reportsSection({ error, announce }) {
  const list = h("ul", { className: "plain-list", "aria-label": "Messages signalés" });
  const more = h("button", { type: "button", className: "button secondary", hidden: true }, pictogram("⬇️"), " Voir les signalements plus anciens");
  let nextBefore = null;

  function onResolved(reportId) {
    list.querySelector(`[data-report="${reportId}"]`)?.remove();
    if (list.children.length === 0) list.replaceChildren(h("li", {}, "Aucun message signalé en attente."));
  }

  async function loadPage(append) {
    try {
      const path = nextBefore && append ? `/message-reports?before=${encodeURIComponent(nextBefore)}` : "/message-reports";
      const { data } = await getJson(path);
      const items = data.items.map((report) => reportItem(report, { error, announce, onResolved }));
      if (append) list.append(...items);
      else list.replaceChildren(...(items.length === 0 ? [h("li", {}, "Aucun message signalé en attente.")] : items));
      nextBefore = data.nextBefore;
      more.hidden = !nextBefore;
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }
  more.addEventListener("click", () => loadPage(true));

  const section = h("section", { "aria-labelledby": "titre-signalements" },
    h("h2", { id: "titre-signalements" }, pictogram("🚩"), " Messages signalés"),
    list,
    h("p", {}, more));
  return { section, load: () => loadPage(false) };
}

export function messagingCoordinationScreen({ session, announce, navigate }) {
  const error = alertBox();
  showAlert(error, null);
  if (!coordinationRoles.includes(session.role)) {
    showAlert(error, "Seule l'animatrice peut créer des groupes et traiter les signalements.");
    return { title: "Groupes et signalements", content: h("section", {}, backToMessages(), h("h1", {}, "Groupes et signalements"), error) };
  }

  const group = groupForm({ error, announce, navigate });
  const reports = reportsSection({ error, announce });
  return {
    title: "Groupes et signalements",
    content: h("section", { "aria-labelledby": "titre-coordination" },
      backToMessages(),
      h("h1", { id: "titre-coordination" }, "Groupes et signalements"),
      error,
      group.form,
      reports.section),
    afterRender: () => {
      group.load();
      reports.load();
    },
  };
}
