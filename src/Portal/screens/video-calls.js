// Video calls: call a conversation partner and follow the call's state (ringing, in progress,
// ended), or answer an incoming call. The state comes live from the video-calls stream.
// NOTE: this screen carries no picture or sound yet, because the WebRTC media part (camera,
// microphone, peer connection) is not wired to the signalling endpoints here.
import { getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { followEventStream } from "../live-stream.js";
import { backToHome } from "./common.js";
import { participantKey, participantName, selfParticipant } from "./messaging-people.js";

const stateTexts = {
  ringing: "Ça sonne. On attend que la personne décroche.",
  active: "Vous êtes en communication.",
  declined: "La personne a refusé l'appel.",
  missed: "La personne n'a pas répondu.",
  ended: "L'appel est terminé.",
};

// Returns the people the signed-in person may call, from GET /contacts, each with a label to call them by.
async function callablePeople() {
  const { data: contacts } = await getJson("/contacts");
  return contacts.filter((contact) => contact.canCall)
    .map((contact) => ({ participant: { kind: contact.kind, id: contact.id }, label: contact.displayName }));
}

export function videoCallsScreen({ session, announce }) {
  const error = alertBox();
  showAlert(error, null);
  const callArea = h("div", { className: "card", hidden: true });
  const callState = h("p", { className: "call-state", role: "status" });
  const callActions = h("div", { className: "actions" });
  callArea.append(h("h2", {}, pictogram("📹"), " Appel en cours"), callState, callActions);
  const people = h("ul", { className: "plain-list", "aria-label": "Les personnes à appeler" });
  let call = null;
  let closeStream = null;

  function isCallee(view) {
    return participantKey(view.callee) === participantKey(selfParticipant(session));
  }

  function showCall(view) {
    call = view;
    callArea.hidden = false;
    const incoming = isCallee(view) && view.state === "ringing";
    callState.textContent = incoming ? "Quelqu'un vous appelle." : stateTexts[view.state] ?? "";
    const finished = !["ringing", "active"].includes(view.state);
    callActions.replaceChildren(
      incoming ? h("button", { type: "button", className: "button primary", onclick: () => change("accept") }, pictogram("📞"), " Décrocher") : null,
      incoming ? h("button", { type: "button", className: "button secondary", onclick: () => change("decline") }, pictogram("❌"), " Refuser") : null,
      !incoming && !finished ? h("button", { type: "button", className: "button primary", onclick: () => change("hang-up") }, pictogram("📴"), " Raccrocher") : null);
  }

  async function change(action) {
    try {
      const { data } = await postJson(`/video-calls/${call.id}/${action}`);
      showAlert(error, null);
      showCall(data);
      announce(callState.textContent);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function startCall(person) {
    try {
      const { data } = await postJson("/video-calls", { callee: { kind: person.participant.kind, id: person.participant.id } });
      showAlert(error, null);
      showCall(data);
      announce(`Vous appelez ${person.label}.`);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function load() {
    try {
      const list = await callablePeople();
      showAlert(error, null);
      people.replaceChildren(...(list.length === 0
        ? [h("li", {}, "Personne à appeler pour le moment.")]
        : list.map((person) => h("li", { className: "card" },
          h("p", { className: "conversation-title" }, person.label),
          h("button", { type: "button", className: "button primary", onclick: () => startCall(person), "aria-label": `Appeler ${person.label}` },
            pictogram("📹"), " Appeler")))));
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  function onEvent(type, data) {
    if (!type.startsWith("video-call-") || type === "video-call-signal" || !data?.id) return;
    if (call && call.id !== data.id && ["ringing", "active"].includes(call.state)) return;
    showCall(data);
    announce(callState.textContent);
  }

  return {
    title: "Appels vidéo",
    content: h("section", { "aria-labelledby": "titre-appels" },
      backToHome(),
      h("h1", { id: "titre-appels" }, "Appels vidéo"),
      error,
      h("p", { className: "notice" }, "Pour l'instant, l'appel ne montre pas encore l'image ni le son."),
      callArea,
      h("h2", {}, "Qui voulez-vous appeler ?"),
      people),
    afterRender: () => {
      load();
      closeStream = followEventStream("/video-calls/stream", { onEvent, onReconnect: load });
    },
    dispose: () => closeStream?.(),
  };
}
