// The messaging screens: the list of conversations and one conversation, both updated live
// from GET /conversations/stream. Message text is always set with textContent.
import { getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { followEventStream } from "../live-stream.js";
import { coordinationRoles } from "./messaging-coordination.js";
import { backToHome } from "./common.js";
import { conversationTitle, parisDateTime, unreadText } from "./messaging-people.js";
import { blockedPeople, messageItem, messageComposer, residentSafetyActions } from "./messaging-parts.js";

const pageSize = 30;

export const messagingRoles = ["resident", "caregiver", "admin", "activity-coordinator", "care-staff", "on-call", "kiosk-staff", "connected-home-ambassador"];

// Opens the resident's conversation with the coordinators, then shows it.
export async function writeToCoordinator(navigate, showProblem) {
  try {
    const { data } = await postJson("/conversations/coordinator");
    navigate(`#/conversation/${data.id}`);
  } catch (problem) {
    showProblem(problem.message);
  }
}

// Follows the live stream while the screen is shown. It starts after the screen is in the
// page, so a disconnected screen means the person left it, even when the hash stayed the same.
function followWhileShown(content, handlers) {
  const stop = followEventStream("/conversations/stream", {
    onEvent: (type, data) => {
      if (!content.isConnected) {
        stop();
        return;
      }
      handlers.onEvent(type, data);
    },
    onReconnect: handlers.onReconnect,
  });
  window.addEventListener("hashchange", stop, { once: true });
}

// « Nouvelle conversation »: a searchable list of the people the API lets the signed-in person
// write to (GET /contacts). Choosing one opens the one-to-one conversation with them, which the
// API returns when it already exists.
function newConversationPicker(navigate, showProblem) {
  const search = h("input", { id: "chercher-personne", type: "search", autocomplete: "off" });
  const people = h("ul", { className: "plain-list contact-list", "aria-label": "Les personnes" });
  const none = h("p", { hidden: true }, "Personne ne correspond.");
  const panel = h("div", { className: "card", hidden: true },
    h("h2", { id: "titre-nouvelle-conversation" }, "À qui voulez-vous écrire ?"),
    h("label", { for: "chercher-personne" }, "Chercher un nom"),
    search,
    none,
    people);
  let contacts = [];

  async function open(contact) {
    try {
      const { data } = await postJson("/conversations", { participant: { kind: contact.kind, id: contact.id } });
      navigate(`#/conversation/${data.id}`);
    } catch (problem) {
      showProblem(problem.message);
    }
  }

  function show() {
    const searched = search.value.trim().toLocaleLowerCase("fr-FR");
    const matching = contacts.filter((contact) => contact.displayName.toLocaleLowerCase("fr-FR").includes(searched));
    people.replaceChildren(...matching.map((contact) => h("li", {},
      h("button", { type: "button", className: "button contact-button", onclick: () => open(contact) }, pictogram("👤"), ` ${contact.displayName}`))));
    none.hidden = matching.length > 0;
  }
  search.addEventListener("input", show);

  async function toggle() {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
    if (panel.hidden) return;
    try {
      const { data } = await getJson("/contacts");
      contacts = data.filter((contact) => contact.canMessage);
      show();
      search.focus();
    } catch (problem) {
      showProblem(problem.message);
    }
  }

  const button = h("button", { type: "button", className: "button primary", "aria-expanded": "false", onclick: toggle }, pictogram("➕"), " Nouvelle conversation");
  return h("div", {}, h("p", {}, button), panel);
}

export function conversationsScreen({ session, navigate, announce }) {
  const error = alertBox();
  showAlert(error, null);
  const list = h("ul", { className: "conversation-list", "aria-labelledby": "titre-conversations" });
  const empty = h("p", { hidden: true }, "Vous n'avez pas encore de message.");
  const actions = [];
  if (session.role === "resident") {
    actions.push(h("p", {}, h("button", { type: "button", className: "button primary", onclick: () => writeToCoordinator(navigate, (message) => showAlert(error, message)) },
      pictogram("✏️"), " Écrire à l'animatrice")));
  }
  actions.push(newConversationPicker(navigate, (message) => showAlert(error, message)));
  if (coordinationRoles.includes(session.role)) {
    actions.push(h("p", {}, h("a", { className: "button secondary", href: "#/messagerie/coordination" }, pictogram("👥"), " Groupes et signalements")));
  }

  async function load() {
    try {
      const { data } = await getJson("/conversations");
      showAlert(error, null);
      data.sort((first, second) => Date.parse(second.lastActivityAt) - Date.parse(first.lastActivityAt));
      list.replaceChildren(...await Promise.all(data.map((conversation) => conversationItem(conversation, session))));
      empty.hidden = data.length > 0;
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  const blocks = session.role === "resident" ? blockedPeople({ error, announce }) : null;
  const content = h("section", { "aria-labelledby": "titre-messagerie" },
    backToHome(),
    h("h1", { id: "titre-messagerie" }, "Messagerie"),
    ...actions,
    error,
    h("h2", { id: "titre-conversations" }, "Mes conversations"),
    empty,
    list,
    blocks?.section);

  return {
    title: "Messagerie",
    content,
    afterRender: async () => {
      await load();
      blocks?.load();
      followWhileShown(content, {
        onEvent: async (type) => {
          // A message posted between the first load and the stream's start is only in a reload.
          if (type === "connected") {
            await load();
            return;
          }
          if (type !== "message-posted") return;
          await load();
          announce("Vous avez un nouveau message.");
        },
        onReconnect: load,
      });
    },
  };
}

async function conversationItem(conversation, session) {
  const title = await conversationTitle(conversation, session);
  const last = conversation.lastMessage;
  let preview = "Pas encore de message.";
  if (last?.isVoice) preview = "Message vocal";
  else if (last) preview = last.preview;
  const unread = conversation.unreadCount > 0
    ? h("span", { className: "unread" }, h("span", { className: "unread-count", "aria-hidden": "true" }, String(conversation.unreadCount)),
      h("span", {}, unreadText(conversation.unreadCount)))
    : null;
  return h("li", {}, h("a", { className: "conversation-link", href: `#/conversation/${conversation.id}` },
    h("span", { className: "conversation-title" }, pictogram(conversation.kind === "group" ? "👥" : "💬"), " ", title),
    unread,
    h("span", { className: "conversation-preview" }, preview),
    h("time", { className: "conversation-time", datetime: conversation.lastActivityAt }, parisDateTime(conversation.lastActivityAt))));
}

export async function conversationScreen({ session, id, announce }) {
  const error = alertBox();
  showAlert(error, null);
  let conversation;
  try {
    ({ data: conversation } = await findConversation(id));
  } catch (problem) {
    showAlert(error, problem.message);
    return { title: "Conversation", content: h("section", { "aria-labelledby": "titre-conversation" },
      backToMessages(), h("h1", { id: "titre-conversation" }, "Conversation"), error) };
  }

  const title = await conversationTitle(conversation, session);
  const log = h("ol", { className: "message-list" });
  const older = h("button", { type: "button", className: "button secondary", hidden: true }, pictogram("⬆️"), " Voir les messages plus anciens");
  const shownIds = new Set();
  let olderCursor = null;
  let lastSequence = 0;

  const context = { session, conversationId: id, error, announce };

  async function showMessages(messages, where) {
    const fresh = messages.filter((message) => !shownIds.has(message.id));
    fresh.forEach((message) => shownIds.add(message.id));
    const items = await Promise.all(fresh.map((message) => messageItem(message, context)));
    if (where === "start") log.prepend(...items);
    else log.append(...items);
    for (const message of fresh) lastSequence = Math.max(lastSequence, message.sequence);
    return fresh;
  }

  async function markRead() {
    if (lastSequence === 0 || document.visibilityState === "hidden") return;
    try {
      await postJson(`/conversations/${id}/read`, { upToSequence: lastSequence });
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function loadOlder() {
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (olderCursor) query.set("before", olderCursor);
    try {
      const { data } = await getJson(`/conversations/${id}/messages?${query}`);
      await showMessages(data.items, "start");
      olderCursor = data.nextCursor;
      older.hidden = !olderCursor;
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  // After a reconnection, fetches what the stream missed.
  async function loadNewer() {
    try {
      const { data } = await getJson(`/conversations/${id}/messages?after=${lastSequence}&limit=100`);
      if ((await showMessages(data.items, "end")).length > 0) await markRead();
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  older.addEventListener("click", loadOlder);

  const composer = messageComposer({
    ...context,
    onSent: async (message) => {
      await showMessages([message], "end");
      await markRead();
    },
  });

  const content = h("section", { "aria-labelledby": "titre-conversation" },
    backToMessages(),
    h("h1", { id: "titre-conversation" }, title),
    conversation.kind === "group" ? h("p", {}, `Groupe de ${conversation.participants.length} personnes.`) : null,
    error,
    older,
    h("div", { role: "log", "aria-label": "Les messages" }, log),
    composer,
    residentSafetyActions(conversation, context));

  return {
    title,
    content,
    afterRender: async () => {
      await loadOlder();
      log.lastElementChild?.scrollIntoView({ block: "nearest" });
      await markRead();

      // Messages that arrived while the tablet was asleep or the tab hidden count as read once it is shown again.
      const markReadWhenVisible = () => { if (content.isConnected) markRead(); };
      document.addEventListener("visibilitychange", markReadWhenVisible);
      window.addEventListener("hashchange", () => document.removeEventListener("visibilitychange", markReadWhenVisible), { once: true });
      followWhileShown(content, {
        onEvent: async (type, message) => {
          if (type === "connected") {
            await loadNewer();
            return;
          }
          if (type !== "message-posted") return;
          if (message.conversationId !== id) {
            announce("Vous avez un nouveau message dans une autre conversation.");
            return;
          }
          if ((await showMessages([message], "end")).length === 0) return;
          announce("Nouveau message.");
          await markRead();
        },
        onReconnect: loadNewer,
      });
    },
  };
}

// The API has no GET for one conversation, so the screen finds it in the caller's list.
async function findConversation(id) {
  const { data } = await getJson("/conversations");
  const conversation = data.find((candidate) => candidate.id === id);
  if (!conversation) throw new Error("Cette conversation n'existe pas, ou vous n'y avez pas accès.");
  return { data: conversation };
}

function backToMessages() {
  return h("p", { className: "back" },
    h("a", { className: "button secondary", href: "#/messagerie" }, pictogram("⬅️"), " Retour à la messagerie"));
}
