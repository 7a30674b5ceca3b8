/* tooltip.js: a short text tooltip on hover (label, type, counts); text only, never HTML. */

const tooltip = byId("tooltip");

function tooltipLines(kind, index) {
  if (kind === "node") {
    const i = index;
    const lines = [nodeCols.label[i], nodeTypeLabel(i) + (nodeCols.country[i] && nodeCols.type[i] !== "state" ? " · " + nodeCols.country[i] : "")];
    let shown = 0;
    pairsOfNode[i].forEach((k) => { shown += view.pairShown[k]; });
    lines.push(plural(shown, "visible relation") + " of " + nodeCols.relations[i] + " · " + measureLabel(state.sizeBy) + " " + formatNumber(nodeCols.measures[state.sizeBy][i]));
    const members = hasMembers[i] ? groupedInto(i).length : 0;
    if (members) lines.push(plural(members, "actor") + " grouped here");
    return lines;
  }
  if (state.links === "pair") {
    const k = index;
    return [pairLabel(k), pairKind(k) + " · " + plural(view.pairShown[k], "relation") + " shown of " + relsOfPair[k].length,
            "net sign " + formatNumber(Math.round(view.pairNet[k] * 1000) / 1000) + " · click for the relations"];
  }
  const r = index;
  return [nodeCols.label[relFrom[r]] + (relDirected[r] ? " → " : " — ") + nodeCols.label[relTo[r]],
          relCols.type[r] + (dateText(r) ? " · " + dateText(r) : " · undated") + " · " + signText(relCols.sign[r])];
}

function showTooltip(kind, index, pointer) {
  removeChildren(tooltip);
  tooltipLines(kind, index).forEach((line, n) => { tooltip.appendChild(element(n ? "span" : "strong", "", line)); });
  tooltip.hidden = false;
  const stage = byId("stage").getBoundingClientRect();
  const box = tooltip.getBoundingClientRect();
  const x = Math.min(pointer.x + 14, stage.width - box.width - 6);
  const y = pointer.y + 16 + box.height > stage.height ? pointer.y - box.height - 10 : pointer.y + 16;
  tooltip.style.left = Math.max(4, x) + "px";
  tooltip.style.top = Math.max(4, y) + "px";
}
function hideTooltip() { tooltip.hidden = true; }

network.on("hoverNode", (params) => { showTooltip("node", Number(params.node), params.pointer.DOM); });
network.on("hoverEdge", (params) => { showTooltip("link", Number(params.edge), params.pointer.DOM); });
network.on("blurNode", hideTooltip);
network.on("blurEdge", hideTooltip);
network.on("dragStart", hideTooltip);
network.on("zoom", hideTooltip);
byId("network").addEventListener("pointerleave", hideTooltip); /* onto the card, the buttons, the panel */
