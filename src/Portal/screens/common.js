import { h, pictogram } from "../dom.js";

export function backToHome() {
  return h("p", { className: "back" },
    h("a", { className: "button secondary", href: "#/accueil" }, pictogram("⬅️"), " Retour à l'accueil"));
}

export const staffRoles = ["admin", "activity-coordinator", "care-staff", "on-call", "kiosk-staff", "connected-home-ambassador"];

export const roleNames = {
  "admin": "Administration",
  "activity-coordinator": "Animation",
  "care-staff": "Soins",
  "on-call": "Astreinte",
  "kiosk-staff": "Kiosque",
  "connected-home-ambassador": "Ambassadeur de l'habitat connecté",
  "researcher": "Recherche",
  "auditor": "Audit",
  "resident": "Résident",
  "caregiver": "Aidant",
};

export const categoryNames = {
  senior: "Senior",
  youngAdultWithDownSyndrome: "Jeune adulte avec trisomie 21",
  family: "Famille",
  otherTenant: "Autre locataire",
};

export function floorName(floor) {
  if (floor === null || floor === undefined) return "Non indiqué";
  return floor === 0 ? "Rez-de-chaussée" : floor === 1 ? "1er étage" : `${floor}e étage`;
}
