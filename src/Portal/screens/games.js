// Games between residents: the list of games and invitations, and the screen of one game,
// both kept up to date by the games live stream. Each game's board has its own module.
import { getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { instantInWords } from "../french-time.js";
import { followEventStream } from "../live-stream.js";
import { backToHome } from "./common.js";
import { otherPlayerName, sentence } from "./game-players.js";
import { connectFourBoard } from "./connect-four-board.js";
import { memoryBoard } from "./memory-board.js";

const gameNames = { connectFour: "Puissance 4", memory: "Memory" };

// The games a resident can choose in an invitation, each explained in one easy sentence.
const gameChoices = [
  { kind: "connectFour", pictogram: "🔴", explanation: "Faites tomber des jetons. Alignez 4 jetons pour gagner." },
  { kind: "memory", pictogram: "🃏", explanation: "Retournez des cartes. Trouvez le plus de paires d'images." },
];

function resultText(game, session) {
  const other = otherPlayerName(game, session);
  if (game.status === "won") return game.winnerId === session.personId ? "Bravo, vous avez gagné !" : `${other} a gagné.`;
  if (game.status === "drawn") {
    return game.kind === "memory" ? "Match nul : vous avez trouvé autant de paires l'un que l'autre." : "Match nul : la grille est pleine.";
  }
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
        !invitedMe && game.status !== "declined"
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
          const kind = event.submitter?.value ?? "connectFour";
          const { data: game } = await postJson("/games", { kind, opponent: chosen.value });
          announce("L'invitation est envoyée.");
          navigate(`#/partie/${game.id}`);
        } catch (problem) {
          showAlert(error, problem.message);
        }
      } },
      h("fieldset", {}, h("legend", {}, "Avec qui voulez-vous jouer ?"), choices),
      h("fieldset", { className: "game-choices" }, h("legend", {}, "À quel jeu ?"),
        gameChoices.map((choice) => h("button", { type: "submit", className: "button primary game-choice", value: choice.kind },
          pictogram(choice.pictogram),
          h("span", {}, h("span", { className: "game-choice-name" }, `Inviter à jouer au ${gameNames[choice.kind]}`),
            h("span", { className: "game-choice-explanation" }, choice.explanation))))));
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

// One game, with the board of its kind, updated live for both players. The game is read
// before the screen is built, so the title names the game.
export async function gameScreen({ session, id, announce, navigate }) {
  const error = alertBox();
  showAlert(error, null);
  const status = h("p", { className: "game-status", role: "status" });
  const actions = h("div", { className: "actions" });
  let game = null;
  let closeStream = null;

  let first = null;
  try {
    first = (await getJson(`/games/${id}`)).data;
  } catch (problem) {
    showAlert(error, problem.message);
  }
  const boardOf = first?.kind === "memory" ? memoryBoard : connectFourBoard;
  const board = first ? boardOf({ session, play }) : null;
  const title = board?.title ?? "Partie";

  function show(next) {
    const previousStatus = game?.status;
    game = next;
    status.textContent = resultText(game, session);
    if (previousStatus === "inProgress" && game.status !== "inProgress") announce(status.textContent);
    board.show(game);
    renderActions();
  }

  function renderActions() {
    const invitedMe = game.status === "invited" && game.opponentId === session.personId;
    const ended = ["won", "drawn", "abandoned"].includes(game.status);
    // replaceChildren would write a null as the text "null", so only the buttons that apply are passed.
    const buttons = [
      invitedMe ? h("button", { type: "button", className: "button primary", onclick: accept }, pictogram("✔️"), " Accepter la partie") : null,
      ended ? h("button", { type: "button", className: "button primary", onclick: rematch }, pictogram("🔁"), " Revanche") : null,
    ];
    actions.replaceChildren(...buttons.filter((button) => button !== null));
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

  async function play(position) {
    try {
      const { data } = await postJson(`/games/${id}/moves`, board.moveOf(position));
      showAlert(error, null);
      show(data);
      board.focusAfterMove(position);
    } catch (problem) {
      // Shows the board as the API returns it, then the problem, because a successful load clears the alert.
      await load();
      showAlert(error, problem.message);
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
      const other = otherPlayerName(data, session);
      actions.append(h("a", { className: "button primary", href: `#/partie/${data.id}` }, pictogram("🔁"), ` ${other} propose une revanche : voir`));
      announce(`${other} propose une revanche.`);
    }
  }

  return {
    title,
    content: h("section", { "aria-labelledby": "titre-partie" },
      h("p", { className: "back" }, h("a", { className: "button secondary", href: "#/jeux" }, pictogram("⬅️"), " Retour aux jeux")),
      h("h1", { id: "titre-partie" }, title),
      error,
      board ? [h("p", {}, board.help), status, ...board.content, actions] : null),
    afterRender: () => {
      if (!board) return;
      show(first);
      closeStream = followEventStream("/games/stream", { onEvent, onReconnect: load });
      // Reads the game again in case a move was played before the stream was open.
      load();
    },
    dispose: () => closeStream?.(),
  };
}
