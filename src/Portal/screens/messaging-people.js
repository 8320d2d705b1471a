// Names and times shown in the messaging screens.
import { currentUserId } from "../api.js";

const parisTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
});

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

// The API gives every participant a display name, such as « Jeanne M. » or « L'animatrice (Claire) ».
// The fallbacks only cover a payload without one.
const fallbackNames = { resident: "Un résident", caregiver: "Un proche", staff: "L'équipe de la résidence" };

export async function participantName(participant, session) {
  if (participantKey(participant) === participantKey(selfParticipant(session))) return "Vous";
  return participant.displayName || fallbackNames[participant.kind] || "Une personne";
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
