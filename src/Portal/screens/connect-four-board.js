// The Connect Four board of the game screen: 7 column buttons over a 6-row grid.
import { h } from "../dom.js";
import { otherPlayerName } from "./game-players.js";

// The first player's discs are red with ●, the second player's yellow with ○, so colour is never the only clue.
const discs = {
  first: { symbol: "●", colour: "rouge", className: "disc-first" },
  second: { symbol: "○", colour: "jaune", className: "disc-second" },
};

function discOf(game, playerId) {
  return playerId === game.firstPlayerId ? discs.first : discs.second;
}

// Builds the Connect Four part of the game screen. play(column) sends a move to the API.
export function connectFourBoard({ session, play }) {
  const legend = h("p", { className: "game-legend" });
  const board = h("div", { className: "connect-four", role: "group", "aria-label": "Grille du Puissance 4" });

  function show(game) {
    const mine = discOf(game, session.personId);
    const theirs = mine === discs.first ? discs.second : discs.first;
    legend.textContent = `Vos jetons : ${mine.symbol} ${mine.colour}. Ceux de ${otherPlayerName(game, session)} : ${theirs.symbol} ${theirs.colour}.`;
    renderBoard(game);
  }

  function renderBoard(game) {
    const grid = game.connectFour;
    if (!grid) {
      board.replaceChildren(h("p", {}, "La grille apparaît quand la partie commence."));
      return;
    }
    const myTurn = game.status === "inProgress" && game.currentPlayerId === session.personId;
    const columns = [];
    for (let column = 0; column < grid.columns; column++) {
      const cells = grid.cells.map((row) => row[column]);
      const filled = cells.filter((cell) => cell !== null);
      const describedId = `colonne-${column + 1}-contenu`;
      const description = filled.length === 0 ? "Colonne vide."
        : `De bas en haut : ${[...filled].reverse().map((player) => discOf(game, player).colour).join(", ")}. ${grid.rows - filled.length} places libres.`;
      columns.push(h("button", {
          type: "button", className: "board-column", "aria-label": `Colonne ${column + 1}`, "aria-describedby": describedId,
          disabled: !myTurn || filled.length === grid.rows, onclick: () => play(column),
        },
        cells.map((player) => {
          const disc = player === null ? null : discOf(game, player);
          return h("span", { className: `board-cell ${disc ? disc.className : "empty"}`, "aria-hidden": "true" }, disc ? disc.symbol : "");
        }),
        h("span", { className: "visually-hidden", id: describedId }, description)));
    }
    board.replaceChildren(...columns);
  }

  function focusAfterMove(column) {
    const focusTarget = board.querySelectorAll(".board-column")[column];
    if (focusTarget && !focusTarget.disabled) focusTarget.focus();
  }

  return {
    title: "Puissance 4",
    help: "Touchez une colonne pour y faire tomber votre jeton. Alignez 4 jetons pour gagner.",
    content: [legend, board],
    moveOf: (column) => ({ column }),
    show,
    focusAfterMove,
  };
}
