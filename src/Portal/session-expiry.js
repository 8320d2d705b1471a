// Warns before the access token expires and signs the person out once it has expired,
// so a session never ends silently in the middle of a task.
import { currentSession } from "./api.js";
import { now } from "./clock.js";
import { h, pictogram } from "./dom.js";

export const warningMinutes = 10;
const checkIntervalMilliseconds = 5000;

let warningShown = false;

// Starts checking the session on a timer and when the tab becomes visible again.
export function watchSessionExpiry({ signOut, endExpiredSession }) {
  const check = () => checkSessionExpiry({ signOut, endExpiredSession });
  setInterval(check, checkIntervalMilliseconds);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") check();
  });
  return check;
}

// Returns false when the session has expired (the person is sent to the sign-in screen).
export function checkSessionExpiry({ signOut, endExpiredSession }) {
  const region = document.getElementById("fin-de-session");
  const session = currentSession();
  const expiresAt = session ? Date.parse(session.expiresAt) : NaN;
  if (!session || Number.isNaN(expiresAt)) {
    hideWarning(region);
    return true;
  }

  const remaining = expiresAt - now();
  if (remaining <= 0) {
    hideWarning(region);
    endExpiredSession();
    return false;
  }

  if (remaining <= warningMinutes * 60 * 1000) {
    showWarning(region, expiresAt, signOut);
  } else {
    hideWarning(region);
  }
  return true;
}

function showWarning(region, expiresAt, signOut) {
  if (warningShown) return;
  warningShown = true;
  const time = new Date(expiresAt).toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
  region.replaceChildren(h("div", { className: "session-warning" },
    h("p", {}, pictogram("⏰"), " Votre session se termine bientôt."),
    h("p", {}, `Elle se termine à ${time}. Pour continuer, connectez-vous de nouveau.`),
    h("button", { type: "button", className: "button primary", onclick: signOut },
      pictogram("🔑"), " Me reconnecter")));
}

function hideWarning(region) {
  warningShown = false;
  region.replaceChildren();
}
