// Notifies the signed-in person that someone is calling them while they are on another screen
// than « Appels vidéo », with a button that opens that screen, where they pick up.
import { h, pictogram } from "./dom.js";
import { followEventStream } from "./live-stream.js";
import { participantKey, selfParticipant } from "./screens/messaging-people.js";

const callsScreen = "#/appels-video";

// Starts watching the video-calls stream for the session and returns a function that stops it.
export function watchIncomingCalls(session, { navigate, announce }) {
  const region = document.getElementById("appel-entrant");
  const self = participantKey(selfParticipant(session));
  let ringingCallId = null;

  function hide() {
    ringingCallId = null;
    region.hidden = true;
    region.replaceChildren();
  }

  function onEvent(type, call) {
    if (!type.startsWith("video-call-") || type === "video-call-signal" || !call?.id) return;
    const ringsForMe = call.state === "ringing" && participantKey(call.callee) === self;
    if (!ringsForMe) {
      if (call.id === ringingCallId) hide();
      return;
    }
    if (location.hash === callsScreen) return;

    ringingCallId = call.id;
    const message = `${call.caller.displayName} vous appelle en vidéo.`;
    region.replaceChildren(
      h("p", {}, pictogram("📹"), " ", message),
      h("button", { type: "button", className: "button primary", onclick: () => { hide(); navigate(callsScreen); } },
        pictogram("📞"), " Répondre"));
    region.hidden = false;
    announce(message);
  }

  hide();
  const close = followEventStream("/video-calls/stream", { onEvent });
  return () => {
    close();
    hide();
  };
}
