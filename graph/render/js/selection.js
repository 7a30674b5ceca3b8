/* selection.js: selecting an actor, a pair or a relation (click, search, links), and clearing it.
 *
 * Inside the page, actors, pairs and relations are row indices; the scripting API (selectNode,
 * selectPair, selectEdge) takes the ids of the data.
 */

function select(selection) {
  state.selection = selection;
  applyFilters();
  showDetails();
  network.unselectAll();
  if (!selection) return;
  if (selection.kind === "node") network.selectNodes([view.drawnAs[selection.index]]);
  else if (selection.kind === "pair" && state.links === "pair" && edges.get(selection.index)) network.selectEdges([selection.index]);
  else if (selection.kind === "relation" && state.links === "relation") network.selectEdges([selection.index]);
  openDrawer("details");
}

function selectNodeAt(i, focus) {
  select({ kind: "node", index: i });
  if (focus && view.nodeShown[view.drawnAs[i]]) {
    network.focus(view.drawnAs[i], { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
  }
}
function selectPairAt(k) { select({ kind: "pair", index: k }); }
function selectRelationAt(r) { select({ kind: "relation", index: r }); }

/* By data id (nothing if there is none). */
function selectNode(id, focus) { const i = nodeIndexById.get(id); if (i !== undefined) selectNodeAt(i, focus); }
function selectEdge(id) { const r = relIndexById.get(id); if (r !== undefined) selectRelationAt(r); }
function selectPair(a, b) {
  const i = nodeIndexById.get(a), j = nodeIndexById.get(b);
  if (i === undefined || j === undefined) return;
  const k = pairOf(view.drawnAs[i], view.drawnAs[j]);
  if (k !== undefined) selectPairAt(k);
}

function clearSelection() {
  if (!state.selection) return;
  select(null);
}

network.on("click", (params) => {
  hideTooltip();
  if (params.nodes.length) selectNodeAt(Number(params.nodes[0]), false);
  else if (params.edges.length) {
    const id = Number(params.edges[0]);
    if (state.links === "pair") selectPairAt(id); else selectRelationAt(id);
  } else clearSelection();
});
byId("details-close").addEventListener("click", clearSelection);
