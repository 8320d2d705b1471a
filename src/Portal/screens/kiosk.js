// The association's kiosk: residents (and their caregivers) order in three taps, the kiosk
// staff confirm, decline and deliver orders, print the daily round and keep the catalogue.
import { getBlob, getJson, postJson } from "../api.js";
import { alertBox, h, pictogram, showAlert } from "../dom.js";
import { backToHome, floorName } from "./common.js";

export const kioskStaffRoles = ["kiosk-staff", "admin"];

// The catalogue's pictogram keys, each with its emoji and the word shown beside it.
const pictograms = {
  "pain": ["🥖", "Pain"],
  "journal": ["📰", "Journal"],
  "fer-a-repasser": ["👕", "Repassage"],
  "menage": ["🧹", "Ménage"],
  "couture": ["🧵", "Couture"],
  "courses": ["🛒", "Courses"],
  "accueil": ["👋", "Accueil"],
  "soupe": ["🍲", "Soupe"],
  "fleurs": ["💐", "Fleurs"],
  "lessive": ["🧺", "Lessive"],
};
const otherPictogram = ["🛎️", "Service"];

const kindPictograms = {
  welcomeDesk: "👋",
  breadAndNewspaperDropOff: "🥖",
  ironing: "👕",
  housekeeping: "🧹",
  sewing: "🧵",
  shoppingAccompaniment: "🛒",
};

const kindNames = {
  breadAndNewspaperDropOff: "Pain et journal",
  ironing: "Repassage",
  housekeeping: "Ménage",
  sewing: "Couture",
  shoppingAccompaniment: "Accompagnement aux courses",
  welcomeDesk: "Accueil",
};

const dayNames = {
  monday: "lundi", tuesday: "mardi", wednesday: "mercredi", thursday: "jeudi",
  friday: "vendredi", saturday: "samedi", sunday: "dimanche",
};

// The meaning of each status, in easy-read French for the person who ordered.
const statusForResident = {
  placed: ["📨", "Envoyée. Le kiosque va la lire."],
  confirmed: ["👍", "C'est d'accord. Le kiosque va venir."],
  declined: ["🚫", "Le kiosque a dit non."],
  cancelled: ["✖️", "Annulée."],
  delivered: ["✅", "C'est fait."],
};

const statusForStaff = {
  placed: "À confirmer",
  confirmed: "Confirmée",
  declined: "Refusée",
  cancelled: "Annulée",
  delivered: "Livrée",
};

const weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre"];

