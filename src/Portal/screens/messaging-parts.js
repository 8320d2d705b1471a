// Parts of the conversation screen: one message, the writing form with the voice recorder,
// and the report and block actions with their easy-read confirmations.
import { deleteJson, getBlob, getJson, postBinary, postJson } from "../api.js";
import { h, pictogram, showAlert } from "../dom.js";
import { parisDateTime, participantKey, participantName, selfParticipant } from "./messaging-people.js";

// The API accepts voice messages of 1 to 120 seconds.
const maxRecordingSeconds = 120;
let nextFieldId = 0;

export async function messageItem(message, context) {
  const { session } = context;
  const mine = participantKey(message.sender) === participantKey(selfParticipant(session));
  const sender = await participantName(message.sender, session);
  const body = message.isVoice ? voicePlayer(message, context) : h("p", { className: "message-text" }, message.text);
  return h("li", { className: mine ? "message mine" : "message" },
    h("p", { className: "message-meta" },
      h("span", { className: "message-sender" }, sender),
      " ",
      h("time", { datetime: message.postedAt }, parisDateTime(message.postedAt))),
    body,
    mine ? null : reportAction(message, context));
}

// Fetches the audio with the token and plays it from an object URL.
function voicePlayer(message, { conversationId }) {
  const seconds = message.voiceDurationSeconds ?? 0;
  const label = seconds === 1 ? "Message vocal de 1 seconde" : `Message vocal de ${seconds} secondes`;
  const audio = h("audio", { controls: true, preload: "metadata", "aria-label": label });
  const status = h("span", { className: "voice-status" }, "Chargement du message vocal…");
  getBlob(`/conversations/${conversationId}/voice-messages/${message.id}`)
    .then((blob) => {
      audio.src = URL.createObjectURL(blob);
      status.textContent = label;
    })
    .catch((problem) => { status.textContent = problem.message; });
  return h("div", { className: "voice-message" }, pictogram("🎤"), " ", status, audio);
}

