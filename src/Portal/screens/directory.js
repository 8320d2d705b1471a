import { getJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { backToHome, categoryNames, floorName } from "./common.js";

const pageSize = 50;

export function directoryScreen({ announce }) {
  const error = alertBox();
  showAlert(error, null);
  const search = h("input", { id: "recherche", name: "search", type: "search", maxlength: "80", autocomplete: "off" });
  const summary = h("p", { className: "summary" });
  const body = h("tbody");
  const table = h("table", {},
    h("caption", {}, "Résidents de l'îlot"),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Nom"),
      h("th", { scope: "col" }, "Catégorie"),
      h("th", { scope: "col" }, "Logement"),
      h("th", { scope: "col" }, "Étage"))),
    body);
  const more = h("button", { type: "button", className: "button secondary", hidden: true }, "Afficher plus de résidents");
  let offset = 0;

  async function load(append) {
    const query = new URLSearchParams({ offset: String(offset), limit: String(pageSize) });
    if (search.value.trim()) query.set("search", search.value.trim());
    try {
      const { data } = await getJson(`/residents?${query}`);
      showAlert(error, null);
      const rows = data.items.map(row);
      append ? body.append(...rows) : body.replaceChildren(...rows);
      offset = data.offset + data.items.length;
      more.hidden = offset >= data.total;
      const text = data.total === 0 ? "Aucun résident trouvé."
        : data.total === 1 ? "1 résident trouvé." : `${data.total} résidents trouvés.`;
      summary.textContent = text;
      table.hidden = data.total === 0;
      announce(text);
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  more.addEventListener("click", () => load(true));
  const form = h("form", { className: "card search", role: "search", onsubmit: (event) => {
      event.preventDefault();
      offset = 0;
      load(false);
    } },
    h("div", { className: "field" },
      h("label", { for: "recherche" }, "Nom ou prénom"),
      search),
    h("button", { type: "submit", className: "button primary" }, pictogram("🔍"), " Rechercher"));

  return {
    title: "L'annuaire des résidents",
    content: h("section", { "aria-labelledby": "titre-annuaire" },
      backToHome(),
      h("h1", { id: "titre-annuaire" }, "L'annuaire des résidents"),
      form, error, summary,
      h("div", { className: "table-wrapper", role: "region", "aria-label": "Tableau des résidents", tabindex: "0" }, table),
      more),
    afterRender: () => load(false),
  };
}

function row(entry) {
  return h("tr", {},
    h("td", {}, `${entry.lastName} ${entry.firstName}`),
    h("td", {}, categoryNames[entry.category] ?? entry.category),
    h("td", {}, entry.flatNumber ?? "—"),
    h("td", {}, floorName(entry.floor)));
}
