/* network.js: the vis-network drawing, and what other scripts can reach through window.
 *
 * window.network (vis.Network), window.nodes / window.edges (vis.DataSet: one item per actor, and
 * one per drawn link: per pair, or per relation), window.explorer (the page's API, see api.js).
 * A vis item's id is a row index (a number) and its data id is its dataId: vis-network looks ids
 * up in plain objects. The layout is computed in Python and kept: there is no physics.
 */

const nodes = new vis.DataSet(visNodeItems);
const edges = new vis.DataSet([]);
const networkOptions = {
  autoResize: true,
  nodes: { borderWidth: 1.5, borderWidthSelected: 3, font: { size: 0 }, chosen: { label: false } },
  edges: { smooth: false, selectionWidth: 2, hoverWidth: 1, arrowStrikethrough: false, color: { inherit: false } },
  physics: { enabled: false },
  layout: { improvedLayout: false, randomSeed: 1 },
  interaction: { hover: true, tooltipDelay: 3600000, hideEdgesOnDrag: isLarge, hideEdgesOnZoom: isLarge,
                 multiselect: false, navigationButtons: false, keyboard: false, zoomSpeed: 0.6 }
};
const network = new vis.Network(byId("network"), { nodes: nodes, edges: edges }, networkOptions);
const explorer = { ready: false, firstDraw: null };
window.network = network;
window.nodes = nodes;
window.edges = edges;
window.explorer = explorer;
network.once("afterDrawing", () => {
  explorer.firstDraw = performance.now();
  explorer.ready = true;
  document.documentElement.setAttribute("data-ready", "1");
});
