// The accessibility preferences form, used by a resident on their own profile and by a
// consented caregiver on the resident's screen.
import { ApiProblem, getJson, putJson } from "../api.js";
import { h, pictogram, showAlert } from "../dom.js";

const textSizes = [
  ["normal", "Normal"],
  ["large", "Grand"],
  ["extraLarge", "Très grand"],
];

const switches = [
  ["highContrast", "contraste", "Couleurs très contrastées"],
  ["easyRead", "facile-a-lire", "Textes faciles à lire"],
  ["readAloud", "lecture", "Bouton « Lire à voix haute »"],
];

export const conflictMessage = "Quelqu'un d'autre a changé ce profil pendant ce temps. "
  + "L'écran montre maintenant la dernière version. "
  + "Regardez les choix. Puis touchez « Enregistrer » encore une fois.";

// Returns true for the statuses the API sends when the profile changed since it was read.
function isVersionConflict(problem) {
  return problem instanceof ApiProblem && (problem.status === 412 || problem.status === 409);
}

// Builds the form. onSaved and onReloaded receive the preferences now stored, so the
// caller can apply them to the page when the profile is the signed-in person's own.
export function preferencesForm({ resident, etag, error, announce, heading, intro, onSaved, onReloaded }) {
  let version = etag;
  const sizeChoices = textSizes.map(([value, label]) =>
    h("div", { className: "choice" },
      h("input", { type: "radio", id: `taille-${value}`, name: "textSize", value }),
      h("label", { for: `taille-${value}` }, label)));
  const switchChoices = switches.map(([key, id, label]) =>
    h("div", { className: "choice" },
      h("input", { type: "checkbox", id, name: key }),
      h("label", { for: id }, label)));
  const save = h("button", { type: "submit", className: "button primary" }, pictogram("💾"), " Enregistrer");

  const form = h("form", { className: "card", onsubmit: async (event) => {
      event.preventDefault();
      const preferences = readChoices(form);
      save.disabled = true;
      try {
        ({ etag: version } = await putJson(`/residents/${resident.id}/preferences`, preferences, version));
        showAlert(error, null);
        onSaved?.(preferences);
        announce("C'est enregistré.");
      } catch (problem) {
        if (isVersionConflict(problem)) {
          await reloadLatest();
        } else {
          showAlert(error, problem.message);
        }
      } finally {
        save.disabled = false;
      }
    } },
    h("h2", {}, pictogram("👓"), " ", heading),
    h("p", {}, intro),
    h("fieldset", {}, h("legend", {}, "Taille du texte"), ...sizeChoices),
    h("fieldset", {}, h("legend", {}, "Aides"), ...switchChoices),
    save);
  showChoices(form, resident.preferences);

  // Reads the profile again so the form shows what is stored now and the next save sends its new ETag.
  async function reloadLatest() {
    try {
      const { data: latest, etag: latestVersion } = await getJson(`/residents/${resident.id}`);
      version = latestVersion;
      showChoices(form, latest.preferences);
      onReloaded?.(latest.preferences);
      showAlert(error, conflictMessage);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  return form;
}

function readChoices(form) {
  const data = new FormData(form);
  return {
    textSize: data.get("textSize") ?? "normal",
    highContrast: data.has("highContrast"),
    easyRead: data.has("easyRead"),
    readAloud: data.has("readAloud"),
  };
}

function showChoices(form, preferences) {
  for (const input of form.querySelectorAll("input[name='textSize']")) {
    input.checked = input.value === preferences.textSize;
  }
  for (const [key] of switches) {
    form.elements[key].checked = Boolean(preferences[key]);
  }
}
