/* util.js: small helpers for the DOM, text, dates and numbers; nothing here knows the data. */

const DAY_MS = 86400000;

function byId(id) { return document.getElementById(id); }

/* A new element; text (when given) goes in as textContent, never as HTML. */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function svgElement(tag, attributes) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  Object.keys(attributes).forEach((name) => { node.setAttribute(name, String(attributes[name])); });
  return node;
}

function removeChildren(node) { while (node.firstChild) node.removeChild(node.firstChild); }

/* Lower case without accents, for matching names. */
function fold(text) {
  return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/* Days since 1970-01-01 to YYYY-MM-DD, and back. */
function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
function dayOf(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS); }

/* Integers with thousands separators, other numbers to four significant digits. */
function formatNumber(value) {
  if (typeof value !== "number") return String(value);
  return Number.isInteger(value) ? value.toLocaleString("en") : String(Number(value.toPrecision(4)));
}

function plural(count, one, many) { return count.toLocaleString("en") + " " + (count === 1 ? one : (many || one + "s")); }

/* A plain button with text (no HTML). */
function textButton(text, className, onClick) {
  const button = element("button", className || "", text);
  button.type = "button";
  if (onClick) button.addEventListener("click", onClick);
  return button;
}

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
