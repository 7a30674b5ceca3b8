/* main.js: reset, the notes line, the page's scripting API, and the first filtering. */

function reset() {
  edgeTypeBoxes.forEach((box, name) => { box.checked = true; state.edgeOn.set(name, true); });
  nodeTypeBoxes.forEach((box, name) => { box.checked = true; state.nodeOn.set(name, true); });
  state.from = firstDay;
  state.to = lastDay;
  state.undated = true;
  state.isolated = false;
  undatedInput.checked = true;
  isolatedInput.checked = false;
  searchInput.value = "";
  runSearch();
  syncTime();
  clearSelection();
  applyFilters();
  network.fit({ animation: false });
}

byId("reset").addEventListener("click", reset);
byId("notes").textContent = meta.notes.join(" · ");
Object.assign(explorer, {
  state: state,
  applyFilters: applyFilters,
  selectNode: selectNode,
  selectEdge: selectEdge,
  clearSelection: clearSelection,
  reset: reset,
  nodeIndex: (id) => nodeIndexById.get(id), /* a node's data id to its vis id (undefined: none) */
  edgeIndex: (id) => edgeIndexById.get(id)
});
state.from = firstDay;
state.to = lastDay;
syncTime();
applyFilters();