// "samedi 5 décembre", from an API date "2026-12-05".
export function dateInWords(text) {
  const [year, month, day] = text.split("-").map(Number);
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} ${day === 1 ? "1er" : day} ${months[month - 1]}`;
}

// "7 h 30", from "07:30".
function hourInWords(text) {
  const [hour, minute] = text.split(":").map(Number);
  return minute === 0 ? `${hour} h` : `${hour} h ${String(minute).padStart(2, "0")}`;
}

function slotInWords(start, end) {
  return `de ${hourInWords(start)} à ${hourInWords(end)}`;
}

function euros(amount) {
  return new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(amount);
}

// Today's date in Paris, as the API writes dates.
function parisDate(offsetDays = 0) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit",
  }).formatToParts(new Date()).map((part) => [part.type, part.value]));
  const date = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + offsetDays));
  return date.toISOString().slice(0, 10);
}

function offeringPictogram(offering) {
  return pictograms[offering.pictogram] ?? otherPictogram;
}

function page(id, title, ...children) {
  return {
    title,
    content: h("section", { "aria-labelledby": id },
      backToHome(),
      h("h1", { id }, title),
      ...children),
  };
}

// ---- Residents and caregivers: order in three taps ----

// The kiosk for a resident: choose a service, then a slot, then « Commander ».
export async function kioskScreen(context) {
  if (kioskStaffRoles.includes(context.session.role)) return kioskStaffHome();
  return orderingScreen({ ...context, residentId: context.session.personId, own: true });
}

// A caregiver orders for a resident who consented.
export async function orderForScreen(context) {
  let firstName = "la personne";
  try {
    ({ data: { firstName } } = await getJson(`/residents/${context.id}`));
  } catch {
    // The screen works without the name, and the orders list below shows the API's problem.
  }
  return orderingScreen({ ...context, residentId: context.id, own: false, firstName });
}

async function orderingScreen({ residentId, own, firstName, announce }) {
  const error = alertBox();
  showAlert(error, null);
  const area = h("div", {});
  const title = own ? "Le kiosque" : `Le kiosque pour ${firstName}`;
  const ordersLink = own
    ? h("p", {}, h("a", { className: "button secondary", href: "#/kiosque/commandes" }, pictogram("🧾"), " Mes commandes"))
    : null;
  const ordersArea = own ? null : h("div", {});

  let offerings = [];
  try {
    ({ data: offerings } = await getJson("/offerings"));
  } catch (problem) {
    showAlert(error, problem.message);
  }

  function focusHeading() {
    area.querySelector("h2")?.focus();
  }

  function showOfferings() {
    area.replaceChildren(
      h("h2", { tabindex: "-1" }, "Que voulez-vous ?"),
      h("p", {}, "Touchez un service."),
      h("ul", { className: "tiles kiosk-offerings", "aria-label": "Les services du kiosque" }, offerings.map((offering) => {
        const [symbol, word] = offeringPictogram(offering);
        return h("li", {}, h("button", { type: "button", className: "tile", onclick: () => showSlots(offering) },
          pictogram(symbol),
          h("span", { className: "tile-label" }, offering.name),
          word !== offering.name ? h("span", { className: "tile-detail" }, word) : null,
          h("span", { className: "tile-detail" }, offering.price === 0 ? "Gratuit" : euros(offering.price))));
      })));
  }

  async function showSlots(offering) {
    showAlert(error, null);
    let slots;
    try {
      ({ data: slots } = await getJson(`/offerings/${offering.id}/slots?days=14`));
    } catch (problem) {
      showAlert(error, problem.message);
      return;
    }
    const [symbol] = offeringPictogram(offering);
    const days = [];
    for (const slot of slots) {
      const last = days.at(-1);
      if (last?.date === slot.date) last.slots.push(slot);
      else days.push({ date: slot.date, slots: [slot] });
    }
    area.replaceChildren(
      h("h2", { tabindex: "-1" }, pictogram(symbol), ` ${offering.name} : quel jour ?`),
      days.length === 0
        ? h("p", {}, "Il n'y a pas de jour libre pour ce service. Demandez au kiosque.")
        : h("p", {}, "Touchez un jour et une heure."),
      h("ul", { className: "kiosk-days" }, days.map((day) => h("li", {},
        h("h3", {}, dateInWords(day.date)),
        h("ul", { className: "kiosk-slots" }, day.slots.map((slot) => h("li", {},
          slot.placesLeft > 0
            ? h("button", { type: "button", className: "button primary slot-button", onclick: () => showConfirm(offering, slot) },
                pictogram("🕒"), ` ${dateInWords(slot.date)}, ${slotInWords(slot.slotStart, slot.slotEnd)}`,
                h("span", { className: "places" }, slot.placesLeft === 1 ? "1 place" : `${slot.placesLeft} places`))
            : h("p", { className: "slot-full" }, `${slotInWords(slot.slotStart, slot.slotEnd)} : complet`))))))),
      h("p", {}, h("button", { type: "button", className: "button secondary", onclick: () => { showOfferings(); focusHeading(); } },
        pictogram("↩️"), " Choisir un autre service")));
    focusHeading();
  }

  function showConfirm(offering, slot) {
    showAlert(error, null);
    const [symbol] = offeringPictogram(offering);
    const quantity = h("input", { id: "kiosque-quantite", type: "number", min: "1", max: "20", value: "1", inputmode: "numeric" });
    const order = h("button", { type: "button", className: "button primary big-button", onclick: async () => {
        const count = Number(quantity.value);
        if (!Number.isInteger(count) || count < 1 || count > 20) {
          showAlert(error, "Écrivez un nombre entre 1 et 20.");
          return;
        }
        order.disabled = true;
        try {
          await postJson("/orders", { offeringId: offering.id, residentId, date: slot.date, slotStart: slot.slotStart, quantity: count });
          announce("C'est commandé.");
          showDone(offering, slot);
        } catch (problem) {
          showAlert(error, problem.message);
          order.disabled = false;
        }
      } }, pictogram("✅"), " Commander");
    area.replaceChildren(
      h("h2", { tabindex: "-1" }, pictogram(symbol), " Je vérifie"),
      h("div", { className: "card kiosk-summary" },
        h("p", {}, h("strong", {}, offering.name)),
        h("p", {}, `Pour ${dateInWords(slot.date)}, ${slotInWords(slot.slotStart, slot.slotEnd)}.`),
        h("p", {}, offering.price === 0 ? "C'est gratuit." : `Prix : ${euros(offering.price)} pour 1.`),
        h("div", { className: "field kiosk-quantity" }, h("label", { for: "kiosque-quantite" }, "Combien ?"), quantity)),
      h("div", { className: "actions" },
        order,
        h("button", { type: "button", className: "button secondary", onclick: () => showSlots(offering) },
          pictogram("↩️"), " Changer de jour")));
    focusHeading();
  }

  function showDone(offering, slot) {
    area.replaceChildren(
      h("h2", { tabindex: "-1" }, pictogram("🎉"), " C'est commandé !"),
      h("p", {}, `${offering.name}, ${dateInWords(slot.date)}, ${slotInWords(slot.slotStart, slot.slotEnd)}.`),
      h("p", {}, "Le kiosque va lire votre commande."),
      h("div", { className: "actions" },
        h("button", { type: "button", className: "button secondary", onclick: () => { showOfferings(); focusHeading(); } },
          pictogram("🛒"), " Commander autre chose"),
        own ? h("a", { className: "button primary", href: "#/kiosque/commandes" }, pictogram("🧾"), " Mes commandes") : null));
    focusHeading();
    if (ordersArea) loadOrders();
  }

  async function loadOrders() {
    const orders = await ordersList({ residentId, own, error, announce, onChange: loadOrders });
    ordersArea.replaceChildren(h("h2", {}, pictogram("🧾"), ` Les commandes de ${firstName}`), orders);
  }

  showOfferings();
  if (ordersArea) await loadOrders();
  return page("titre-kiosque", title, error, ordersLink, area, ordersArea);
}

// « Mes commandes »: each order with its status in easy-read French and « Annuler ».
export async function myOrdersScreen({ session, announce }) {
  const error = alertBox();
  showAlert(error, null);
  const area = h("div", {});
  async function load() {
    area.replaceChildren(await ordersList({ residentId: session.personId, own: true, error, announce, onChange: load, titleTag: "h2" }));
  }
  await load();
  return page("titre-commandes", "Mes commandes", error,
    h("p", {}, h("a", { className: "button secondary", href: "#/kiosque" }, pictogram("🛒"), " Commander au kiosque")),
    h("p", {}, h("a", { className: "button secondary", href: "#/kiosque/releves" }, pictogram("🧾"), " Mon relevé du mois")),
    area);
}

// Lists the orders to come. Their titles are h2 on « Mes commandes » and h3 under a section heading elsewhere.
async function ordersList({ residentId, own, error, announce, onChange, titleTag = "h3" }) {
  let orders = [];
  try {
    ({ data: orders } = await getJson(own ? "/orders" : `/orders?residentId=${residentId}`));
  } catch (problem) {
    showAlert(error, problem.message);
    return h("p", {}, "Les commandes ne sont pas disponibles.");
  }
  const today = parisDate();
  const shown = orders.filter((order) => order.date >= today);
  if (shown.length === 0) {
    return h("p", {}, own ? "Vous n'avez pas de commande." : "Pas de commande à venir.");
  }
  return h("ul", { className: "kiosk-orders" }, shown.map((order) => {
    const [symbol, words] = statusForResident[order.status] ?? ["❔", order.status];
    const open = order.status === "placed" || order.status === "confirmed";
    return h("li", { className: "card", "data-order-id": order.id },
      h(titleTag, {}, pictogram(kindPictograms[order.offeringKind] ?? "🛎️"), ` ${order.offeringName}`),
      h("p", {}, `${dateInWords(order.date)}, ${slotInWords(order.slotStart, order.slotEnd)}.`),
      order.quantity > 1 ? h("p", {}, `Quantité : ${order.quantity}.`) : null,
      h("p", { className: "order-status" }, pictogram(symbol), ` ${words}`),
      order.status === "declined" && order.declineReason ? h("p", {}, `Pourquoi : ${order.declineReason}`) : null,
      open
        ? h("button", { type: "button", className: "button secondary", onclick: async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            try {
              await postJson(`/orders/${order.id}/cancel`);
              showAlert(error, null);
              announce("La commande est annulée.");
              await onChange();
            } catch (problem) {
              showAlert(error, problem.message);
              button.disabled = false;
            }
          } }, pictogram("✖️"), ` Annuler ${order.offeringName}`)
        : null);
  }));
}

// ---- Kiosk staff ----

function kioskStaffHome() {
  const link = (href, symbol, label) =>
    h("li", {}, h("a", { className: "tile", href }, pictogram(symbol), h("span", { className: "tile-label" }, label)));
  return page("titre-kiosque", "Le kiosque",
    h("ul", { className: "tiles", "aria-label": "Le travail du kiosque" },
      link("#/kiosque/du-jour", "📋", "Les commandes du jour"),
      link("#/kiosque/tournee", "🚶", "La tournée"),
      link("#/kiosque/catalogue", "📒", "Le catalogue"),
      link("#/kiosque/releves", "🧾", "Les relevés du mois")));
}

function dateChooser({ id, label, value, onShow }) {
  const input = h("input", { id, type: "date", required: true, value });
  return {
    input,
    form: h("form", { className: "search no-print", onsubmit: (event) => {
        event.preventDefault();
        if (input.value) onShow(input.value);
      } },
      h("div", { className: "field" }, h("label", { for: id }, label), input),
      h("button", { type: "submit", className: "button primary" }, pictogram("🔎"), " Voir")),
  };
}

// The orders of one day, to confirm, decline with a reason, or mark delivered.
export async function staffOrdersScreen({ announce }) {
  const error = alertBox();
  showAlert(error, null);
  const list = h("div", {});
  const chooser = dateChooser({ id: "commandes-jour", label: "Jour", value: parisDate(), onShow: (date) => load(date) });

  async function load(date) {
    let orders;
    let round;
    try {
      [{ data: orders }, { data: round }] = await Promise.all([
        getJson(`/orders?date=${date}`), getJson(`/daily-rounds/${date}`)]);
    } catch (problem) {
      showAlert(error, problem.message);
      return;
    }
    const homes = new Map(round.stops.map((stop) => [stop.orderId, stop]));
    list.replaceChildren(
      h("h2", {}, `Commandes du ${dateInWords(date)}`),
      orders.length === 0 ? h("p", {}, "Pas de commande ce jour-là.") : h("ul", { className: "kiosk-orders" },
        orders.map((order) => staffOrderCard(order, homes.get(order.id), { error, announce, reload: () => load(date) }))));
  }

  await load(chooser.input.value);
  return page("titre-commandes-jour", "Les commandes du jour", error, chooser.form, list);
}

function staffOrderCard(order, home, { error, announce, reload }) {
  const act = (path, body, message) => async (event) => {
    const control = event.currentTarget;
    control.disabled = true;
    try {
      await postJson(`/orders/${order.id}/${path}`, body);
      showAlert(error, null);
      announce(message);
      await reload();
    } catch (problem) {
      showAlert(error, problem.message);
      await reload();
    }
  };
  const reasonId = `raison-${order.id}`;
  const reason = h("input", { id: reasonId, type: "text", maxlength: "300" });
  const declineForm = h("form", { className: "close-call", hidden: true, onsubmit: (event) => {
      event.preventDefault();
      if (!reason.value.trim()) {
        showAlert(error, "Écrivez la raison du refus.");
        return;
      }
      act("decline", { reason: reason.value.trim() }, "La commande est refusée.")(event);
    } },
    h("div", { className: "field" }, h("label", { for: reasonId }, "Raison du refus"), reason),
    h("button", { type: "submit", className: "button primary" }, pictogram("📨"), " Envoyer le refus"));
  const open = order.status === "placed" || order.status === "confirmed";
  const where = home?.flatNumber ? `Logement ${home.flatNumber}, ${floorName(home.floor).toLowerCase()}` : "Logement non indiqué";
  return h("li", { className: "card", "data-order-id": order.id },
    h("h3", {}, pictogram(kindPictograms[order.offeringKind] ?? "🛎️"), ` ${order.offeringName} × ${order.quantity}`),
    h("p", {}, `${slotInWords(order.slotStart, order.slotEnd)} · ${where}`),
    order.note ? h("p", {}, `Message : ${order.note}`) : null,
    order.recurringOrderId ? h("p", {}, "Commande régulière") : null,
    h("p", { className: "order-status" }, `Statut : ${statusForStaff[order.status] ?? order.status}`),
    order.declineReason ? h("p", {}, `Raison : ${order.declineReason}`) : null,
    open ? h("div", { className: "actions" },
      order.status === "placed"
        ? h("button", { type: "button", className: "button primary", onclick: act("confirm", undefined, "La commande est confirmée.") },
            pictogram("👍"), " Confirmer")
        : null,
      h("button", { type: "button", className: "button secondary", onclick: () => { declineForm.hidden = false; reason.focus(); } },
        pictogram("🚫"), " Refuser"),
      h("button", { type: "button", className: "button primary", onclick: act("deliver", undefined, "La commande est livrée.") },
        pictogram("📦"), " Livré")) : null,
    declineForm);
}

// The daily round: what to bring to which flat, by floor then flat, ready to print.
export async function dailyRoundScreen() {
  const error = alertBox();
  showAlert(error, null);
  const list = h("div", {});
  const chooser = dateChooser({ id: "tournee-jour", label: "Matin de la tournée", value: parisDate(1), onShow: (date) => load(date) });

  async function load(date) {
    let round;
    try {
      ({ data: round } = await getJson(`/daily-rounds/${date}`));
    } catch (problem) {
      showAlert(error, problem.message);
      return;
    }
    list.replaceChildren(
      h("h2", {}, `Tournée du ${dateInWords(date)}`),
      round.stops.length === 0 ? h("p", {}, "Rien à livrer ce jour-là.") : h("div", { className: "table-wrapper" },
        h("table", {},
          h("caption", {}, `${round.stops.length} livraison${round.stops.length > 1 ? "s" : ""}, par étage puis logement`),
          h("thead", {}, h("tr", {}, ["Étage", "Logement", "Créneau", "Service", "Quantité", "Message", "Statut"]
            .map((name) => h("th", { scope: "col" }, name)))),
          h("tbody", {}, round.stops.map((stop) => h("tr", { "data-order-id": stop.orderId },
            h("td", {}, floorName(stop.floor)),
            h("td", {}, stop.flatNumber ?? "Non indiqué"),
            h("td", {}, `${stop.slotStart}–${stop.slotEnd}`),
            h("td", {}, stop.offeringName),
            h("td", {}, String(stop.quantity)),
            h("td", {}, stop.note ?? ""),
            h("td", {}, statusForStaff[stop.status] ?? stop.status)))))));
  }

  await load(chooser.input.value);
  const print = h("button", { type: "button", className: "button secondary no-print", onclick: () => window.print() },
    pictogram("🖨️"), " Imprimer");
  return page("titre-tournee", "La tournée", error, chooser.form, h("p", { className: "no-print" }, print), list);
}

// The catalogue: the offerings, and a form to add one.
export async function catalogueScreen({ announce }) {
  const error = alertBox();
  showAlert(error, null);
  const list = h("div", {});

  async function load() {
    let offerings;
    try {
      ({ data: offerings } = await getJson("/offerings"));
    } catch (problem) {
      showAlert(error, problem.message);
      return;
    }
    list.replaceChildren(h("div", { className: "table-wrapper" }, h("table", {},
      h("caption", {}, "Les services proposés"),
      h("thead", {}, h("tr", {}, ["Service", "Prix", "Jours", "Créneaux", "Places", "Heure limite"]
        .map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, offerings.map((offering) => h("tr", {},
        h("td", {}, pictogram(offeringPictogram(offering)[0]), ` ${offering.name}`),
        h("td", {}, euros(offering.price)),
        h("td", {}, offering.days.map((day) => dayNames[day] ?? day).join(", ")),
        h("td", {}, offering.slots.map((slot) => `${slot.start}–${slot.end}`).join(", ")),
        h("td", {}, String(offering.capacityPerSlot)),
        h("td", {}, cutOffInWords(offering.cutOff))))))));
  }

  await load();
  return page("titre-catalogue", "Le catalogue", error, list, offeringForm({ error, announce, onDone: load }));
}

function cutOffInWords(cutOff) {
  if (cutOff.daysBefore === 0) return `${cutOff.at}, le jour même`;
  if (cutOff.daysBefore === 1) return `${cutOff.at}, la veille`;
  return `${cutOff.at}, ${cutOff.daysBefore} jours avant`;
}

// Reads a price typed as "1,10", "1.10" or "2": returns the number, or null when it is not a price.
export function parsePrice(text) {
  const cleaned = text.trim().replace(/\s|€/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function offeringForm({ error, announce, onDone }) {
  const field = (id, label, input) => h("div", { className: "field" }, h("label", { for: id }, label), input);
  const inputs = {
    name: h("input", { id: "service-nom", type: "text", required: true, maxlength: "80" }),
    description: h("textarea", { id: "service-description", required: true, maxlength: "500", rows: "3" }),
    kind: h("select", { id: "service-type" }, Object.entries(kindNames).map(([value, label]) => h("option", { value }, label))),
    pictogram: h("select", { id: "service-pictogramme" }, Object.entries(pictograms).map(([value, [symbol, word]]) =>
      h("option", { value }, `${symbol} ${word}`))),
    price: h("input", { id: "service-prix", type: "text", required: true, inputmode: "decimal" }),
    slotStart: h("input", { id: "service-debut", type: "time", required: true, value: "09:00" }),
    slotEnd: h("input", { id: "service-fin", type: "time", required: true, value: "10:00" }),
    capacity: h("input", { id: "service-places", type: "number", min: "1", max: "500", required: true, value: "10" }),
    daysBefore: h("input", { id: "service-jours-avant", type: "number", min: "0", max: "14", required: true, value: "1" }),
    cutOffAt: h("input", { id: "service-heure-limite", type: "time", required: true, value: "18:00" }),
  };
  const dayBoxes = Object.entries(dayNames).map(([value, label]) =>
    [value, h("input", { id: `service-jour-${value}`, type: "checkbox", value }), label]);
  const save = h("button", { type: "submit", className: "button primary" }, pictogram("➕"), " Ajouter le service");

  const form = h("form", { className: "card", novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      const price = parsePrice(inputs.price.value);
      const days = dayBoxes.filter(([, box]) => box.checked).map(([value]) => value);
      if (!inputs.name.value.trim() || !inputs.description.value.trim()) {
        showAlert(error, "Écrivez le nom et la description du service.");
        return;
      }
      if (price === null) {
        showAlert(error, "Écrivez le prix en euros, par exemple 2,50.");
        return;
      }
      if (days.length === 0) {
        showAlert(error, "Cochez au moins un jour.");
        return;
      }
      save.disabled = true;
      try {
        await postJson("/offerings", {
          kind: inputs.kind.value,
          name: inputs.name.value.trim(),
          description: inputs.description.value.trim(),
          pictogram: inputs.pictogram.value,
          price,
          days,
          slots: [{ start: inputs.slotStart.value.slice(0, 5), end: inputs.slotEnd.value.slice(0, 5) }],
          capacityPerSlot: Number(inputs.capacity.value),
          cutOff: { daysBefore: Number(inputs.daysBefore.value), at: inputs.cutOffAt.value.slice(0, 5) },
        });
        showAlert(error, null);
        announce("Le service est ajouté.");
        form.reset();
        await onDone();
      } catch (problem) {
        showAlert(error, problem.message);
      } finally {
        save.disabled = false;
      }
    } },
    h("h2", {}, pictogram("➕"), " Ajouter un service"),
    field("service-nom", "Nom", inputs.name),
    field("service-description", "Description", inputs.description),
    field("service-type", "Type de service", inputs.kind),
    field("service-pictogramme", "Pictogramme", inputs.pictogram),
    field("service-prix", "Prix en euros (par exemple 2,50)", inputs.price),
    h("fieldset", {}, h("legend", {}, "Jours"),
      dayBoxes.map(([value, box, label]) => h("div", { className: "choice" }, box, h("label", { for: `service-jour-${value}` }, label)))),
    field("service-debut", "Début du créneau", inputs.slotStart),
    field("service-fin", "Fin du créneau", inputs.slotEnd),
    field("service-places", "Places par créneau", inputs.capacity),
    field("service-jours-avant", "Commander combien de jours avant ? (0 = le jour même)", inputs.daysBefore),
    field("service-heure-limite", "Heure limite de commande", inputs.cutOffAt),
    h("div", { className: "actions" }, save));
  return form;
}

// ---- Monthly statements ----

// The statement of one household for one month: each delivered service, its price and the
// total, on screen and as a CSV file for spreadsheet software. Kiosk staff choose the
// household; a resident sees their own.
export async function statementsScreen({ session }) {
  const error = alertBox();
  showAlert(error, null);
  const area = h("div", { "aria-live": "polite" });
  const monthInput = h("input", { id: "releve-mois", type: "month", required: true, value: parisDate().slice(0, 7) });
  const fields = [h("div", { className: "field" }, h("label", { for: "releve-mois" }, "Le mois"), monthInput)];
  let householdOf = () => null;

  if (kioskStaffRoles.includes(session.role)) {
    const select = h("select", { id: "releve-foyer", required: true });
    try {
      const { data: households } = await getJson("/households");
      select.replaceChildren(...households.filter((household) => household.isCurrent).map((household) =>
        h("option", { value: household.id },
          `Logement ${household.flatNumber} : ${household.members.map((member) => `${member.firstName} ${member.lastName}`).join(", ")}`)));
    } catch (problem) {
      showAlert(error, problem.message);
    }
    fields.unshift(h("div", { className: "field" }, h("label", { for: "releve-foyer" }, "Le foyer"), select));
    householdOf = () => select.value;
  } else {
    try {
      const { data: me } = await getJson("/residents/me");
      householdOf = () => me.householdId;
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  async function show() {
    const householdId = householdOf();
    if (!householdId || !monthInput.value) return;
    const query = `/statements?householdId=${householdId}&month=${monthInput.value}`;
    try {
      const { data: statement } = await getJson(query);
      showAlert(error, null);
      area.replaceChildren(statementTable(statement), h("p", {},
        h("button", { type: "button", className: "button secondary no-print", onclick: () => downloadCsv(`${query}&format=csv`, statement.month) },
          pictogram("⬇️"), " Télécharger le relevé (fichier CSV)")));
    } catch (problem) {
      showAlert(error, problem.message);
    }
  }

  const form = h("form", { className: "search no-print", onsubmit: (event) => { event.preventDefault(); show(); } },
    ...fields,
    h("button", { type: "submit", className: "button primary" }, pictogram("🔎"), " Voir le relevé"));
  await show();
  return page("titre-releve", "Le relevé du mois", error, form, area);
}

function statementTable(statement) {
  if (statement.lines.length === 0) {
    return h("p", {}, "Aucune prestation livrée ce mois-ci.");
  }
  return h("table", {},
    h("caption", {}, `Prestations livrées en ${monthInWords(statement.month)}`),
    h("thead", {}, h("tr", {}, ...["Date", "Prestation", "Quantité", "Prix", "Montant"].map((label) => h("th", { scope: "col" }, label)))),
    h("tbody", {}, ...statement.lines.map((line) => h("tr", {},
      h("td", {}, dateInWords(line.date)),
      h("td", {}, line.offeringName),
      h("td", {}, String(line.quantity)),
      h("td", {}, euros(line.unitPrice)),
      h("td", {}, euros(line.amount))))),
    h("tfoot", {}, h("tr", {}, h("th", { scope: "row", colSpan: 4 }, "Total"), h("td", { className: "statement-total" }, euros(statement.total)))));
}

// "décembre 2026", from "2026-12".
function monthInWords(text) {
  const [year, month] = text.split("-").map(Number);
  return `${months[month - 1]} ${year}`;
}

async function downloadCsv(path, month) {
  const url = URL.createObjectURL(await getBlob(path));
  const link = h("a", { href: url, download: `releve-${month}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
