// Applies a resident's accessibility preferences to the whole page through classes on <html>.
// A copy stays in sessionStorage so every screen, and a reload, shows them at once.
const storageKey = "bonsecours.preferences";

export const defaultPreferences = { textSize: "normal", highContrast: false, easyRead: false, readAloud: false };

export function applyPreferences(preferences) {
  const chosen = { ...defaultPreferences, ...preferences };
  const root = document.documentElement;
  root.classList.toggle("text-large", chosen.textSize === "large");
  root.classList.toggle("text-extra-large", chosen.textSize === "extraLarge");
  root.classList.toggle("high-contrast", chosen.highContrast);
  root.classList.toggle("easy-read", chosen.easyRead);
  root.classList.toggle("read-aloud", chosen.readAloud);
  sessionStorage.setItem(storageKey, JSON.stringify(chosen));
  return chosen;
}

export function storedPreferences() {
  const stored = sessionStorage.getItem(storageKey);
  return stored ? JSON.parse(stored) : null;
}

export function resetPreferences() {
  sessionStorage.removeItem(storageKey);
  applyPreferences(defaultPreferences);
  sessionStorage.removeItem(storageKey);
}

export function readAloudEnabled() {
  return document.documentElement.classList.contains("read-aloud");
}

// Reads the main content with the browser's French voice. Returns false when the browser has no speech synthesis.
export function readAloud(text) {
  if (!("speechSynthesis" in window)) return false;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = "fr-FR";
  utterance.rate = 0.9;
  window.speechSynthesis.speak(utterance);
  return true;
}
