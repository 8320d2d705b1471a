import { getJson, signIn, takeNotice } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { applyPreferences } from "../preferences.js";

export function signInScreen({ navigate }) {
  const error = alertBox();
  showAlert(error, takeNotice());
  const username = h("input", { id: "identifiant", name: "username", type: "text", autocomplete: "username", required: true, autocapitalize: "none", spellcheck: "false" });
  const password = h("input", { id: "mot-de-passe", name: "password", type: "password", autocomplete: "current-password", required: true });
  const submit = h("button", { type: "submit", className: "button primary" }, pictogram("🔑"), " Se connecter");

  const form = h("form", { className: "card", novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      if (!username.value.trim() || !password.value) {
        showAlert(error, "Écrivez votre identifiant et votre mot de passe.");
        (username.value.trim() ? password : username).focus();
        return;
      }
      submit.disabled = true;
      try {
        const account = await signIn(username.value.trim(), password.value);
        if (account.role === "resident") {
          // The resident's display preferences apply from the first screen after sign-in.
          const { data: resident } = await getJson("/residents/me");
          applyPreferences(resident.preferences);
        }
        navigate("#/accueil");
      } catch (problem) {
        showAlert(error, problem.message);
        password.value = "";
        password.focus();
      } finally {
        submit.disabled = false;
      }
    } },
    error,
    h("div", { className: "field" }, h("label", { for: "identifiant" }, "Identifiant"), username),
    h("div", { className: "field" }, h("label", { for: "mot-de-passe" }, "Mot de passe"), password),
    submit);

  return {
    title: "Connexion",
    content: h("section", { "aria-labelledby": "titre-connexion" },
      h("h1", { id: "titre-connexion" }, "Bienvenue"),
      h("p", {}, "Connectez-vous pour utiliser le portail."),
      h("p", {}, "Écrivez votre identifiant. Puis écrivez votre mot de passe."),
      form),
    afterRender: () => username.focus(),
    focus: false,
  };
}
