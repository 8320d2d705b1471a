// What a caregiver sees: the residents who consented to them, and one resident's screen
// where the caregiver can change how the portal shows itself to that resident.
import { getJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { backToHome, floorName } from "./common.js";
import { preferencesForm } from "./preferences-form.js";

// Builds the home card "Les personnes que j'accompagne" with one link per consented resident.
export async function accompaniedResidentsCard() {
  const error = alertBox();
  showAlert(error, null);
  const card = h("section", { className: "card accompanied", "aria-labelledby": "titre-accompagnes" },
    h("h2", { id: "titre-accompagnes" }, pictogram("🤝"), " Les personnes que j'accompagne"),
    error);

  let residents;
  try {
    ({ data: residents } = await getJson("/caregivers/me/residents"));
  } catch (problem) {
    showAlert(error, problem.message);
    return card;
  }

  if (residents.length === 0) {
    card.append(
      h("p", {}, "Personne ne vous a encore donné son accord."),
      h("p", {}, "Pour aider un résident, demandez à l'équipe de la résidence."));
    return card;
  }

  card.append(
    h("p", {}, "Touchez un nom pour voir sa fiche."),
    h("ul", { className: "person-list" }, residents.map((resident) =>
      h("li", {}, h("a", { className: "person-link", href: `#/personne/${resident.id}` },
        h("span", { className: "person-name" }, fullName(resident)),
        h("span", { className: "person-home" }, homeText(resident))),
        h("a", { className: "button secondary kiosk-for", href: `#/kiosque/pour/${resident.id}` },
          h("span", { "aria-hidden": "true", className: "pictogram" }, "🛒"), ` Commander au kiosque pour ${resident.firstName}`)))));
  return card;
}

export async function accompaniedResidentScreen({ id, announce }) {
  const error = alertBox();
  showAlert(error, null);
  let resident;
  let etag;
  try {
    ({ data: resident, etag } = await getJson(`/residents/${id}`));
  } catch (problem) {
    showAlert(error, problem.message);
    return page("La fiche d'une personne", error);
  }

  const name = fullName(resident);
  // The caregiver's own display stays as it is, because these choices are for the resident.
  const form = preferencesForm({
    resident, etag, error, announce,
    heading: "Son affichage",
    intro: `Choisissez comment ${resident.firstName} voit le portail. Le changement compte pour ${resident.firstName}, pas pour vous.`,
  });
  const appointments = h("p", {},
    h("a", { className: "button secondary", href: `#/personne/${resident.id}/rendez-vous` },
      pictogram("🩺"), ` Les rendez-vous de ${resident.firstName}`));
  return page(name, error, details(resident), appointments, form);
}

function page(title, ...children) {
  return {
    title,
    content: h("section", { "aria-labelledby": "titre-personne" },
      backToHome(),
      h("h1", { id: "titre-personne" }, title),
      ...children),
  };
}

function details(resident) {
  return h("div", { className: "card" },
    h("h2", {}, pictogram("🏠"), " Son logement"),
    h("dl", { className: "facts" },
      h("dt", {}, "Nom"), h("dd", {}, fullName(resident)),
      h("dt", {}, "Logement"), h("dd", {}, resident.flatNumber ? `N° ${resident.flatNumber}` : "Pas de logement"),
      h("dt", {}, "Étage"), h("dd", {}, floorName(resident.floor))));
}

function fullName(resident) {
  return `${resident.firstName} ${resident.lastName}`.trim() || "Nom non indiqué";
}

function homeText(resident) {
  return resident.flatNumber
    ? `Logement N° ${resident.flatNumber}, ${floorName(resident.floor).toLowerCase()}`
    : "Pas de logement";
}
