import { getJson, putJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { applyPreferences } from "../preferences.js";
import { backToHome, floorName, roleNames } from "./common.js";

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

export async function profileScreen(context) {
  if (context.session.role !== "resident") {
    return accountScreen(context.session);
  }

  const error = alertBox();
  showAlert(error, null);
  let resident;
  let etag;
  try {
    ({ data: resident, etag } = await getJson("/residents/me"));
  } catch (problem) {
    showAlert(error, problem.message);
    return page(error);
  }
  applyPreferences(resident.preferences);
  context.refreshBanner();

  return page(error, details(resident), preferencesForm(resident, etag, error, context));
}

function page(...children) {
  return {
    title: "Mon profil",
    content: h("section", { "aria-labelledby": "titre-profil" },
      backToHome(),
      h("h1", { id: "titre-profil" }, "Mon profil"),
      ...children),
  };
}

function details(resident) {
  return h("div", { className: "card" },
    h("h2", {}, pictogram("🏠"), " Mon logement"),
    h("dl", { className: "facts" },
      h("dt", {}, "Nom"), h("dd", {}, `${resident.firstName} ${resident.lastName}`),
      h("dt", {}, "Logement"), h("dd", {}, resident.flatNumber ? `N° ${resident.flatNumber}` : "Pas de logement"),
      h("dt", {}, "Étage"), h("dd", {}, floorName(resident.floor))));
}

function preferencesForm(resident, etag, error, { announce, refreshBanner }) {
  const current = resident.preferences;
  const sizeChoices = textSizes.map(([value, label]) =>
    h("div", { className: "choice" },
      h("input", { type: "radio", id: `taille-${value}`, name: "textSize", value, checked: current.textSize === value }),
      h("label", { for: `taille-${value}` }, label)));
  const switchChoices = switches.map(([key, id, label]) =>
    h("div", { className: "choice" },
      h("input", { type: "checkbox", id, name: key, checked: current[key] }),
      h("label", { for: id }, label)));
  const save = h("button", { type: "submit", className: "button primary" }, pictogram("💾"), " Enregistrer");

  const form = h("form", { className: "card", onsubmit: async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const preferences = {
        textSize: data.get("textSize") ?? "normal",
        highContrast: data.has("highContrast"),
        easyRead: data.has("easyRead"),
        readAloud: data.has("readAloud"),
      };
      save.disabled = true;
      try {
        ({ etag } = await putJson(`/residents/${resident.id}/preferences`, preferences, etag));
        showAlert(error, null);
        applyPreferences(preferences);
        refreshBanner();
        announce("C'est enregistré.");
      } catch (problem) {
        showAlert(error, problem.message);
      } finally {
        save.disabled = false;
      }
    } },
    h("h2", {}, pictogram("👓"), " Mon affichage"),
    h("p", {}, "Choisissez comment vous voulez voir le portail."),
    h("fieldset", {}, h("legend", {}, "Taille du texte"), ...sizeChoices),
    h("fieldset", {}, h("legend", {}, "Aides"), ...switchChoices),
    save);
  return form;
}

function accountScreen(session) {
  return page(h("div", { className: "card" },
    h("dl", { className: "facts" },
      h("dt", {}, "Nom"), h("dd", {}, session.displayName),
      h("dt", {}, "Rôle"), h("dd", {}, roleNames[session.role] ?? session.role)),
    h("p", {}, "Les réglages d'affichage se font sur le compte de chaque résident.")));
}
