// Entry point of the portal: a hash router that shows one screen at a time.
import { currentSession, endSession, expireSession } from "./api.js";
import { h, pictogram } from "./dom.js";
import { applyPreferences, readAloud, readAloudEnabled, resetPreferences, storedPreferences } from "./preferences.js";
import { activityScreen, agendaScreen, newActivityScreen } from "./screens/agenda.js";
import { newAnnouncementScreen } from "./screens/announcement-form.js";
import { proposalsScreen } from "./screens/proposals.js";
import { newLocalEventScreen } from "./screens/local-event-form.js";
import { gameScreen, gamesScreen } from "./screens/games.js";
import { videoCallsScreen } from "./screens/video-calls.js";
import { accompaniedResidentScreen } from "./screens/accompanied.js";
import { myAppointmentsScreen, residentAppointmentsScreen } from "./screens/appointments.js";
import { callBoardScreen, missingCheckInsScreen, rotaScreen } from "./screens/care.js";
import { helpButton, myCallScreen } from "./screens/priority-call.js";
import { directoryScreen } from "./screens/directory.js";
import { homeScreen } from "./screens/home.js";
import { catalogueScreen, dailyRoundScreen, kioskScreen, myOrdersScreen, orderForScreen, staffOrdersScreen, statementsScreen } from "./screens/kiosk.js";
import { conversationScreen, conversationsScreen } from "./screens/messaging.js";
import { messagingCoordinationScreen } from "./screens/messaging-coordination.js";
import { profileScreen } from "./screens/profile.js";
import { signInScreen } from "./screens/signin.js";
import { watchIncomingCalls } from "./incoming-call.js";
import { checkSessionExpiry, watchSessionExpiry } from "./session-expiry.js";

const screens = {
  "#/connexion": signInScreen,
  "#/accueil": homeScreen,
  "#/profil": profileScreen,
  "#/annuaire": directoryScreen,
  "#/rendez-vous": myAppointmentsScreen,
  "#/soins/appels": callBoardScreen,
  "#/soins/astreinte": rotaScreen,
  "#/soins/nouvelles": missingCheckInsScreen,
  "#/messagerie": conversationsScreen,
  "#/messagerie/coordination": messagingCoordinationScreen,
  "#/agenda": agendaScreen,
  "#/agenda/nouvelle-activite": newActivityScreen,
  "#/agenda/nouvelle-annonce": newAnnouncementScreen,
  "#/agenda/propositions": proposalsScreen,
  "#/agenda/nouvel-evenement": newLocalEventScreen,
  "#/jeux": gamesScreen,
  "#/appels-video": videoCallsScreen,
  "#/kiosque": kioskScreen,
  "#/kiosque/commandes": myOrdersScreen,
  "#/kiosque/du-jour": staffOrdersScreen,
  "#/kiosque/tournee": dailyRoundScreen,
  "#/kiosque/catalogue": catalogueScreen,
  "#/kiosque/releves": statementsScreen,
};

// Screens whose hash ends with an id, such as #/personne/<resident id>.
const screensWithId = [
  [/^#\/personne\/([0-9a-f-]{36})$/i, accompaniedResidentScreen],
  [/^#\/personne\/([0-9a-f-]{36})\/rendez-vous$/i, residentAppointmentsScreen],
  [/^#\/mon-appel\/([0-9a-f-]{36})$/i, myCallScreen],
  [/^#\/conversation\/([0-9a-f-]{36})$/i, conversationScreen],
  [/^#\/activite\/([0-9a-f-]{36}\/\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/i, activityScreen],
  [/^#\/partie\/([0-9a-f-]{36})$/i, gameScreen],
  [/^#\/kiosque\/pour\/([0-9a-f-]{36})$/i, orderForScreen],
];

const main = document.getElementById("contenu");
const bannerActions = document.getElementById("banner-actions");
// The screen on show, so its timers and live streams stop when another screen replaces it.
let currentScreen = null;
// The incoming-call watch of the signed-in person, by access token, so a new sign-in restarts it.
let callWatch = null;

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

// Sends the person back to the sign-in screen, which explains that the session ended.
function endExpiredSession() {
  window.speechSynthesis?.cancel();
  expireSession();
  resetPreferences();
  navigate("#/connexion");
}

function findScreen(hash) {
  if (screens[hash]) return { hash, show: screens[hash], id: null };
  for (const [pattern, show] of screensWithId) {
    const match = pattern.exec(hash);
    if (match) return { hash, show, id: match[1] };
  }
  return { hash: "#/accueil", show: screens["#/accueil"], id: null };
}

async function render() {
  if (!checkSessionExpiry({ signOut, endExpiredSession })) return;
  const session = currentSession();
  let target = findScreen(location.hash);
  if (!session) target = findScreen("#/connexion");
  if (session && target.hash === "#/connexion") target = findScreen("#/accueil");
  if (location.hash !== target.hash) {
    history.replaceState(null, "", target.hash);
  }

  renderBanner(session);
  followIncomingCalls(session);
  const screen = await target.show({ session, id: target.id, navigate, announce, refreshBanner, signOut });
  currentScreen?.dispose?.();
  currentScreen = screen;
  main.replaceChildren(screen.content);
  document.title = `${screen.title} – BonSecours`;

  // Moves focus to the new screen's heading so keyboard and screen reader users start there.
  const heading = main.querySelector("h1");
  heading?.setAttribute("tabindex", "-1");
  if (document.readyState === "complete" && screen.focus !== false) heading?.focus();
  screen.afterRender?.();
}

// People who can receive video calls hear about a call on every screen.
const callableRoles = ["resident", "caregiver", "activity-coordinator", "admin", "care-staff", "on-call"];

function followIncomingCalls(session) {
  const token = callableRoles.includes(session?.role) ? session.accessToken : null;
  if (callWatch?.token === token) return;
  callWatch?.stop();
  callWatch = token ? { token, stop: watchIncomingCalls(session, { navigate, announce }) } : null;
}

function renderBanner(session) {
  const actions = [];
  if (session?.role === "resident") {
    actions.push(helpButton({ navigate, announce }));
  }
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
watchSessionExpiry({ signOut, endExpiredSession });
render();
