/* filters.js: the date window and view controls, and applying every filter to the drawing. */

const dateFromInput = byId("date-from");
const dateToInput = byId("date-to");
const undatedInput = byId("show-undated");
const isolatedInput = byId("hide-isolated");
const physicsInput = byId("physics");
const firstDay = meta.dateMin ? dayOf(meta.dateMin) : null; /* null: no dated relation */
const lastDay = meta.dateMax ? dayOf(meta.dateMax) : null;

if (firstDay === null) {
  byId("time-controls").hidden = true;
  byId("time-empty").hidden = false;
} else {
  [dateFromInput, dateToInput].forEach((input) => { input.min = String(firstDay); input.max = String(lastDay); });
}
byId("undated-label").textContent = "Show undated relations (" + meta.undated.toLocaleString("en") + ")";

/* Show the state's date window on the sliders and their labels. */
function syncTime() {
  if (firstDay === null) return;
  dateFromInput.value = String(state.from);
  dateToInput.value = String(state.to);
  byId("date-from-out").textContent = isoDay(state.from);
  byId("date-to-out").textContent = isoDay(state.to);
}

/* A slider moved: keep from ≤ to (the other slider follows the one that moved). */
function onRange(which) {
  let from = parseInt(dateFromInput.value, 10);
  let to = parseInt(dateToInput.value, 10);
  if (from > to) { if (which === "from") to = from; else from = to; }
  state.from = from;
  state.to = to;
  syncTime();
  scheduleFilters();
}

function scheduleFilters() { /* on big graphs, filter once the slider rests */
  if (!isLarge) { applyFilters(); return; }
  if (state.filterTimer !== null) clearTimeout(state.filterTimer);
  state.filterTimer = setTimeout(() => { state.filterTimer = null; applyFilters(); }, 200);
}

dateFromInput.addEventListener("input", () => { onRange("from"); });
dateToInput.addEventListener("input", () => { onRange("to"); });
undatedInput.addEventListener("change", () => { state.undated = undatedInput.checked; applyFilters(); });
isolatedInput.addEventListener("change", () => { state.isolated = isolatedInput.checked; applyFilters(); });
physicsInput.checked = meta.physics;
physicsInput.disabled = !meta.physicsAllowed;
physicsInput.addEventListener("change", () => { network.setOptions({ physics: { enabled: physicsInput.checked } }); });

/* Whether edge j overlaps the date window (undated edges follow the "undated" box). */
function inDateWindow(j) {
  const start = edgeCols.t0[j];
  const end = edgeCols.t1[j];
  if (start === null || start === undefined) return state.undated;
  return state.from === null || (end >= state.from && start <= state.to);
}

/* Hide what the filters leave out (updating only what changed) and say what is shown. */
function applyFilters() {
  const typeShown = new Uint8Array(nodeCount);
  const hasEdge = new Uint8Array(nodeCount);
  const nodeUpdates = [];
  const edgeUpdates = [];
  let shownNodes = 0;
  let shownEdges = 0;
  for (let i = 0; i < nodeCount; i++) typeShown[i] = state.nodeOn.get(nodeCols.type[i]) ? 1 : 0;
  for (let j = 0; j < edgeCount; j++) {
    const show = state.edgeOn.get(edgeCols.type[j]) && typeShown[edgeFrom[j]] && typeShown[edgeTo[j]] && inDateWindow(j);
    if (show) { hasEdge[edgeFrom[j]] = 1; hasEdge[edgeTo[j]] = 1; shownEdges++; }
    const hidden = show ? 0 : 1;
    if (hidden !== state.edgeHidden[j]) {
      state.edgeHidden[j] = hidden;
      edgeUpdates.push({ id: j, hidden: !!hidden });
    }
  }
  for (let i = 0; i < nodeCount; i++) {
    const hidden = typeShown[i] && (!state.isolated || hasEdge[i]) ? 0 : 1;
    if (!hidden) shownNodes++;
    if (hidden !== state.nodeHidden[i]) {
      state.nodeHidden[i] = hidden;
      nodeUpdates.push({ id: i, hidden: !!hidden });
    }
  }
  if (nodeUpdates.length) nodes.update(nodeUpdates);
  if (edgeUpdates.length) edges.update(edgeUpdates);
  showEmpty(shownNodes === 0);
  byId("status").textContent = "Showing " + shownNodes.toLocaleString("en") + " of " + nodeCount.toLocaleString("en") +
    " actors · " + shownEdges.toLocaleString("en") + " of " + edgeCount.toLocaleString("en") +
    (meta.aggregate ? " links" : " relations");
}

function showEmpty(empty) { /* say so instead of a blank canvas */
  byId("empty").hidden = !empty;
  byId("hint").hidden = empty || !byId("details").hidden;
  if (!empty) return;
  byId("empty-why").textContent = nodeCount === 0
    ? (meta.notes.length ? meta.notes.join(" · ") : "The dataset has no actors.")
    : "Every actor is hidden by the filters on the left: widen them or press Reset.";
}
