// The resident's priority call: the « Appeler à l'aide » button of the banner, the screen
// that follows the call live, and the monthly test of the button.
import { getJson, postJson } from "../api.js";
import { now } from "../clock.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { durationInWords } from "../french-time.js";
import { followEventStream } from "../live-stream.js";
import { backToHome } from "./common.js";

// Builds the large red button shown in the banner on every screen of a resident.
export function helpButton({ navigate, announce }) {
  const button = h("button", { type: "button", className: "button help-button", onclick: async () => {
      button.disabled = true;
      try {
        const { data: call } = await postJson("/priority-calls");
        navigate(`#/mon-appel/${call.id}`);
      } catch (problem) {
        announce(`L'appel n'est pas parti. ${problem.message} Appuyez encore sur le bouton.`);
      } finally {
        button.disabled = false;
      }
    } },
    pictogram("🚨"), " Appeler à l'aide");
  return button;
}

// Builds the home card that asks for this month's test call, or nothing when it is done.
export async function testCallCard({ navigate }) {
  let due;
  try {
    ({ data: due } = await getJson("/priority-calls/test-due"));
  } catch {
    // The test can wait for the next visit, so the home screen shows without this card.
    return null;
  }
  if (!due.testDue) return null;

  const error = alertBox();
  showAlert(error, null);
  const start = h("button", { type: "button", className: "button primary", onclick: async () => {
      start.disabled = true;
      try {
        const { data: call } = await postJson("/priority-calls", { isTest: true });
        navigate(`#/mon-appel/${call.id}`);
      } catch (problem) {
        showAlert(error, problem.message);
      } finally {
        start.disabled = false;
      }
    } },
    pictogram("🧪"), " Faire l'essai");
  return h("section", { className: "card test-call", "aria-labelledby": "titre-essai" },
    h("h2", { id: "titre-essai" }, h("span", { className: "test-badge" }, "Essai"), " Essayer le bouton d'appel"),
    h("p", {}, "Une fois par mois, nous vérifions que le bouton marche."),
    h("p", {}, "C'est un essai. Ce n'est pas une vraie alerte."),
    error, start);
}

// The screen that follows one call: sent, then seen and by whom, then someone is coming.
export async function myCallScreen({ id }) {
  const error = alertBox();
  showAlert(error, null);
  const badge = h("p", { className: "test-badge", hidden: true }, "Essai");
  const message = h("p", { className: "call-message", role: "status", "aria-live": "polite" });
  const steps = h("ol", { className: "call-steps" });
  const elapsed = h("p", { className: "call-elapsed" });
  const connection = h("p", { className: "call-connection", hidden: true },
    pictogram("📶"), " La connexion est coupée. Nous réessayons.");
  let call = null;
  let loadedAt = now();

  function show(view) {
    call = view;
    loadedAt = now();
    badge.hidden = !view.isTest;
    message.textContent = view.residentMessage;
    const seen = view.status !== "open";
    steps.replaceChildren(
      step(true, "Votre appel est parti."),
      step(seen, seen ? `Votre appel a été vu par ${view.acknowledgedByName}.` : "Nous attendons une réponse."),
      step(seen, seen ? "Quelqu'un arrive." : "Quelqu'un va venir."));
    if (view.status === "closed") steps.append(step(true, "L'appel est terminé."));
    tick();
  }

  function tick() {
    if (!call) return;
    const seconds = call.secondsSinceRaised + (now() - loadedAt) / 1000;
    elapsed.textContent = call.status === "closed"
      ? "L'appel est terminé."
      : `Vous avez appuyé il y a ${durationInWords(seconds)}.`;
  }

  async function reload() {
    try {
      const { data } = await getJson(`/priority-calls/${id}`);
      showAlert(error, null);
      show(data);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  await reload();
  let timer = null;
  let closeStream = null;

  return {
    title: "Mon appel à l'aide",
    content: h("section", { "aria-labelledby": "titre-appel" },
      backToHome(),
      h("h1", { id: "titre-appel" }, "Mon appel à l'aide"),
      badge, error, message,
      h("div", { className: "card" }, steps, elapsed, connection)),
    afterRender: () => {
      timer = setInterval(tick, 1000);
      closeStream = followEventStream("/priority-calls/mine/stream", {
        onEvent: (type, data) => {
          if (type === "priority-call-status" && data?.id === id) show(data);
        },
        onReconnect: reload,
        onConnectionChange: (connected) => { connection.hidden = connected; },
      });
    },
    dispose: () => {
      clearInterval(timer);
      closeStream?.();
    },
  };
}

function step(done, text) {
  return h("li", { className: done ? "call-step done" : "call-step" },
    pictogram(done ? "✅" : "⏳"), " ", text);
}
