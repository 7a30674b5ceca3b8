/* main.js: reset, the notes line, the page's scripting API, and the first drawing. */

function defaultState() {
  state.from = firstDay;
  state.to = lastDay;
  state.undated = true;
  state.automatic = false;
  state.isolated = true;
  state.collapse = false;
  state.expanded = new Set();
  state.layout = meta.layout;
  state.links = meta.links;
  state.sizeBy = meta.sizeBy;
  state.colorBy = meta.colorBy;
  state.depth = 1;
  state.selection = null;
  state.edgeOn.forEach((_, name) => { state.edgeOn.set(name, true); });
  state.nodeOn.forEach((_, name) => { state.nodeOn.set(name, true); });
}

function reset() {
  defaultState();
  placeNodes();
  searchInput.value = "";
  runSearch();
  showNotice("");
  syncControls();
  syncTime();
  select(null);
  fitShown(false);
}

byId("reset").addEventListener("click", reset);
byId("notes").textContent = meta.notes.join(" · ");
Object.assign(explorer, {
  state: currentState,
  setState: setState,
  visibleLinks: visibleLinks,
  labels: () => labelBoxes.slice(),
  applyFilters: applyFilters,
  selectNode: selectNode,
  selectPair: selectPair,
  selectEdge: selectEdge,
  clearSelection: clearSelection,
  reset: reset,
  timeline: timeline,
  nodeIndex: (id) => nodeIndexById.get(id), /* a node's data id to its vis id (undefined: none) */
  relationIndex: (id) => relIndexById.get(id),
  countryBox: countryBox,
  exportSVG: exportSVG,
  exportPNG: exportPNG,
  linkOf: (id) => { const r = relIndexById.get(id); return r === undefined ? undefined : (state.links === "pair" ? relPair[r] : r); }
});
defaultState();
groupActors();
readFragment();
syncControls();
syncTime();
applyFilters();
network.setSize("100%", "100%"); /* the strip and panel are built now: measure the canvas again */
fitShown(false);
showDetails();
if (state.selection && state.selection.kind === "node") network.selectNodes([view.drawnAs[state.selection.index]]);
