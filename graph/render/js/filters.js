/* filters.js: which relations and actors the filters keep, and applying them to the drawing.
 *
 * The time rule (the same as graph's Python filters): a relation is shown when it is in force at
 * some moment of the window, t0 <= to and t1 >= from, where t1 is already the last day of a month
 * or year when the end date was given as one. Undated relations follow the "undated" box.
 */

const firstDay = meta.dateMin ? dayOf(meta.dateMin) : null; /* null: no dated relation */
const lastDay = meta.dateMax ? dayOf(meta.dateMax) : null;

/* Whether relation r passes every filter except the time window. */
function relPassesTypes(r) {
  return state.edgeOn.get(relCols.type[r]) !== false &&
    state.nodeOn.get(nodeCols.type[relFrom[r]]) !== false &&
    state.nodeOn.get(nodeCols.type[relTo[r]]) !== false &&
    (state.automatic || !relAuto[r]);
}

function inWindow(r) {
  const start = relCols.t0[r];
  if (start === null || start === undefined) return state.undated;
  return state.from === null || (relCols.t1[r] >= state.from && start <= state.to);
}

/* A new window (days), kept inside the data's span and in order; then everything is redrawn. */
function setWindow(from, to) {
  if (firstDay === null) return;
  let a = Math.round(Number(from)), b = Math.round(Number(to));
  if (!isFinite(a)) a = firstDay;
  if (!isFinite(b)) b = lastDay;
  if (a > b) [a, b] = [b, a];
  state.from = Math.max(firstDay, Math.min(lastDay, a));
  state.to = Math.max(firstDay, Math.min(lastDay, b));
  scheduleFilters();
}

let filterTimer = null;
function scheduleFilters() { /* on big graphs, filter at most every 120 ms while a control moves */
  if (!isLarge) { applyFilters(); return; }
  if (filterTimer !== null) return;
  filterTimer = setTimeout(() => { filterTimer = null; applyFilters(); }, 120);
}

/* With "group", each actor whose country is a state in the data is drawn as that state. */
let groupedAs = null;
const hasMembers = new Uint8Array(nodeCount); /* 1 where other actors are drawn as this one */
function groupActors() {
  const key = state.collapse ? "1:" + Array.from(state.expanded).sort((a, b) => a - b).join(",") : "";
  if (key === groupedAs) return;
  groupedAs = key;
  for (let i = 0; i < nodeCount; i++) {
    const home = state.collapse ? nodeIndexById.get(nodeCols.country[i]) : undefined;
    const grouped = home !== undefined && home !== i && nodeCols.type[home] === "state" &&
      nodeCols.type[i] !== "state" && !state.expanded.has(home);
    view.drawnAs[i] = grouped ? home : i;
  }
  hasMembers.fill(0);
  for (let i = 0; i < nodeCount; i++) if (view.drawnAs[i] !== i) hasMembers[view.drawnAs[i]] = 1;
  buildPairs();
}

/* Members drawn as each state (for its details and tooltip). */
function groupedInto(i) {
  const members = [];
  for (let m = 0; m < nodeCount; m++) if (m !== i && view.drawnAs[m] === i) members.push(m);
  return members;
}

/* Apply every filter and the selection to the drawing, and say what is shown. */
function applyFilters() {
  groupActors();
  const hasRelation = new Uint8Array(nodeCount);
  let shownRelations = 0;
  for (let r = 0; r < relCount; r++) {
    const s = view.drawnAs[relFrom[r]], t = view.drawnAs[relTo[r]];
    const inside = s === t && relFrom[r] !== relTo[r]; /* an actor and its own state, grouped */
    const shown = !inside && relPassesTypes(r) && inWindow(r) ? 1 : 0;
    view.relShown[r] = shown;
    if (shown) { hasRelation[s] = 1; hasRelation[t] = 1; shownRelations++; }
  }
  let shownNodes = 0;
  for (let i = 0; i < nodeCount; i++) {
    const typeOn = state.nodeOn.get(nodeCols.type[i]) !== false || hasMembers[i] === 1;
    const show = view.drawnAs[i] === i && typeOn && (!state.isolated || hasRelation[i] || relCount === 0);
    view.nodeShown[i] = show ? 1 : 0;
    if (show) shownNodes++;
  }
  view.nodesShown = shownNodes;
  countPairs();
  computeFocus();
  restyleNodes();
  sortLabels();
  drawLinks();
  drawColorLegend();
  drawLinksKey();
  showEmpty(shownNodes === 0);
  const hidden = nodeCount - shownNodes;
  byId("status").textContent = "Showing " + shownNodes.toLocaleString("en") + " of " + plural(nodeCount, "actor") +
    " · " + plural(view.linkCount, state.links === "pair" ? "link" : "relation") +
    (state.links === "pair" ? " (" + plural(shownRelations, "relation") + ")" : "") +
    (firstDay !== null ? " · " + isoDay(state.from) + " to " + isoDay(state.to) : "") +
    (state.isolated && hidden > 0 && shownNodes > 0 ? " · " + plural(hidden, "actor") + " without visible relations hidden" : "");
  onApply.forEach((fn) => { fn(); });
}

function showEmpty(empty) { /* say so instead of a blank canvas */
  byId("empty").hidden = !empty;
  byId("hint").hidden = empty || !byId("details").hidden;
  if (!empty) return;
  byId("empty-why").textContent = nodeCount === 0
    ? (meta.notes.length ? meta.notes.join(" · ") : "The dataset has no actors.")
    : "Every actor is hidden by the filters or the time window: widen them or press Reset.";
}