function reportAction(message, { conversationId, error, announce }) {
  const fieldId = `signalement-${++nextFieldId}`;
  const reason = h("textarea", { id: fieldId, rows: "3", maxlength: "1000" });
  const open = h("button", { type: "button", className: "button secondary" }, pictogram("⚠️"), " Signaler");
  const confirm = h("div", { className: "confirm", hidden: true },
    h("p", {}, "Ce message vous gêne ?"),
    h("p", {}, "L'animatrice va lire ce message. Elle va vous aider."),
    h("div", { className: "field" }, h("label", { for: fieldId }, "Dites en quelques mots ce qui ne va pas"), reason),
    h("div", { className: "button-row" },
      h("button", { type: "button", className: "button primary", onclick: send }, "Oui, signaler"),
      h("button", { type: "button", className: "button secondary", onclick: close }, "Non, annuler")));

  function close() {
    confirm.hidden = true;
    open.hidden = false;
    open.focus();
  }

  async function send() {
    try {
      await postJson(`/conversations/${conversationId}/messages/${message.id}/report`, { reason: reason.value });
      showAlert(error, null);
      confirm.replaceChildren(h("p", {}, "Merci. L'animatrice a reçu votre signalement."));
      announce("Merci. L'animatrice a reçu votre signalement.");
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  open.addEventListener("click", () => {
    open.hidden = true;
    confirm.hidden = false;
    reason.focus();
  });
  return h("div", { className: "message-actions" }, open, confirm);
}

export function messageComposer({ conversationId, error, announce, onSent, session }) {
  const text = h("textarea", { id: "nouveau-message", name: "text", rows: "4" });
  const send = h("button", { type: "submit", className: "button primary" }, pictogram("📨"), " Envoyer");
  const form = h("form", { className: "card composer", onsubmit: async (event) => {
      event.preventDefault();
      send.disabled = true;
      try {
        const { data } = await postJson(`/conversations/${conversationId}/messages`, { text: text.value });
        showAlert(error, null);
        text.value = "";
        announce("Votre message est envoyé.");
        await onSent(data);
      } catch (problem) {
        showAlert(error, problem.message);
      } finally {
        send.disabled = false;
      }
    } },
    h("div", { className: "field" },
      h("label", { for: "nouveau-message" }, session.role === "resident" ? "Écrivez votre message" : "Votre message"),
      text),
    h("div", { className: "button-row" }, send));

  if (window.MediaRecorder && navigator.mediaDevices?.getUserMedia) {
    form.append(voiceRecorder({ conversationId, error, announce, onSent }));
  }
  return form;
}

// Records audio/webm with MediaRecorder, shows the recording state, and sends it on stop.
function voiceRecorder({ conversationId, error, announce, onSent }) {
  const start = h("button", { type: "button", className: "button secondary" }, pictogram("🎤"), " Enregistrer un message vocal");
  const stop = h("button", { type: "button", className: "button primary", hidden: true }, pictogram("⏹️"), " Arrêter et envoyer");
  const state = h("p", { className: "recording-state", role: "status" });
  let recorder = null;
  let startedAt = 0;
  let timer = null;

  start.addEventListener("click", async () => {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      showAlert(error, "Le micro ne marche pas. Vérifiez que le portail a le droit d'utiliser le micro.");
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream, MediaRecorder.isTypeSupported("audio/webm") ? { mimeType: "audio/webm" } : {});
    recorder.addEventListener("dataavailable", (event) => { if (event.data.size > 0) chunks.push(event.data); });
    recorder.addEventListener("stop", async () => {
      stream.getTracks().forEach((track) => track.stop());
      clearInterval(timer);
      const seconds = Math.min(maxRecordingSeconds, Math.max(1, Math.round((Date.now() - startedAt) / 1000)));
      state.textContent = "Envoi du message vocal…";
      stop.hidden = true;
      try {
        const { data } = await postBinary(`/conversations/${conversationId}/voice-messages?durationSeconds=${seconds}`,
          new Blob(chunks, { type: "audio/webm" }), "audio/webm");
        showAlert(error, null);
        state.textContent = "Votre message vocal est envoyé.";
        announce("Votre message vocal est envoyé.");
        await onSent(data);
      } catch (problem) {
        state.textContent = "";
        showAlert(error, problem.message);
      } finally {
        start.hidden = false;
        start.focus();
      }
    });
    recorder.start();
    startedAt = Date.now();
    start.hidden = true;
    stop.hidden = false;
    stop.focus();
    state.textContent = "Enregistrement en cours. Parlez maintenant.";
    timer = setInterval(() => {
      const seconds = Math.round((Date.now() - startedAt) / 1000);
      state.textContent = `Enregistrement en cours : ${seconds} secondes.`;
      if (seconds >= maxRecordingSeconds) recorder.stop();
    }, 1000);
  });
  stop.addEventListener("click", () => recorder?.state === "recording" && recorder.stop());

  return h("div", { className: "voice-recorder" }, h("div", { className: "button-row" }, start, stop), state);
}

// Lets a resident block the other person of a one-to-one conversation, after a confirmation.
export function residentSafetyActions(conversation, { session, error, announce }) {
  if (session.role !== "resident" || conversation.kind !== "oneToOne") return null;
  const self = participantKey(selfParticipant(session));
  const other = conversation.participants.find((participant) => participantKey(participant) !== self);
  if (!other) return null;

  const open = h("button", { type: "button", className: "button secondary" }, pictogram("🚫"), " Bloquer cette personne");
  const confirm = h("div", { className: "confirm", hidden: true },
    h("p", {}, "Vous voulez bloquer cette personne ?"),
    h("p", {}, "Elle ne pourra plus vous écrire."),
    h("div", { className: "button-row" },
      h("button", { type: "button", className: "button primary", onclick: block }, "Oui, bloquer"),
      h("button", { type: "button", className: "button secondary", onclick: close }, "Non, annuler")));

  function close() {
    confirm.hidden = true;
    open.hidden = false;
    open.focus();
  }

  async function block() {
    try {
      await postJson("/blocks", { participant: other });
      showAlert(error, null);
      confirm.replaceChildren(h("p", {}, "C'est fait. Cette personne ne peut plus vous écrire."));
      announce("C'est fait. Cette personne ne peut plus vous écrire.");
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  open.addEventListener("click", () => {
    open.hidden = true;
    confirm.hidden = false;
    confirm.querySelector("button").focus();
  });
  return h("div", { className: "card safety" }, h("h2", {}, "Un problème ?"), open, confirm);
}

// The people a resident blocked, each with a button that lifts the block. Hidden while there are none.
export function blockedPeople({ error, announce }) {
  const list = h("ul", { className: "plain-list", "aria-label": "Les personnes que vous avez bloquées" });
  const section = h("section", { className: "card", hidden: true, "aria-labelledby": "titre-bloquees" },
    h("h2", { id: "titre-bloquees" }, "Les personnes que vous avez bloquées"),
    h("p", {}, "Elles ne peuvent pas vous écrire, vous appeler ni vous inviter à jouer."),
    list);

  async function unblock(person) {
    try {
      await deleteJson(`/blocks/${person.kind}/${person.id}`);
      showAlert(error, null);
      announce(`${person.displayName} peut de nouveau vous écrire.`);
      await load();
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function load() {
    try {
      const { data } = await getJson("/blocks");
      list.replaceChildren(...data.map(({ blocked }) => h("li", { className: "button-row" },
        h("span", {}, blocked.displayName),
        h("button", { type: "button", className: "button secondary", onclick: () => unblock(blocked) }, pictogram("🔓"), ` Débloquer ${blocked.displayName}`))));
      section.hidden = data.length === 0;
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  return { section, load };
}
