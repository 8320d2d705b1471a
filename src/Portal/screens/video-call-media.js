// The picture and sound of a video call: camera and microphone, the WebRTC peer connection,
// the two <video> elements and the mute buttons. The signalling goes through the API:
// offers, answers and ICE candidates are POSTed to /video-calls/{id}/signals and arrive
// from the other tablet as "video-call-signal" events on the video-calls stream.
// The caller always sends the offer, once the call is active, so both sides never offer at once.
import { getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";

const connectionTexts = {
  new: "On prépare l'appel.",
  connecting: "On relie les deux tablettes. Patientez un moment.",
  connected: "Vous vous voyez et vous vous entendez.",
  disconnected: "La connexion est coupée. On essaie de la rétablir.",
};

const failedText = "La connexion avec l'autre tablette ne marche pas. Vous ne pouvez pas vous voir ni vous entendre. "
  + "Appuyez sur « Raccrocher », puis appelez de nouveau.";

// Returns the French message for a getUserMedia error, with what the person can do about it.
function deviceErrorText(error) {
  switch (error?.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "La tablette n'a pas le droit d'utiliser la caméra ou le micro. "
        + "Autorisez la caméra et le micro pour BonSecours dans les réglages du navigateur, puis réessayez.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "La tablette ne trouve pas de caméra ou de micro. "
        + "Vérifiez qu'ils sont branchés, puis réessayez. Si cela ne marche pas, demandez de l'aide.";
    case "NotReadableError":
    case "AbortError":
      return "La caméra ou le micro est déjà utilisé par une autre application. Fermez cette application, puis réessayez.";
    default:
      return "La caméra ou le micro ne marche pas. Réessayez dans un moment. Si cela ne marche pas, demandez de l'aide.";
  }
}

/**
 * Creates the media part of the call screen. The caller of this function places `element`
 * in the page, calls openDevices() before placing or answering a call, connect() when the
 * call is answered, receiveSignal() for each "video-call-signal" event, and close() when the
 * call is over or the screen goes away.
 */
export function createCallMedia({ announce }) {
  const error = alertBox();
  showAlert(error, null);
  const status = h("p", { className: "call-media-status", role: "status" });
  const remoteVideo = h("video", {
    className: "call-video-remote", autoplay: true, playsinline: true, "aria-label": "L'image de la personne avec qui vous parlez",
  });
  const localVideo = h("video", {
    className: "call-video-local", autoplay: true, playsinline: true, "aria-label": "Votre image",
  });
  // The preview must never play the person's own voice back to them.
  localVideo.muted = true;
  const microphoneButton = h("button", { type: "button", className: "button secondary call-toggle", onclick: toggleMicrophone });
  const cameraButton = h("button", { type: "button", className: "button secondary call-toggle", onclick: toggleCamera });
  const controls = h("div", { className: "actions" }, microphoneButton, cameraButton);
  const videos = h("div", { className: "call-videos", hidden: true }, remoteVideo, localVideo);
  const element = h("div", { className: "call-media" }, error, status, videos, controls);

  let localStream = null;
  let peer = null;
  let callId = null;
  // Signals that arrive before the peer connection exists.
  let earlySignals = [];
  // ICE candidates that arrive before the remote description, because addIceCandidate() rejects them until then.
  let pendingCandidates = [];

  showControls();

  function showControls() {
    const microphoneOff = localStream?.getAudioTracks().some((track) => !track.enabled) ?? false;
    const cameraOff = localStream?.getVideoTracks().some((track) => !track.enabled) ?? false;
    microphoneButton.setAttribute("aria-pressed", String(microphoneOff));
    microphoneButton.replaceChildren(pictogram(microphoneOff ? "🎙️" : "🔇"), microphoneOff ? " Remettre le micro" : " Couper le micro");
    cameraButton.setAttribute("aria-pressed", String(cameraOff));
    cameraButton.replaceChildren(pictogram(cameraOff ? "📷" : "🚫"), cameraOff ? " Remettre la caméra" : " Couper la caméra");
    controls.hidden = !localStream;
  }

  function toggleTracks(tracks, offText, onText) {
    if (tracks.length === 0) return;
    const enable = !tracks[0].enabled;
    for (const track of tracks) track.enabled = enable;
    showControls();
    announce(enable ? onText : offText);
  }

  function toggleMicrophone() {
    toggleTracks(localStream?.getAudioTracks() ?? [], "Votre micro est coupé. L'autre personne ne vous entend plus.", "Votre micro marche de nouveau.");
  }

  function toggleCamera() {
    toggleTracks(localStream?.getVideoTracks() ?? [], "Votre caméra est coupée. L'autre personne ne vous voit plus.", "Votre caméra marche de nouveau.");
  }

  // Turns the camera and microphone on and shows the preview. Returns false, with the reason
  // shown on screen, when the browser has no access to them.
  async function openDevices() {
    if (localStream) return true;
    showAlert(error, null);
    if (!navigator.mediaDevices?.getUserMedia) {
      // Browsers expose getUserMedia only in a secure context: an HTTPS page or localhost.
      showAlert(error, "Ce navigateur ne peut pas utiliser la caméra ici. Demandez de l'aide.");
      return false;
    }
    status.textContent = "On allume la caméra et le micro.";
    try {
      localStream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    } catch (problem) {
      status.textContent = "";
      showAlert(error, deviceErrorText(problem));
      announce(error.textContent);
      return false;
    }
    localVideo.srcObject = localStream;
    videos.hidden = false;
    status.textContent = "Votre caméra et votre micro sont allumés.";
    showControls();
    return true;
  }

  async function sendSignal(type, payload) {
    try {
      await postJson(`/video-calls/${callId}/signals`, { type, payload });
    } catch (problem) {
      // Once the call has ended the API rejects late signals, which is expected and harmless.
      if (peer) showAlert(error, problem.message);
    }
  }

  function showConnectionState() {
    if (!peer) return;
    if (peer.connectionState === "failed") {
      status.textContent = "";
      showAlert(error, failedText);
      announce(failedText);
      return;
    }
    showAlert(error, null);
    status.textContent = connectionTexts[peer.connectionState] ?? "";
  }

  function showRemoteTrack(event) {
    const stream = event.streams[0] ?? new MediaStream([event.track]);
    if (remoteVideo.srcObject !== stream) remoteVideo.srcObject = stream;
    // Chromium plays sound without a prompt once the person has tapped the page, which « Appeler » or « Décrocher » was.
    remoteVideo.play().catch(() => {});
  }

  // Creates the peer connection of a call with the API's STUN/TURN servers, and sends the
  // offer when `sendOffer` is true (the caller, once the call is active). Runs once per call.
  async function connect(id, { sendOffer }) {
    if (callId || !localStream) return;
    callId = id;
    let iceServers = [];
    try {
      ({ data: { iceServers } } = await getJson("/video-calls/ice-servers"));
    } catch {
      // Without STUN or TURN servers, tablets on the same local network still reach each other.
    }
    // The call may have ended while the servers were loading.
    if (callId !== id || !localStream) return;

    try {
      // The constructor throws on an invalid STUN or TURN address in the configuration.
      peer = new RTCPeerConnection({ iceServers });
      for (const track of localStream.getTracks()) peer.addTrack(track, localStream);
      peer.addEventListener("icecandidate", (event) => {
        if (event.candidate) sendSignal("ice-candidate", event.candidate.toJSON());
      });
      peer.addEventListener("track", showRemoteTrack);
      peer.addEventListener("connectionstatechange", showConnectionState);
      showConnectionState();

      for (const signal of earlySignals.splice(0)) await applySignal(signal);
      if (sendOffer) {
        const offer = await peer.createOffer();
        await peer.setLocalDescription(offer);
        await sendSignal("offer", { type: offer.type, sdp: offer.sdp });
      }
    } catch {
      // The steps also throw when close() ran meanwhile, and an ended call needs no message.
      if (callId !== id) return;
      status.textContent = "";
      showAlert(error, failedText);
      announce(failedText);
    }
  }

  async function addPendingCandidates() {
    for (const candidate of pendingCandidates.splice(0)) {
      await peer.addIceCandidate(candidate).catch(() => {});
    }
  }

  async function applySignal({ type, payload }) {
    const connection = peer;
    if (type === "offer") {
      await connection.setRemoteDescription(payload);
      const answer = await connection.createAnswer();
      await connection.setLocalDescription(answer);
      await sendSignal("answer", { type: answer.type, sdp: answer.sdp });
      await addPendingCandidates();
    } else if (type === "answer") {
      await connection.setRemoteDescription(payload);
      await addPendingCandidates();
    } else if (type === "ice-candidate") {
      pendingCandidates.push(payload);
      if (connection.remoteDescription) await addPendingCandidates();
    }
  }

  // Handles one "video-call-signal" event of the current call.
  async function receiveSignal(signal) {
    if (!peer) {
      earlySignals.push(signal);
      return;
    }
    try {
      await applySignal(signal);
    } catch {
      // A description the browser cannot use leaves the call without picture or sound.
      if (peer) {
        status.textContent = "";
        showAlert(error, failedText);
      }
    }
  }

  // Closes the peer connection and stops every track, so the camera light goes off.
  function close() {
    peer?.close();
    peer = null;
    callId = null;
    earlySignals = [];
    pendingCandidates = [];
    for (const track of localStream?.getTracks() ?? []) track.stop();
    localStream = null;
    localVideo.srcObject = null;
    remoteVideo.srcObject = null;
    videos.hidden = true;
    status.textContent = "";
    showAlert(error, null);
    showControls();
  }

  return { element, openDevices, connect, receiveSignal, close };
}
