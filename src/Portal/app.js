// Entry point of the portal: a hash router that shows one screen at a time.
import { currentSession, endSession } from "./api.js";
import { h, pictogram } from "./dom.js";
import { applyPreferences, readAloud, readAloudEnabled, resetPreferences, storedPreferences } from "./preferences.js";
import { directoryScreen } from "./screens/directory.js";
import { homeScreen } from "./screens/home.js";
import { profileScreen } from "./screens/profile.js";
import { signInScreen } from "./screens/signin.js";

const screens = {
  "#/connexion": signInScreen,
  "#/accueil": homeScreen,
  "#/profil": profileScreen,
  "#/annuaire": directoryScreen,
};

const main = document.getElementById("contenu");
const bannerActions = document.getElementById("banner-actions");

export function navigate(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

export function announce(message) {
  const region = document.getElementById("annonce");
  region.textContent = "";
  setTimeout(() => { region.textContent = message; }, 50);
}

export function signOut() {
  window.speechSynthesis?.cancel();
  endSession();
  resetPreferences();
  navigate("#/connexion");
}

async function render() {
  const session = currentSession();
  let hash = screens[location.hash] ? location.hash : "#/accueil";
  if (!session) hash = "#/connexion";
  if (session && hash === "#/connexion") hash = "#/accueil";
  if (location.hash !== hash) {
    history.replaceState(null, "", hash);
  }

  renderBanner(session);
  const screen = await screens[hash]({ session, navigate, announce, refreshBanner, signOut });
  main.replaceChildren(screen.content);
  document.title = `${screen.title} – BonSecours`;

  // Moves focus to the new screen's heading so keyboard and screen reader users start there.
  const heading = main.querySelector("h1");
  heading?.setAttribute("tabindex", "-1");
  if (document.readyState === "complete" && screen.focus !== false) heading?.focus();
  screen.afterRender?.();
}

function renderBanner(session) {
  const actions = [];
  if (session) {
    actions.push(h("p", { className: "banner-person" }, pictogram("👤"), " ", session.displayName));
  }
  if (session && readAloudEnabled()) {
    actions.push(h("button", { type: "button", className: "button secondary", onclick: readScreen },
      pictogram("🔊"), " Lire à voix haute"));
  }
  if (session) {
    actions.push(h("button", { type: "button", className: "button secondary", onclick: signOut },
      pictogram("🚪"), " Se déconnecter"));
  }
  bannerActions.replaceChildren(...actions);
}

function readScreen() {
  if (!readAloud(main.innerText)) {
    announce("Ce navigateur ne sait pas lire à voix haute.");
  }
}

export function refreshBanner() {
  renderBanner(currentSession());
}

applyPreferences(storedPreferences() ?? {});
window.addEventListener("hashchange", render);
render();
