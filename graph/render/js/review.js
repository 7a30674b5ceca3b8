/* review.js: the review page of graph extract. Each candidate relation is shown with its
 * sentence (source, target and cue marked), can be edited (type, sign, dates, direction) and
 * accepted or rejected; the accepted rows download as edges.csv, the actors they name as
 * nodes.csv. Decisions live in memory and in localStorage under a hash of the page's data.
 * Data strings go into the page as textContent, .value or DOM properties, never as HTML.
 */
(() => {
"use strict";

const DATA = JSON.parse(document.getElementById("review-data").textContent);
const EDGE_COLUMNS = DATA.edges.columns;
const NODE_COLUMNS = DATA.nodes.columns;
const STORE_KEY = "graph-review:" + DATA.meta.key;
const SIGNS = [["1", "+1 cooperative"], ["0", "0 neutral"], ["-1", "\u22121 conflictual"]];
const DECISIONS = ["undecided", "accepted", "rejected"];
const MODALITY = {
  asserted: "The sentence says it happened.",
  prospective: "Planned, promised or expected: the sentence does not say it happened.",
  negated: "The sentence says it did not happen.",
};

/* byId, element, removeChildren and plural come from util.js, placed before this file. */

/* ---------- the data ---------- */

const edgeIndex = new Map(EDGE_COLUMNS.map((name, i) => [name, i]));
const nodeIndex = new Map(NODE_COLUMNS.map((name, i) => [name, i]));
function cell(row, index, name) { return index.has(name) ? String(row[index.get(name)]) : ""; }

const actors = new Map();  // id -> {label, status}
DATA.nodes.rows.forEach((row) => {
  const id = cell(row, nodeIndex, "id");
  if (!actors.has(id)) {
    actors.set(id, { label: cell(row, nodeIndex, "label").trim() || id, status: cell(row, nodeIndex, "status").trim().toLowerCase() });
  }
});
const types = new Map(DATA.types.map((t) => [t.name, t]));

function defaultSign(type) { return types.has(type) ? String(types.get(type).sign) : "0"; }

function signOf(text, type) {
  const value = Number(String(text).trim());
  if (String(text).trim() !== "" && (value === 1 || value === 0 || value === -1)) return String(value);
  return defaultSign(type);
}

/* The candidates, in the order of the table (the order of the text). */
const candidates = DATA.edges.rows.map((row, index) => {
  const type = cell(row, edgeIndex, "type").trim();
  const status = cell(row, edgeIndex, "status").trim().toLowerCase();
  return {
    index: index,
    row: row,
    source: cell(row, edgeIndex, "source").trim(),
    target: cell(row, edgeIndex, "target").trim(),
    type: type,
    sign: signOf(cell(row, edgeIndex, "sign"), type),
    date: cell(row, edgeIndex, "date").trim(),
    end: cell(row, edgeIndex, "end_date").trim(),
    swapped: false,
    decision: status === "accepted" || status === "rejected" ? status : "undecided",
    confidence: DATA.confidence[index],
    marks: DATA.marks[index],
    view: null,  // its DOM parts, once drawn
  };
});

/* ---------- dates ---------- */

function daysIn(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }

/* [first day, last day] of a date at its precision, or null when it is not one. */
function dateRange(text) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2] === undefined) return [m[1] + "-01-01", m[1] + "-12-31"];
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysIn(year, month);
  if (m[3] === undefined) return [m[1] + "-" + m[2] + "-01", m[1] + "-" + m[2] + "-" + String(last)];
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  return [text, text];
}

/* What stops a candidate from being accepted, as short sentences (none: it can be). */
function problems(c) {
  const found = [];
  const start = c.date === "" ? null : dateRange(c.date);
  const ongoing = c.end.toLowerCase() === "ongoing";
  const end = c.end === "" || ongoing ? null : dateRange(c.end);
  if (c.date !== "" && start === null) found.push("date: write YYYY, YYYY-MM or YYYY-MM-DD");
  if (c.end !== "" && !ongoing && end === null) found.push("end: write YYYY, YYYY-MM, YYYY-MM-DD or ongoing");
  if (start && end && end[1] < start[0]) found.push("end: before the date");
  if (c.source === "" || c.target === "") found.push("an actor is missing");
  if (c.type === "") found.push("no type");
  return found;
}

