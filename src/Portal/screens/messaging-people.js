// Names and times shown in the messaging screens.
import { currentUserId, getJson } from "../api.js";
import { staffRoles } from "./common.js";

const parisTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
});

// Residents' names read from GET /residents/{id}, by resident id, for this page's life.
const residentNames = new Map();

export function parisDateTime(iso) {
  return parisTime.format(new Date(iso));
}

export function participantKey(participant) {
  return `${participant.kind}:${participant.id}`.toLowerCase();
}

// The signed-in person as a conversation participant, in the API's form.
export function selfParticipant(session) {
  if (session.role === "resident") return { kind: "resident", id: session.personId };
  if (session.role === "caregiver") return { kind: "caregiver", id: session.personId };
  return { kind: "staff", id: currentUserId() };
}

// Staff and caregivers may read residents' records, so they see residents' names.
// NOTE: the conversation payload carries no names, so residents see other residents as
// « Un résident » until the API adds display names to participants.
function mayReadResidents(session) {
  return session.role === "caregiver" || staffRoles.includes(session.role);
}

export async function participantName(participant, session) {
  if (participantKey(participant) === participantKey(selfParticipant(session))) return "Vous";
  if (participant.kind === "staff") return "L'équipe de la résidence";
  if (participant.kind === "caregiver") return "Un proche";
  if (!mayReadResidents(session)) return "Un résident";

  if (!residentNames.has(participant.id)) {
    residentNames.set(participant.id, getJson(`/residents/${participant.id}`)
      .then(({ data }) => `${data.firstName} ${data.lastName}`.trim() || "Un résident")
      .catch(() => "Un résident"));
  }
  return residentNames.get(participant.id);
}

// The heading of a conversation: the group's name, or the other person's name.
export async function conversationTitle(conversation, session) {
  const self = participantKey(selfParticipant(session));
  const others = conversation.participants.filter((participant) => participantKey(participant) !== self);
  if (conversation.kind === "coordinator" && session.role !== "resident" && others.length > 0) {
    return `Message de ${await participantName(others[0], session)}`;
  }
  if (conversation.title) return conversation.title;
  if (others.length > 0) return participantName(others[0], session);
  return "Conversation";
}

export function unreadText(count) {
  return count === 1 ? "1 nouveau message" : `${count} nouveaux messages`;
}
