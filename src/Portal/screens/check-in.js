// The resident's daily « Je vais bien » button, shown on the home screen when the resident
// chose the daily check-in.
import { getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { instantInWords } from "../french-time.js";

export async function checkInCard({ session }) {
  let settings;
  try {
    ({ data: settings } = await getJson(`/residents/${session.personId}/daily-check-in`));
  } catch {
    // Without the settings the button stays hidden, and the rest of the home screen still shows.
    return null;
  }
  if (!settings.enabled) return null;

  // Opening the portal is a sign of life when the resident chose so; the API keeps the first one of the day.
  if (settings.portalActivityCounts) postJson("/check-ins/activity").catch(() => {});

  const error = alertBox();
  showAlert(error, null);
  const done = h("p", { className: "check-in-done", role: "status" });
  const button = h("button", { type: "button", className: "button primary check-in", onclick: async () => {
      button.disabled = true;
      try {
        const { data } = await postJson("/check-ins");
        showAlert(error, null);
        done.textContent = `Merci. L'équipe sait que vous allez bien (${instantInWords(data.checkedInAt)}).`;
      } catch (problem) {
        showAlert(error, problem.message);
      } finally {
        button.disabled = false;
      }
    } },
    pictogram("😊"), " Je vais bien");
  return h("section", { className: "card", "aria-labelledby": "titre-nouvelles-du-jour" },
    h("h2", { id: "titre-nouvelles-du-jour" }, "Mes nouvelles du jour"),
    h("p", {}, `Touchez le bouton avant ${settings.deadline}.`),
    error, button, done);
}
