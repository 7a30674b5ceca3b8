/* highlight.js: grey out everything but a selection and its neighbourhood. */

/* Dim every node and edge not in keepNodes / keepEdges (Sets of indices; null keeps all). */
function dimAllBut(keepNodes, keepEdges) {
  if (isLarge) return; /* restyling 10,000s of items takes seconds: the selection alone shows it */
  const nodeUpdates = [];
  const edgeUpdates = [];
  for (let i = 0; i < nodeCount; i++) {
    const dimmed = keepNodes && !keepNodes.has(i) ? 1 : 0;
    if (dimmed !== state.nodeDimmed[i]) {
      state.nodeDimmed[i] = dimmed;
      nodeUpdates.push({
        id: i, color: dimmed ? DIM_NODE_COLOR : baseNodeColor[i],
        font: { size: nodeCols.font[i], color: dimmed ? DIM_LABEL_COLOR : LABEL_COLOR }
      });
    }
  }
  for (let j = 0; j < edgeCount; j++) {
    const dimmed = keepEdges && !keepEdges.has(j) ? 1 : 0;
    if (dimmed !== state.edgeDimmed[j]) {
      state.edgeDimmed[j] = dimmed;
      edgeUpdates.push({ id: j, color: dimmed ? DIM_EDGE_COLOR : baseEdgeColor[j] });
    }
  }
  if (nodeUpdates.length) nodes.update(nodeUpdates);
  if (edgeUpdates.length) edges.update(edgeUpdates);
}

/* Keep node i, its visible edges and their other ends. */
function highlightNeighbourhood(i) {
  const keepNodes = new Set([i]);
  const keepEdges = new Set();
  edgesOfNode[i].forEach((j) => {
    if (!state.edgeHidden[j]) { keepEdges.add(j); keepNodes.add(edgeFrom[j]); keepNodes.add(edgeTo[j]); }
  });
  dimAllBut(keepNodes, keepEdges);
}
