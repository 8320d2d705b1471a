import { h, pictogram } from "../dom.js";
import { accompaniedResidentsCard } from "./accompanied.js";
import { careRoles } from "./care.js";
import { checkInCard } from "./check-in.js";
import { staffRoles } from "./common.js";
import { testCallCard } from "./priority-call.js";
import { messagingTiles } from "./messaging-tiles.js";
import { kioskStaffRoles } from "./kiosk.js";

// Features that later modules will bring; their tiles are shown but cannot be opened yet.
const comingSoon = [
  ["📅", "Agenda partagé"],
  ["📹", "Appels vidéo"],
  ["🎲", "Jeux"],
  ["🛒", "Le kiosque"],
];

export async function homeScreen({ session, announce, navigate }) {
  const firstName = session.displayName.split(/[ ,]/)[0];
  const tiles = [
    h("li", {}, h("a", { className: "tile", href: "#/profil" }, pictogram("👤"), h("span", { className: "tile-label" }, "Mon profil"))),
  ];
  if (staffRoles.includes(session.role)) {
    tiles.push(h("li", {}, h("a", { className: "tile", href: "#/annuaire" },
      pictogram("📇"), h("span", { className: "tile-label" }, "L'annuaire des résidents"))));
  }
  if (session.role === "resident") {
    tiles.push(tile("#/rendez-vous", "🩺", "Mes rendez-vous"));
  }
  if (careRoles.includes(session.role)) {
    tiles.push(
      tile("#/soins/appels", "🚨", "Appels prioritaires"),
      tile("#/soins/astreinte", "🗓️", "Planning d'astreinte"),
      tile("#/soins/nouvelles", "🔎", "Pas encore de nouvelles"));
  }
  tiles.push(...await messagingTiles(session, navigate, announce));
  const kioskOpen = session.role === "resident" || kioskStaffRoles.includes(session.role);
  if (kioskOpen) tiles.push(tile("#/kiosque", "🛒", "Le kiosque"));
  for (const [symbol, label] of comingSoon.filter(([, label]) => !(kioskOpen && label === "Le kiosque"))) {
    tiles.push(h("li", {}, h("button", {
        type: "button", className: "tile", "aria-disabled": "true",
        onclick: () => announce(`${label} : bientôt disponible.`),
      },
      pictogram(symbol),
      h("span", { className: "tile-label" }, label),
      h("span", { className: "soon" }, "Bientôt"))));
  }

  const accompanied = session.role === "caregiver" ? await accompaniedResidentsCard() : null;
  const residentCards = session.role === "resident"
    ? await Promise.all([checkInCard({ session }), testCallCard({ navigate })])
    : [];

  return {
    title: "Accueil",
    content: h("section", { "aria-labelledby": "titre-accueil" },
      h("h1", { id: "titre-accueil" }, `Bonjour ${firstName}`),
      accompanied,
      h("p", {}, "Que voulez-vous faire ? Touchez une case."),
      h("ul", { className: "tiles", "aria-label": "Les services du portail" }, tiles),
      residentCards),
  };
}

function tile(href, symbol, label) {
  return h("li", {}, h("a", { className: "tile", href }, pictogram(symbol), h("span", { className: "tile-label" }, label)));
}
