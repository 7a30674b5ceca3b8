/* selection.js: selecting an actor or a relation (click, search, links), and clearing it.
 *
 * Inside the page, actors and relations are row indices (also their vis ids); the scripting API
 * (selectNode, selectEdge) takes the ids of the data.
 */

function selectNodeAt(i, focus) {
  network.selectNodes([i]);
  highlightNeighbourhood(i);
  showNodeDetails(i);
  if (focus) network.focus(i, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
}

function selectEdgeAt(j) {
  network.selectEdges([j]);
  dimAllBut(new Set([edgeFrom[j], edgeTo[j]]), new Set([j]));
  showEdgeDetails(j);
}

/* The actor or relation with this data id (nothing if there is none). */
function selectNode(id, focus) {
  const i = nodeIndexById.get(id);
  if (i !== undefined) selectNodeAt(i, focus);
}

function selectEdge(id) {
  const j = edgeIndexById.get(id);
  if (j !== undefined) selectEdgeAt(j);
}

function clearSelection() {
  network.unselectAll();
  dimAllBut(null, null);
  byId("details").hidden = true;
  byId("hint").hidden = !byId("empty").hidden;
}

network.on("click", (params) => {
  if (params.nodes.length) selectNodeAt(Number(params.nodes[0]), false);
  else if (params.edges.length) selectEdgeAt(Number(params.edges[0]));
  else clearSelection();
});
byId("details-close").addEventListener("click", clearSelection);
