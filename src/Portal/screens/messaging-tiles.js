// The home screen's messaging tiles, with the number of unread messages.
import { getJson } from "../api.js";
import { h, pictogram } from "../dom.js";
import { messagingRoles, writeToCoordinator } from "./messaging.js";
import { unreadText } from "./messaging-people.js";

export async function messagingTiles(session, navigate, announce) {
  if (!messagingRoles.includes(session.role)) return [];

  let unread = 0;
  try {
    const { data } = await getJson("/conversations");
    unread = data.reduce((total, conversation) => total + conversation.unreadCount, 0);
  } catch {
    // The tile still opens the messaging screen, which shows the error.
  }

  const tiles = [h("li", {}, h("a", { className: "tile", href: "#/messagerie" },
    pictogram("✉️"),
    h("span", { className: "tile-label" }, "Messagerie"),
    unread > 0 ? h("span", { className: "unread" }, unreadText(unread)) : null))];
  if (session.role === "resident") {
    tiles.push(h("li", {}, h("button", { type: "button", className: "tile", onclick: () => writeToCoordinator(navigate, announce) },
      pictogram("✏️"),
      h("span", { className: "tile-label" }, "Écrire à l'animatrice"))));
  }
  return tiles;
}
