// The Memory board of the game screen: face-down cards as big buttons. A move turns one card,
// and a turn is two moves. The API sends a card's picture only while the card is face up.
import { h, pictogram } from "../dom.js";
import { otherPlayerName } from "./game-players.js";

// The API names each picture with a French word. The pictogram is shown beside the word, never alone.
const pictograms = { soleil: "☀️", chat: "🐱", fleur: "🌸", maison: "🏠", pomme: "🍎", bateau: "⛵", arbre: "🌳", oiseau: "🐦" };

// Returns the pictogram, hidden from screen readers, and the word of a picture, to place in a sentence.
function pictureNodes(picture) {
  return [pictogram(pictograms[picture] ?? "❔"), ` ${picture}`];
}

function cardNumbers(cards) {
  return `${cards[0] + 1} et ${cards[1] + 1}`;
}

// Builds the Memory part of the game screen. play(card) sends a move to the API.
export function memoryBoard({ session, play }) {
  const scores = h("p", { className: "memory-scores" });
  const lastTurn = h("p", { className: "memory-last-turn", role: "status" });
  const grid = h("div", { className: "memory-grid", role: "group", "aria-label": "Cartes du Memory" });

  function show(game) {
    const memory = game.memory;
    if (!memory) {
      scores.textContent = "";
      lastTurn.textContent = "";
      grid.replaceChildren(h("p", {}, "Les cartes apparaissent quand la partie commence."));
      return;
    }
    scores.textContent = scoresText(game, memory);
    lastTurn.replaceChildren(...lastTurnContent(game, memory));
    const myTurn = game.status === "inProgress" && game.currentPlayerId === session.personId;
    const recent = new Set([memory.revealedCard, ...(memory.lastMismatch ?? []), ...(memory.lastPair ?? [])]);
    grid.replaceChildren(...memory.cards.map((card) => cardButton(card, myTurn, recent.has(card.index))));
  }

  function scoresText(game, memory) {
    const mine = memory.scores.find((score) => score.playerId === session.personId)?.pairs ?? 0;
    const theirs = memory.scores.find((score) => score.playerId !== session.personId)?.pairs ?? 0;
    return `Vos paires : ${mine}. Les paires de ${otherPlayerName(game, session)} : ${theirs}.`;
  }

  function lastTurnContent(game, memory) {
    const pictureOf = (index) => memory.cards[index].picture;
    if (memory.revealedCard !== null && memory.revealedCard !== undefined) {
      const card = [`la carte ${memory.revealedCard + 1} : `, ...pictureNodes(pictureOf(memory.revealedCard))];
      return game.currentPlayerId === session.personId
        ? ["Vous avez retourné ", ...card, ". Retournez une deuxième carte."]
        : [`${otherPlayerName(game, session)} a retourné `, ...card, "."];
    }
    if (memory.lastPair) {
      return [`Cartes ${cardNumbers(memory.lastPair)} : `, ...pictureNodes(pictureOf(memory.lastPair[0])), " deux fois. C'est une paire !"];
    }
    if (memory.lastMismatch) {
      const [first, second] = memory.lastMismatch;
      return [`Cartes ${cardNumbers(memory.lastMismatch)} : `, ...pictureNodes(pictureOf(first)), " et ", ...pictureNodes(pictureOf(second)),
        ". Ce n'est pas une paire. Elles se cachent au prochain coup."];
    }
    return ["Aucune carte n'est retournée."];
  }

  function cardButton(card, myTurn, recent) {
    const number = card.index + 1;
    const faceUp = card.picture !== null && card.picture !== undefined;
    const className = ["memory-card", faceUp ? "face-up" : "face-down", card.found ? "found" : "", recent ? "recent" : ""].join(" ").trim();
    // The label gives the position and, once face up, the word. The pictogram is decoration beside the word.
    const label = !faceUp ? `Carte ${number}, face cachée`
      : card.found ? `Carte ${number} : ${card.picture}, paire trouvée`
      : `Carte ${number} : ${card.picture}`;
    const content = faceUp
      ? [h("span", { className: "card-number" }, String(number)), pictogram(pictograms[card.picture] ?? "❔"), h("span", { className: "card-word" }, card.picture)]
      : [h("span", { className: "card-number" }, String(number))];
    return h("button", {
      type: "button", className, "aria-label": label, "data-card": card.index,
      disabled: !myTurn || faceUp, onclick: () => play(card.index),
    }, content);
  }

  function focusAfterMove(card) {
    const next = [...grid.querySelectorAll(".memory-card")].find((button) => !button.disabled && Number(button.dataset.card) > card)
      ?? grid.querySelector(".memory-card:not(:disabled)");
    next?.focus();
  }

  return {
    title: "Memory",
    help: "Touchez une carte pour la retourner, puis une deuxième. Deux images pareilles : vous gagnez la paire et vous rejouez.",
    content: [scores, lastTurn, grid],
    moveOf: (card) => ({ card }),
    show,
    focusAfterMove,
  };
}
