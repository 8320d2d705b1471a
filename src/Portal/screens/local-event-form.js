// The coordinator's form for an event of the town (a market, a concert), listed under
// « En ville » in the agenda.
import { postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { coordinatorRoles } from "./agenda.js";
import { backToHome } from "./common.js";

export function newLocalEventScreen({ session, announce, navigate }) {
  const error = alertBox();
  showAlert(error, null);
  if (!coordinatorRoles.includes(session.role)) {
    showAlert(error, "Seule l'animatrice peut ajouter un événement en ville.");
    return { title: "Ajouter un événement en ville", content: h("section", {}, backToHome(), h("h1", {}, "Ajouter un événement en ville"), error) };
  }

  const field = (id, label, input) => h("div", { className: "field" }, h("label", { for: id }, label), input);
  const inputs = {
    title: h("input", { id: "evenement-titre", type: "text", required: true, maxLength: 120, autocomplete: "off" }),
    place: h("input", { id: "evenement-lieu", type: "text", required: true, maxLength: 160, autocomplete: "off" }),
    date: h("input", { id: "evenement-jour", type: "date", required: true }),
    link: h("input", { id: "evenement-lien", type: "url", autocomplete: "off", placeholder: "https://" }),
  };
  const save = h("button", { type: "submit", className: "button primary" }, pictogram("🏙️"), " Ajouter l'événement");

  async function publish(event) {
    event.preventDefault();
    const title = inputs.title.value.trim();
    const place = inputs.place.value.trim();
    if (!title || !place || !inputs.date.value) {
      showAlert(error, "Écrivez le nom de l'événement, le lieu et le jour.");
      return;
    }
    save.disabled = true;
    try {
      await postJson("/local-events", { title, place, date: inputs.date.value, link: inputs.link.value.trim() || null });
      announce(`L'événement « ${title} » est dans l'agenda.`);
      navigate("#/agenda");
    } catch (problem) {
      showAlert(error, problem.message);
    } finally {
      save.disabled = false;
    }
  }

  return {
    title: "Ajouter un événement en ville",
    content: h("section", { "aria-labelledby": "titre-evenement" },
      h("p", { className: "back" }, h("a", { className: "button secondary", href: "#/agenda" }, pictogram("⬅️"), " Retour à l'agenda")),
      h("h1", { id: "titre-evenement" }, "Ajouter un événement en ville"),
      error,
      h("form", { className: "card agenda-form", novalidate: true, onsubmit: publish },
        field("evenement-titre", "Nom de l'événement", inputs.title),
        field("evenement-lieu", "Lieu", inputs.place),
        field("evenement-jour", "Jour", inputs.date),
        field("evenement-lien", "Adresse du site web (facultative)", inputs.link),
        h("div", { className: "actions" },
          save,
          h("a", { className: "button secondary", href: "#/agenda" }, pictogram("↩️"), " Ne pas ajouter")))),
  };
}
