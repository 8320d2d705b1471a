// The coordinator's form for an announcement of the news feed, with an optional picture and
// the picture's description, which screen readers read in place of the picture.
import { postJson, putBinary } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { coordinatorRoles } from "./agenda.js";
import { backToHome } from "./common.js";

// The API's limits: 2 MB per picture, JPEG or PNG, and a description of 250 characters.
const maxPictureBytes = 2 * 1024 * 1024;
const pictureTypes = ["image/jpeg", "image/png"];
const maxDescriptionLength = 250;

// Returns the French reason the picture cannot be sent, or null when it can.
function pictureProblem(file, description) {
  if (!file) return description ? "Choisissez l'image, ou effacez sa description." : null;
  if (!pictureTypes.includes(file.type)) return "L'image doit être au format JPEG ou PNG.";
  if (file.size > maxPictureBytes) return "L'image est trop lourde : 2 Mo au plus.";
  if (!description) return "Décrivez l'image en quelques mots, pour les personnes qui ne la voient pas.";
  return null;
}

export function newAnnouncementScreen({ session, announce, navigate }) {
  const error = alertBox();
  showAlert(error, null);
  if (!coordinatorRoles.includes(session.role)) {
    showAlert(error, "Seule l'animatrice peut publier une annonce.");
    return { title: "Publier une annonce", content: h("section", {}, backToHome(), h("h1", {}, "Publier une annonce"), error) };
  }

  const field = (id, label, input) => h("div", { className: "field" }, h("label", { for: id }, label), input);
  const inputs = {
    title: h("input", { id: "annonce-titre", type: "text", required: true, maxLength: 120, autocomplete: "off" }),
    body: h("textarea", { id: "annonce-texte", required: true, maxLength: 4000, rows: 6 }),
    picture: h("input", { id: "annonce-image", type: "file", accept: pictureTypes.join(",") }),
    description: h("input", { id: "annonce-image-description", type: "text", maxLength: maxDescriptionLength, autocomplete: "off" }),
  };
  const save = h("button", { type: "submit", className: "button primary" }, pictogram("📢"), " Publier l'annonce");

  async function publish(event) {
    event.preventDefault();
    const title = inputs.title.value.trim();
    const body = inputs.body.value.trim();
    const file = inputs.picture.files[0];
    const description = inputs.description.value.trim();
    if (!title || !body) {
      showAlert(error, "Écrivez le titre et le texte de l'annonce.");
      return;
    }
    const problem = pictureProblem(file, description);
    if (problem) {
      showAlert(error, problem);
      return;
    }

    save.disabled = true;
    let posted = null;
    try {
      ({ data: posted } = await postJson("/announcements", { title, body }));
      if (file) await putBinary(`/announcements/${posted.id}/picture?description=${encodeURIComponent(description)}`, file, file.type);
      announce(`L'annonce « ${title} » est publiée.`);
      navigate("#/agenda");
    } catch (failure) {
      // The announcement may be published while its picture was rejected, so the message names the part that failed.
      showAlert(error, posted ? `L'annonce est publiée, mais sans l'image : ${failure.message}` : failure.message);
    } finally {
      save.disabled = false;
    }
  }

  return {
    title: "Publier une annonce",
    content: h("section", { "aria-labelledby": "titre-annonce" },
      h("p", { className: "back" }, h("a", { className: "button secondary", href: "#/agenda" }, pictogram("⬅️"), " Retour à l'agenda")),
      h("h1", { id: "titre-annonce" }, "Publier une annonce"),
      error,
      h("form", { className: "card agenda-form", novalidate: true, onsubmit: publish },
        field("annonce-titre", "Titre", inputs.title),
        field("annonce-texte", "Texte (phrases courtes, mots simples)", inputs.body),
        field("annonce-image", "Image (JPEG ou PNG, 2 Mo au plus, facultative)", inputs.picture),
        field("annonce-image-description", "Description de l'image (ce qu'on y voit)", inputs.description),
        h("div", { className: "actions" },
          save,
          h("a", { className: "button secondary", href: "#/agenda" }, pictogram("↩️"), " Ne pas publier")))),
  };
}
