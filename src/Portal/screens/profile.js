import { getJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { applyPreferences } from "../preferences.js";
import { backToHome, floorName, roleNames } from "./common.js";
import { preferencesForm } from "./preferences-form.js";

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

  // The profile is the signed-in resident's own, so saved or reloaded choices apply to this page at once.
  const applyToPage = (preferences) => {
    applyPreferences(preferences);
    context.refreshBanner();
  };
  const form = preferencesForm({
    resident, etag, error,
    announce: context.announce,
    heading: "Mon affichage",
    intro: "Choisissez comment vous voulez voir le portail.",
    onSaved: applyToPage,
    onReloaded: applyToPage,
  });
  return page(error, details(resident), form);
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

function accountScreen(session) {
  return page(h("div", { className: "card" },
    h("dl", { className: "facts" },
      h("dt", {}, "Nom"), h("dd", {}, session.displayName),
      h("dt", {}, "Rôle"), h("dd", {}, roleNames[session.role] ?? session.role)),
    h("p", {}, "Les réglages d'affichage se font sur le compte de chaque résident.")));
}
