// Games between residents: the list of games and invitations, and the Connect Four board,
// both kept up to date by the games live stream.
import { getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { instantInWords } from "../french-time.js";
import { followEventStream } from "../live-stream.js";
import { backToHome } from "./common.js";

const gameNames = { connectFour: "Puissance 4", memory: "Memory" };

// The first player's discs are red with ●, the second player's yellow with ○, so colour is never the only clue.
const discs = {
  first: { symbol: "●", colour: "rouge", className: "disc-first" },
  second: { symbol: "○", colour: "jaune", className: "disc-second" },
};

function discOf(game, playerId) {
  return playerId === game.firstPlayerId ? discs.first : discs.second;
}

// Returns the other player's display name, as the games API gives it.
function otherPlayerName(game, session) {
  return (game.inviterId === session.personId ? game.opponentName : game.inviterName) || "Votre partenaire de jeu";
}

// Ends a sentence with a full stop, unless it ends with a name's initial such as « Lucas D. ».
function sentence(text) {
  return text.endsWith(".") ? text : `${text}.`;
}

function resultText(game, session) {
  const other = otherPlayerName(game, session);
  if (game.status === "won") return game.winnerId === session.personId ? "Bravo, vous avez gagné !" : `${other} a gagné.`;
  if (game.status === "drawn") return "Match nul : la grille est pleine.";
  if (game.status === "abandoned") return "La partie est arrêtée : personne n'a joué depuis longtemps.";
  if (game.status === "declined") return "L'invitation a été refusée.";
  if (game.status === "invited") {
    return game.opponentId === session.personId ? `${other} vous invite à jouer.` : sentence(`Vous attendez la réponse de ${other}`);
  }
  return game.currentPlayerId === session.personId ? "C'est à vous de jouer." : sentence(`C'est au tour de ${other}`);
}

// Returns the residents this resident can invite, as [id, display name] pairs, from GET /contacts:
// past opponents first (latest game first), then the others in the API's name order.
async function reachableResidents(session, games) {
  const { data: contacts } = await getJson("/contacts");
  const opponents = games.map((game) => (game.inviterId === session.personId ? game.opponentId : game.inviterId));
  const rank = (contact) => (opponents.includes(contact.id) ? opponents.indexOf(contact.id) : opponents.length);
  return contacts.filter((contact) => contact.canPlay)
    .sort((first, second) => rank(first) - rank(second))
    .map((contact) => [contact.id, contact.displayName]);
}

export function gamesScreen({ session, announce, navigate }) {
  const error = alertBox();
  showAlert(error, null);
  const invitations = h("ul", { className: "plain-list", "aria-label": "Invitations" });
  const current = h("ul", { className: "plain-list", "aria-label": "Parties en cours" });
  const finished = h("ul", { className: "plain-list", "aria-label": "Parties finies" });
  const inviteArea = h("div");
  let closeStream = null;

  async function answer(game, accept) {
    try {
      await postJson(`/games/${game.id}/${accept ? "accept" : "decline"}`);
      if (accept) {
        announce("La partie commence.");
        navigate(`#/partie/${game.id}`);
      } else {
        announce("Vous avez refusé l'invitation.");
        await load();
      }
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  function gameItem(game) {
    const headingId = `partie-${game.id}`;
    const invitedMe = game.status === "invited" && game.opponentId === session.personId;
    return h("li", { className: "card game" },
      h("h3", { id: headingId }, pictogram("🎲"), ` ${gameNames[game.kind] ?? "Jeu"}, le ${instantInWords(game.invitedAt)}`),
      h("p", {}, resultText(game, session)),
      h("div", { className: "actions" },
        invitedMe ? [
          h("button", { type: "button", className: "button primary", "aria-describedby": headingId, onclick: () => answer(game, true) }, pictogram("✔️"), " Accepter"),
          h("button", { type: "button", className: "button secondary", "aria-describedby": headingId, onclick: () => answer(game, false) }, pictogram("❌"), " Refuser"),
        ] : null,
        game.kind === "connectFour" && !invitedMe && game.status !== "declined"
          ? h("a", { className: "button secondary", href: `#/partie/${game.id}`, "aria-describedby": headingId }, pictogram("🔎"), " Voir la partie")
          : null));
  }

  async function load() {
    try {
      const { data: games } = await getJson("/games");
      showAlert(error, null);
      const fill = (list, items, empty) => list.replaceChildren(...(items.length === 0 ? [h("li", {}, empty)] : items.map(gameItem)));
      fill(invitations, games.filter((game) => game.status === "invited"), "Pas d'invitation en attente.");
      fill(current, games.filter((game) => game.status === "inProgress"), "Pas de partie en cours.");
      fill(finished, games.filter((game) => !["invited", "inProgress"].includes(game.status)).slice(0, 10), "Pas encore de partie finie.");
      inviteArea.replaceChildren(inviteForm(await reachableResidents(session, games)));
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  function inviteForm(people) {
    if (people.length === 0) {
      return h("p", {}, "Personne ne peut jouer avec vous pour le moment.");
    }
    const choices = people.map(([id, label], index) => {
      const inputId = `inviter-${index}`;
      return h("div", { className: "choice" },
        h("input", { id: inputId, type: "radio", name: "partenaire", value: id, checked: index === 0 }),
        h("label", { for: inputId }, label));
    });
    const form = h("form", { className: "card", onsubmit: async (event) => {
        event.preventDefault();
        const chosen = form.querySelector("input[name=partenaire]:checked");
        if (!chosen) {
          showAlert(error, "Choisissez une personne.");
          return;
        }
        try {
          const { data: game } = await postJson("/games", { kind: "connectFour", opponent: chosen.value });
          announce("L'invitation est envoyée.");
          navigate(`#/partie/${game.id}`);
        } catch (problem) {
          showAlert(error, problem.message);
        }
      } },
      h("fieldset", {}, h("legend", {}, "Avec qui voulez-vous jouer ?"), choices),
      h("button", { type: "submit", className: "button primary" }, pictogram("📨"), " Inviter à jouer au Puissance 4"));
    return form;
  }

  if (session.role !== "resident") {
    showAlert(error, "Les jeux sont réservés aux résidents.");
    return { title: "Jeux", content: h("section", {}, backToHome(), h("h1", {}, "Jeux"), error) };
  }

  return {
    title: "Jeux",
    content: h("section", { "aria-labelledby": "titre-jeux" },
      backToHome(),
      h("h1", { id: "titre-jeux" }, "Jeux"),
      error,
      h("section", { "aria-labelledby": "titre-invitations" }, h("h2", { id: "titre-invitations" }, pictogram("📨"), " Invitations"), invitations),
      h("section", { "aria-labelledby": "titre-en-cours" }, h("h2", { id: "titre-en-cours" }, pictogram("▶️"), " Parties en cours"), current),
      h("section", { "aria-labelledby": "titre-inviter" }, h("h2", { id: "titre-inviter" }, pictogram("➕"), " Inviter quelqu'un"), inviteArea),
      h("section", { "aria-labelledby": "titre-finies" }, h("h2", { id: "titre-finies" }, pictogram("🏁"), " Parties finies"), finished)),
    afterRender: () => {
      load();
      closeStream = followEventStream("/games/stream", { onEvent: () => load(), onReconnect: load });
    },
    dispose: () => closeStream?.(),
  };
}

// One Connect Four game: 7 column buttons over a 6-row grid, updated live for both players.
export function gameScreen({ session, id, announce, navigate }) {
  const error = alertBox();
  showAlert(error, null);
  const status = h("p", { className: "game-status", role: "status" });
  const legend = h("p", { className: "game-legend" });
  const board = h("div", { className: "connect-four", role: "group", "aria-label": "Grille du Puissance 4" });
  const actions = h("div", { className: "actions" });
  let game = null;
  let closeStream = null;

  function show(next) {
    const previousStatus = game?.status;
    game = next;
    const mine = discOf(game, session.personId);
    const theirs = mine === discs.first ? discs.second : discs.first;
    legend.textContent = `Vos jetons : ${mine.symbol} ${mine.colour}. Ceux de votre partenaire : ${theirs.symbol} ${theirs.colour}.`;
    status.textContent = resultText(game, session);
    if (previousStatus === "inProgress" && game.status !== "inProgress") announce(status.textContent);
    renderBoard();
    renderActions();
  }

  function renderBoard() {
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

  function renderActions() {
    const invitedMe = game.status === "invited" && game.opponentId === session.personId;
    const ended = ["won", "drawn", "abandoned"].includes(game.status);
    actions.replaceChildren(
      invitedMe ? h("button", { type: "button", className: "button primary", onclick: accept }, pictogram("✔️"), " Accepter la partie") : null,
      ended ? h("button", { type: "button", className: "button primary", onclick: rematch }, pictogram("🔁"), " Revanche") : null);
  }

  async function load() {
    try {
      const { data } = await getJson(`/games/${id}`);
      showAlert(error, null);
      show(data);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function play(column) {
    try {
      const { data } = await postJson(`/games/${id}/moves`, { column });
      show(data);
      const focusTarget = board.querySelectorAll(".board-column")[column];
      if (focusTarget && !focusTarget.disabled) focusTarget.focus();
    } catch (problem) {
      showAlert(error, problem.message);
      await load();
    }
  }

  async function accept() {
    try {
      const { data } = await postJson(`/games/${id}/accept`);
      show(data);
      announce("La partie commence.");
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function rematch() {
    try {
      const { data } = await postJson(`/games/${id}/rematch`);
      announce("Vous proposez une revanche.");
      navigate(`#/partie/${data.id}`);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  function onEvent(type, data) {
    if (data?.id === id) {
      show(data);
    } else if (type === "game-invited" && data?.rematchOf === id && data.opponentId === session.personId) {
      actions.append(h("a", { className: "button primary", href: `#/partie/${data.id}` }, pictogram("🔁"), " Votre partenaire propose une revanche : voir"));
      announce("Votre partenaire de jeu propose une revanche.");
    }
  }

  return {
    title: "Puissance 4",
    content: h("section", { "aria-labelledby": "titre-partie" },
      h("p", { className: "back" }, h("a", { className: "button secondary", href: "#/jeux" }, pictogram("⬅️"), " Retour aux jeux")),
      h("h1", { id: "titre-partie" }, "Puissance 4"),
      error,
      h("p", {}, "Touchez une colonne pour y faire tomber votre jeton. Alignez 4 jetons pour gagner."),
      legend, status, board, actions),
    afterRender: () => {
      load();
      closeStream = followEventStream("/games/stream", { onEvent, onReconnect: load });
    },
    dispose: () => closeStream?.(),
  };
}
