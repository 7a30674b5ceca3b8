/* network.js: the vis-network drawing, and what other scripts can reach through window.
 *
 * window.network (vis.Network), window.nodes / window.edges (vis.DataSet: one item per node and
 * per relation, or per pair and type with --aggregate), window.explorer (readiness, state and the
 * actions of the page: applyFilters, selectNode, selectEdge, clearSelection, reset, and
 * nodeIndex / edgeIndex from a data id to the vis id). A vis item's id is its row index (a
 * number) and its data id is its dataId: vis-network looks ids up in plain objects.
 */

const nodes = new vis.DataSet(visNodeItems);
const edges = new vis.DataSet(visEdgeItems);
const networkOptions = {
  autoResize: true,
  nodes: {
    borderWidth: 1.5, borderWidthSelected: 3,
    font: { face: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif", color: LABEL_COLOR,
            strokeWidth: 4, strokeColor: "#ffffff", multi: false },
    scaling: { label: { drawThreshold: 7 } }
  },
  edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0, arrowStrikethrough: false,
           color: { inherit: false } },
  physics: meta.physics
    ? { enabled: true, solver: "forceAtlas2Based", stabilization: { enabled: false },
        forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.3 } }
    : { enabled: false },
  layout: { improvedLayout: false, randomSeed: 1 },
  interaction: { hover: false, tooltipDelay: 3600000, hideEdgesOnDrag: isLarge, hideEdgesOnZoom: isLarge,
                 multiselect: false, navigationButtons: false, keyboard: false }
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
