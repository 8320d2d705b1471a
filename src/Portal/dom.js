// Builds elements without innerHTML, so text from the API is never parsed as markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "className") {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? "" : value);
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

// A pictogram is decoration: screen readers skip it and a visible word always sits beside it.
export function pictogram(symbol) {
  return h("span", { className: "pictogram", "aria-hidden": "true" }, symbol);
}

export function alertBox() {
  return h("div", { className: "alert", role: "alert" });
}

export function showAlert(box, message) {
  box.textContent = message ?? "";
  box.hidden = !message;
}
