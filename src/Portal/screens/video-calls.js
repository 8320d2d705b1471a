// Video calls: call a conversation partner and follow the call's state (ringing, in progress,
// ended), or answer an incoming call. The state comes live from the video-calls stream.
// The picture and sound (camera, microphone, WebRTC) live in video-call-media.js.
import { getJson, postJson, postWhileLeaving } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { durationInWords, instantInWords } from "../french-time.js";
import { followEventStream } from "../live-stream.js";
import { backToHome } from "./common.js";
import { createCallMedia } from "./video-call-media.js";
import { participantKey, selfParticipant } from "./messaging-people.js";

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

// The number of calls the history shows, newest first.
const historyLength = 10;

// One call of the history: who, when, and how it went, in the reader's words.
function historyItem(call) {
  const outgoing = call.direction === "outgoing";
  const other = outgoing ? call.callee.displayName : call.caller.displayName;
  const outcomes = {
    ringing: "ça sonne",
    active: "en cours",
    declined: outgoing ? "la personne a refusé" : "vous avez refusé",
    missed: outgoing ? "pas de réponse" : "appel manqué",
    ended: call.durationSeconds > 0 ? `durée : ${durationInWords(call.durationSeconds)}` : "terminé",
  };
  return h("li", { className: "card" },
    h("p", { className: "conversation-title" }, pictogram(outgoing ? "📤" : "📥"), outgoing ? ` Vous avez appelé ${other}` : ` ${other} vous a appelé`),
    h("p", { className: "message-meta" }, `${instantInWords(call.requestedAt)}, ${outcomes[call.state] ?? call.state}.`));
}

export function videoCallsScreen({ session, announce }) {
  const error = alertBox();
  showAlert(error, null);
  const callArea = h("div", { className: "card", hidden: true });
  const callState = h("p", { className: "call-state", role: "status" });
  const callActions = h("div", { className: "actions" });
  const media = createCallMedia({ announce });
  callArea.append(h("h2", {}, pictogram("📹"), " Appel en cours"), callState, media.element, callActions);
  const people = h("ul", { className: "plain-list", "aria-label": "Les personnes à appeler" });
  const history = h("ul", { className: "plain-list", "aria-label": "Vos derniers appels" });
  let call = null;
  let closeStream = null;
  // True while a tap is being handled, so a second tap cannot open the camera twice or post twice.
  let busy = false;

  function isCallee(view) {
    return participantKey(view.callee) === participantKey(selfParticipant(session));
  }

  function showCall(view) {
    call = view;
    callArea.hidden = false;
    const incoming = isCallee(view) && view.state === "ringing";
    callState.textContent = incoming ? `${view.caller.displayName} vous appelle.` : stateTexts[view.state] ?? "";
    const finished = !["ringing", "active"].includes(view.state);
    // replaceChildren() would show a null argument as the text "null", so absent buttons are filtered out.
    callActions.replaceChildren(...[
      incoming ? h("button", { type: "button", className: "button primary", onclick: () => change("accept") }, pictogram("📞"), " Décrocher") : null,
      incoming ? h("button", { type: "button", className: "button secondary", onclick: () => change("decline") }, pictogram("❌"), " Refuser") : null,
      !incoming && !finished ? h("button", { type: "button", className: "button primary", onclick: () => change("hang-up") }, pictogram("📴"), " Raccrocher") : null,
    ].filter(Boolean));
    if (finished) {
      media.close();
    } else if (view.state === "active" && !isCallee(view)) {
      media.connect(view.id, { sendOffer: true });
    }
  }

  // Hangs up an open call this screen has media for, because leaving the screen or the page
  // stops them. The callee of a call still ringing has no media, and the API rejects its hang-up.
  function leaveCall(post) {
    const callerWaiting = call?.state === "ringing" && !isCallee(call);
    if (call?.state === "active" || callerWaiting) {
      post(`/video-calls/${call.id}/hang-up`);
    }
    media.close();
  }

  // Hangs up and stops the camera and microphone when the page reloads or the tab closes.
  function onPageHide() {
    leaveCall(postWhileLeaving);
  }

  async function change(action) {
    if (busy) return;
    busy = true;
    try {
      await postChange(action);
    } finally {
      busy = false;
    }
  }

  async function postChange(action) {
    if (action === "accept") {
      // The callee's peer connection must exist before the caller's offer arrives.
      if (!(await media.openDevices())) return;
      await media.connect(call.id, { sendOffer: false });
    }
    try {
      const { data } = await postJson(`/video-calls/${call.id}/${action}`);
      showAlert(error, null);
      showCall(data);
      announce(callState.textContent);
    } catch (problem) {
      if (action === "accept") media.close();
      showAlert(error, problem.message);
    }
  }

  async function startCall(person) {
    if (busy) return;
    if (call && ["ringing", "active"].includes(call.state)) {
      showAlert(error, "Vous avez déjà un appel en cours. Terminez-le d'abord, puis appelez de nouveau.");
      return;
    }
    busy = true;
    try {
      await placeCall(person);
    } finally {
      busy = false;
    }
  }

  async function placeCall(person) {
    // The camera turns on before the call rings, so a refused camera shows before anyone is disturbed.
    callArea.hidden = false;
    callState.textContent = "On prépare l'appel.";
    callActions.replaceChildren();
    if (!(await media.openDevices())) {
      callState.textContent = "L'appel n'est pas parti.";
      return;
    }
    try {
      const { data } = await postJson("/video-calls", { callee: { kind: person.participant.kind, id: person.participant.id } });
      showAlert(error, null);
      showCall(data);
      announce(`Vous appelez ${person.label}.`);
    } catch (problem) {
      media.close();
      callState.textContent = "L'appel n'est pas parti.";
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

  // Reads the call history. A call still ringing for this person opens in the call area, so a person
  // who came from the incoming-call notice, or reloaded the page, can pick up.
  async function loadHistory() {
    try {
      const { data: calls } = await getJson("/video-calls");
      const ringing = calls.find((candidate) => candidate.state === "ringing" && isCallee(candidate));
      if (ringing && !call) showCall(ringing);
      history.replaceChildren(...(calls.length === 0
        ? [h("li", {}, "Pas encore d'appel.")]
        : calls.slice(0, historyLength).map(historyItem)));
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  function onEvent(type, data) {
    if (type === "video-call-signal") {
      if (call && data?.callId === call.id) media.receiveSignal(data);
      return;
    }
    if (!type.startsWith("video-call-") || !data?.id) return;
    if (call && call.id !== data.id && ["ringing", "active"].includes(call.state)) return;
    showCall(data);
    announce(callState.textContent);
    if (!["ringing", "active"].includes(data.state)) loadHistory();
  }

  return {
    title: "Appels vidéo",
    content: h("section", { "aria-labelledby": "titre-appels" },
      backToHome(),
      h("h1", { id: "titre-appels" }, "Appels vidéo"),
      error,
      callArea,
      h("h2", {}, "Qui voulez-vous appeler ?"),
      people,
      h("h2", {}, "Vos derniers appels"),
      history),
    afterRender: () => {
      load();
      loadHistory();
      closeStream = followEventStream("/video-calls/stream", {
        onEvent,
        onReconnect: () => {
          load();
          loadHistory();
        },
      });
      window.addEventListener("pagehide", onPageHide);
    },
    dispose: () => {
      closeStream?.();
      window.removeEventListener("pagehide", onPageHide);
      leaveCall((path) => postJson(path).catch(() => {}));
    },
  };
}
