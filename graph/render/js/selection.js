/* selection.js: selecting an actor or a relation (click, search, links), and clearing it. */

function selectNode(id, focus) {
  const i = nodeIndexById.get(id);
  if (i === undefined) return;
  network.selectNodes([id]);
  highlightNeighbourhood(i);
  showNodeDetails(i);
  if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
}

function selectEdge(id) {
  const j = edgeIndexById.get(id);
  if (j === undefined) return;
  network.selectEdges([id]);
  dimAllBut(new Set([edgeFrom[j], edgeTo[j]]), new Set([j]));
  showEdgeDetails(j);
}

function clearSelection() {
  network.unselectAll();
  dimAllBut(null, null);
  byId("details").hidden = true;
  byId("hint").hidden = !byId("empty").hidden;
}

network.on("click", (params) => {
  if (params.nodes.length) selectNode(params.nodes[0], false);
  else if (params.edges.length) selectEdge(params.edges[0]);
  else clearSelection();
});
byId("details-close").addEventListener("click", clearSelection);
