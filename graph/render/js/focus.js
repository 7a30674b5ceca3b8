/* focus.js: fade all but the selection: an actor and the actors within its focus depth (1 to 3
 * steps along visible links), a pair's two actors, or a relation's two actors. For each actor in
 * focus it records its depth and through whom it is reached (the actor before it on a shortest
 * path). */

function computeFocus() {
  view.nodeDim.fill(0);
  view.reachedVia.clear();
  const sel = state.selection;
  if (!sel) return;
  const keep = new Uint8Array(nodeCount);
  if (sel.kind === "node") {
    const start = view.drawnAs[sel.index];
    keep[start] = 1;
    view.reachedVia.set(start, [0, -1]);
    let frontier = [start];
    for (let depth = 1; depth <= state.depth && frontier.length; depth++) {
      const next = [];
      frontier.forEach((i) => {
        pairsOfNode[i].forEach((k) => {
          if (!view.pairShown[k]) return;
          const j = otherEnd(k, i);
          if (keep[j] || !view.nodeShown[j]) return;
          keep[j] = 1;
          view.reachedVia.set(j, [depth, i]);
          next.push(j);
        });
      });
      frontier = next;
    }
  } else if (sel.kind === "pair") {
    keep[pairA[sel.index]] = 1;
    keep[pairB[sel.index]] = 1;
  } else {
    keep[view.drawnAs[relFrom[sel.index]]] = 1;
    keep[view.drawnAs[relTo[sel.index]]] = 1;
  }
  for (let i = 0; i < nodeCount; i++) view.nodeDim[i] = keep[i] ? 0 : 1;
}
