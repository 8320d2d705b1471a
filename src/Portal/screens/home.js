import { h, pictogram } from "../dom.js";
import { accompaniedResidentsCard } from "./accompanied.js";
import { careRoles } from "./care.js";
import { checkInCard } from "./check-in.js";
import { staffRoles } from "./common.js";
import { kioskStaffRoles } from "./kiosk.js";
import { messagingRoles } from "./messaging.js";
import { messagingTiles } from "./messaging-tiles.js";
import { testCallCard } from "./priority-call.js";

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
  tiles.push(tile("#/agenda", "📅", "Agenda partagé"));
  if (session.role === "resident") tiles.push(tile("#/jeux", "🎲", "Jeux"));
  if (messagingRoles.includes(session.role)) tiles.push(tile("#/appels-video", "📹", "Appels vidéo"));
  if (session.role === "resident" || kioskStaffRoles.includes(session.role)) tiles.push(tile("#/kiosque", "🛒", "Le kiosque"));

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