/* ---------- kept in the browser ---------- */

function save() {
  const items = candidates.map((c) => [c.decision, c.type, c.sign, c.date, c.end, c.swapped]);
  try { window.localStorage.setItem(STORE_KEY, JSON.stringify({ v: 1, items: items })); } catch (e) { /* storage off */ }
}

/* Decisions saved by an earlier visit; anything but the expected shapes is ignored. */
function restore() {
  let saved = null;
  try { saved = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null"); } catch (e) { return; }
  if (!saved || saved.v !== 1 || !Array.isArray(saved.items) || saved.items.length !== candidates.length) return;
  saved.items.forEach((item, i) => {
    if (!Array.isArray(item) || item.length !== 6) return;
    const [decision, type, sign, date, end, swapped] = item;
    const c = candidates[i];
    if (typeof type !== "string" || typeof date !== "string" || typeof end !== "string") return;
    if (!types.has(type) && type !== c.type) return;  // a type of the vocabulary or its own
    if (!DECISIONS.includes(decision) || !SIGNS.some((s) => s[0] === sign)) return;
    if (swapped === true) { c.swapped = true; [c.source, c.target] = [c.target, c.source]; }
    Object.assign(c, { type: type, sign: sign, date: date, end: end, decision: decision });
    if (c.decision === "accepted" && problems(c).length) c.decision = "undecided";
  });
}

/* ---------- drawing one candidate ---------- */

function actorLabel(id) { return actors.has(id) ? actors.get(id).label : id; }
function isNew(id) { return actors.has(id) && actors.get(id).status === "candidate"; }

/* The sentence as text nodes and <mark> elements (source and target follow a swap). */
function drawSentence(c) {
  const box = c.view.sentence;
  removeChildren(box);
  const text = cell(c.row, edgeIndex, "evidence");
  if (text.trim() === "") { box.appendChild(element("span", "none", "(no sentence)")); return; }
  let at = 0;
  c.marks.forEach(([start, end, kind]) => {
    if (start > at) box.appendChild(document.createTextNode(text.slice(at, start)));
    let shown = kind;
    if (c.swapped && kind !== "cue") shown = kind === "source" ? "target" : "source";
    const mark = element("mark", "m-" + shown, text.slice(start, end));
    mark.title = shown;
    box.appendChild(mark);
    at = end;
  });
  if (at < text.length) box.appendChild(document.createTextNode(text.slice(at)));
}

function drawPair(c) {
  const v = c.view;
  [[v.source, c.source], [v.target, c.target]].forEach(([box, id]) => {
    removeChildren(box);
    box.appendChild(element("span", "name", actorLabel(id)));
    if (isNew(id)) {
      const badge = element("span", "badge", "new");
      badge.title = "A new actor: not in the known dataset";
      box.appendChild(badge);
    }
    box.title = id;
  });
  const mutual = types.has(c.type) && !types.get(c.type).directed;
  v.arrow.textContent = mutual ? "\u2194" : "\u2192";
  v.arrow.title = mutual ? "mutual: the direction does not matter" : "source acts on target";
}

function option(select, value, text, title) {
  const item = element("option", "", text);
  item.value = value;
  if (title) item.title = title;
  select.appendChild(item);
}

function field(label, control, wide) {
  const box = element("label", wide ? "f wide" : "f");
  box.appendChild(element("span", "f-name", label));
  box.appendChild(control);
  return box;
}

function dateInput(c, key, placeholder) {
  const input = element("input", "date");
  input.type = "text";
  input.inputMode = "numeric";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.placeholder = placeholder;
  input.value = c[key];
  input.addEventListener("input", () => { c[key] = input.value.trim(); changed(c); });
  return input;
}

function drawCandidate(c) {
  const item = element("li", "cand");
  item.dataset.row = String(c.index);
  item.tabIndex = -1;
  const v = { item: item };
  c.view = v;

  const text = element("div", "c-text");
  v.sentence = element("p", "sentence");
  text.appendChild(v.sentence);
  const meta = element("p", "meta");
  const modality = cell(c.row, edgeIndex, "modality").trim();
  if (modality) {
    const badge = element("span", "modality mod-" + (Object.prototype.hasOwnProperty.call(MODALITY, modality) ? modality : "other"), modality);
    if (Object.prototype.hasOwnProperty.call(MODALITY, modality)) badge.title = MODALITY[modality];
    meta.appendChild(badge);
  }
  const conf = element("span", "conf", "confidence " + (c.confidence === null ? "\u2014" : c.confidence.toFixed(2)));
  meta.appendChild(conf);
  const cue = cell(c.row, edgeIndex, "cue").trim();
  if (cue) meta.appendChild(element("span", "cue", "cue \u201c" + cue + "\u201d"));
  const citation = cell(c.row, edgeIndex, "citation").trim();
  if (citation) meta.appendChild(element("span", "citation", citation));
  text.appendChild(meta);
  item.appendChild(text);

  const edit = element("div", "c-edit");
  const pair = element("div", "pair");
  v.source = element("span", "actor a-source");
  v.arrow = element("span", "arrow");
  v.target = element("span", "actor a-target");
  const swap = element("button", "swap", "\u21c4 Swap");
  swap.type = "button";
  swap.title = "Swap source and target";
  swap.setAttribute("aria-label", "Swap source and target");
  swap.addEventListener("click", () => {
    c.swapped = !c.swapped;
    [c.source, c.target] = [c.target, c.source];
    drawSentence(c);
    changed(c);
  });
  [v.source, v.arrow, v.target, swap].forEach((part) => { pair.appendChild(part); });
  edit.appendChild(pair);

  const fields = element("div", "fields");
  v.type = element("select", "type");
  DATA.types.forEach((t) => { option(v.type, t.name, t.name, t.meaning); });
  if (c.type !== "" && !types.has(c.type)) option(v.type, c.type, c.type + " (not in the vocabulary)");
  if (c.type === "") option(v.type, "", "(no type)");
  v.type.value = c.type;
  v.type.addEventListener("change", () => {
    c.type = v.type.value;
    c.sign = defaultSign(c.type);
    v.sign.value = c.sign;
    changed(c);
  });
  v.sign = element("select", "sign");
  SIGNS.forEach(([value, label]) => { option(v.sign, value, label); });
  v.sign.value = c.sign;
  v.sign.addEventListener("change", () => { c.sign = v.sign.value; changed(c); });
  v.date = dateInput(c, "date", "YYYY-MM-DD");
  v.end = dateInput(c, "end", "none");
  fields.appendChild(field("Type", v.type, true));
  fields.appendChild(field("Sign", v.sign, false));
  fields.appendChild(field("Date", v.date, false));
  fields.appendChild(field("End", v.end, false));
  edit.appendChild(fields);
  v.problem = element("p", "problem");
  v.problem.setAttribute("role", "status");
  edit.appendChild(v.problem);
  item.appendChild(edit);

  const buttons = element("div", "c-decide");
  v.accept = element("button", "accept", "\u2713 Accept");
  v.reject = element("button", "reject", "\u2715 Reject");
  [[v.accept, "accepted"], [v.reject, "rejected"]].forEach(([button, decision]) => {
    button.type = "button";
    button.addEventListener("click", () => { decide(c, decision); });
    buttons.appendChild(button);
  });
  item.appendChild(buttons);

  drawSentence(c);
  drawPair(c);
  return item;
}

/* The candidate's marks and buttons after a change of its values or its decision. */
function update(c) {
  const v = c.view;
  const found = problems(c);
  v.item.dataset.decision = c.decision;
  v.accept.setAttribute("aria-pressed", String(c.decision === "accepted"));
  v.reject.setAttribute("aria-pressed", String(c.decision === "rejected"));
  v.accept.disabled = found.length > 0;
  v.accept.title = found.length ? "Fix it first: " + found.join("; ") : "Accept (again: undecided)";
  v.reject.title = "Reject (again: undecided)";
  v.problem.textContent = found.join(" \u00b7 ");
  v.problem.hidden = found.length === 0;
  const badDate = found.some((p) => p.startsWith("date")), badEnd = found.some((p) => p.startsWith("end"));
  v.date.setAttribute("aria-invalid", String(badDate));
  v.end.setAttribute("aria-invalid", String(badEnd));
}

/* ---------- decisions, filters and order ---------- */

function changed(c) {
  if (c.decision === "accepted" && problems(c).length) c.decision = "undecided";
  drawPair(c);
  update(c);
  refresh();
  save();
}

function decide(c, decision) {
  if (decision === "accepted" && problems(c).length) return;
  c.decision = c.decision === decision ? "undecided" : decision;
  update(c);
  refresh();
  save();
}

function shownStatus() { return document.querySelector("input[name='show']:checked").value; }
function minConfidence() { return Number(byId("min-confidence").value); }

function visible(c, status, least) {
  if (status !== "all" && c.decision !== status) return false;
  if (least > 0 && (c.confidence === null || c.confidence < least)) return false;
  return true;
}

function ordered() {
  const how = byId("order").value;
  const list = candidates.slice();
  if (how === "text") return list;
  const sign = how === "confidence" ? -1 : 1;
  return list.sort((a, b) => {
    if (a.confidence === null || b.confidence === null) {
      return (a.confidence === null) - (b.confidence === null) || a.index - b.index;
    }
    return sign * (a.confidence - b.confidence) || a.index - b.index;
  });
}

function counts() {
  const n = { all: candidates.length, undecided: 0, accepted: 0, rejected: 0 };
  candidates.forEach((c) => { n[c.decision] += 1; });
  return n;
}

function refresh() {
  const status = shownStatus(), least = minConfidence();
  const list = byId("candidates");
  const order = ordered();
  let shown = 0;
  order.forEach((c) => {
    c.view.item.hidden = !visible(c, status, least);
    if (!c.view.item.hidden) shown += 1;
  });
  // Move the cards only when the order changed: moving one takes the focus from its buttons.
  if (order.some((c, i) => list.children[i] !== c.view.item)) {
    order.forEach((c) => { list.appendChild(c.view.item); });
  }
  const n = counts();
  Object.keys(n).forEach((key) => { byId("n-" + key).textContent = n[key].toLocaleString("en"); });
  let line = plural(n.all, "candidate") + " \u00b7 " + n.accepted.toLocaleString("en") + " accepted \u00b7 " +
    n.rejected.toLocaleString("en") + " rejected \u00b7 " + n.undecided.toLocaleString("en") + " to decide";
  if (shown !== n.all) line += " \u00b7 " + shown.toLocaleString("en") + " shown";
  byId("counts").textContent = line;
  byId("min-confidence-value").textContent = least.toFixed(2);
  const empty = byId("empty");
  empty.hidden = shown > 0;
  empty.textContent = n.all === 0 ? "The extractor found no candidate relation." : "No candidate matches these filters.";
  const actorsOut = acceptedActors().length;
  byId("download-edges").disabled = n.accepted === 0;
  byId("download-nodes").disabled = actorsOut === 0;
  byId("download-edges").textContent = "Download edges.csv (" + n.accepted.toLocaleString("en") + ")";
  byId("download-nodes").textContent = "Download nodes.csv (" + actorsOut.toLocaleString("en") + ")";
}

/* ---------- the downloads ---------- */

/* One CSV cell (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces;
 * the text itself is never changed (a leading = + - @ is data). */
function csvCell(value) {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
}

function csvText(columns, rows) {
  return [columns].concat(rows).map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function accepted() { return candidates.filter((c) => c.decision === "accepted"); }

/* The accepted rows with their edits; the table's columns, plus status (and sign, date,
 * end_date) when it has none. */
function edgesCsv() {
  const columns = EDGE_COLUMNS.slice();
  ["sign", "date", "end_date", "status"].forEach((name) => { if (!edgeIndex.has(name)) columns.push(name); });
  const at = new Map(columns.map((name, i) => [name, i]));
  const rows = accepted().map((c) => {
    const row = columns.map((name, i) => (i < EDGE_COLUMNS.length ? String(c.row[i]) : ""));
    if (c.swapped && at.has("source_span") && at.has("target_span")) {
      const s = at.get("source_span"), t = at.get("target_span");
      [row[s], row[t]] = [row[t], row[s]];
    }
    const values = { source: c.source, target: c.target, type: c.type, sign: c.sign, date: c.date, end_date: c.end, status: "accepted" };
    Object.keys(values).forEach((name) => { row[at.get(name)] = values[name]; });
    return row;
  });
  return csvText(columns, rows);
}

/* The rows of the actors that accepted relations name and of the states they belong to
 * (their country: an id or an ISO3 code), in the table's order: a dataset of its own. */
function acceptedActors() {
  const ids = new Set();
  accepted().forEach((c) => { ids.add(c.source); ids.add(c.target); });
  const byIso3 = new Map();
  DATA.nodes.rows.forEach((row) => {
    const code = cell(row, nodeIndex, "iso3").trim().toUpperCase();
    if (code && !byIso3.has(code)) byIso3.set(code, cell(row, nodeIndex, "id"));
  });
  let grown = true;
  while (grown) {
    grown = false;
    DATA.nodes.rows.forEach((row) => {
      if (!ids.has(cell(row, nodeIndex, "id"))) return;
      const country = cell(row, nodeIndex, "country").trim();
      if (country === "") return;
      const id = actors.has(country) ? country : byIso3.get(country.toUpperCase());
      if (id !== undefined && !ids.has(id)) { ids.add(id); grown = true; }
    });
  }
  const seen = new Set();
  return DATA.nodes.rows.filter((row) => {
    const id = cell(row, nodeIndex, "id");
    if (!ids.has(id) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function nodesCsv() { return csvText(NODE_COLUMNS, acceptedActors().map((row) => row.map(String))); }

function download(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = element("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => { URL.revokeObjectURL(url); }, 10000);
}

/* ---------- wiring ---------- */

function start() {
  restore();
  const list = byId("candidates");
  candidates.forEach((c) => { list.appendChild(drawCandidate(c)); update(c); });
  document.querySelectorAll("input[name='show']").forEach((input) => { input.addEventListener("change", refresh); });
  byId("min-confidence").addEventListener("input", refresh);
  byId("order").addEventListener("change", refresh);
  byId("download-edges").addEventListener("click", () => { download(edgesCsv(), "edges.csv"); });
  byId("download-nodes").addEventListener("click", () => { download(nodesCsv(), "nodes.csv"); });
  list.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, select, textarea")) return;
    const key = event.key.toLowerCase();
    const item = event.target.closest("li.cand");
    if (!item || (key !== "a" && key !== "r")) return;
    event.preventDefault();
    decide(candidates[Number(item.dataset.row)], key === "a" ? "accepted" : "rejected");
  });
  list.addEventListener("click", (event) => {  // a click on a card's text puts it in focus
    const item = event.target.closest("li.cand");
    if (item && !event.target.closest("button, input, select, label")) item.focus({ preventScroll: true });
  });
  const reset = byId("reset");
  let armed = null;
  reset.addEventListener("click", () => {
    if (armed === null) {
      reset.textContent = "Click again to forget every decision";
      armed = setTimeout(() => { armed = null; reset.textContent = "Start over"; }, 4000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    reset.textContent = "Start over";
    try { window.localStorage.removeItem(STORE_KEY); } catch (e) { /* storage off */ }
    candidates.forEach((c) => {
      if (c.swapped) [c.source, c.target] = [c.target, c.source];
      const type = cell(c.row, edgeIndex, "type").trim();
      const status = cell(c.row, edgeIndex, "status").trim().toLowerCase();
      Object.assign(c, {
        swapped: false, type: type, sign: signOf(cell(c.row, edgeIndex, "sign"), type),
        date: cell(c.row, edgeIndex, "date").trim(), end: cell(c.row, edgeIndex, "end_date").trim(),
        decision: status === "accepted" || status === "rejected" ? status : "undecided",
      });
      c.view.type.value = c.type;
      c.view.sign.value = c.sign;
      c.view.date.value = c.date;
      c.view.end.value = c.end;
      drawSentence(c);
      drawPair(c);
      update(c);
    });
    refresh();
  });
  refresh();
  document.documentElement.dataset.ready = "1";
}

start();
})();
