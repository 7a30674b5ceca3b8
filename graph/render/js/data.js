/* data.js: the embedded data (columns of plain values), its types, and lookups between them. */

const DATA = JSON.parse(byId("graph-data").textContent);
const meta = DATA.meta;
const nodeCols = DATA.nodes; /* one array per node attribute: id, label, type, x, y, size … */
const edgeCols = DATA.edges; /* one array per attribute of the drawn edges */
const relationCols = DATA.relations || DATA.edges; /* per relation (with --aggregate, edges are links) */
const nodeCount = nodeCols.id.length;
const edgeCount = edgeCols.id.length;
const isLarge = nodeCount > 2000;

const FALLBACK_NODE_TYPE = { label: "", color: "#7f7f7f", border: "#595959", shape: "dot", meaning: "" };
const FALLBACK_EDGE_TYPE = { color: "#7f7f7f", directed: false, sign: 0, meaning: "" };
const DIM_NODE_COLOR = { background: "#e9ecef", border: "#d5dade", highlight: { background: "#e9ecef", border: "#d5dade" } };
const DIM_EDGE_COLOR = { color: "#dde1e5", highlight: "#dde1e5", opacity: 0.5 };
const LABEL_COLOR = "#1f2933";
const DIM_LABEL_COLOR = "#b3bcc5";

const nodeTypeByName = new Map(DATA.nodeTypes.map((type) => [type.name, type]));
const edgeTypeByName = new Map(DATA.edgeTypes.map((type) => [type.name, type]));
function nodeTypeOf(name) { return nodeTypeByName.get(name) || FALLBACK_NODE_TYPE; }
function edgeTypeOf(name) { return edgeTypeByName.get(name) || FALLBACK_EDGE_TYPE; }

const nodeIndexById = new Map(nodeCols.id.map((id, i) => [id, i]));
const edgeIndexById = new Map(edgeCols.id.map((id, j) => [id, j]));

/* vis-network keeps its own lookups in plain objects keyed by item id, where a data id such as
 * "constructor" or "__proto__" would find Object.prototype's members: every vis item's id is
 * therefore its row index (node i, edge j), and its data id travels as dataId. */

/* Per node: its colours when not dimmed and its vis item. */
const baseNodeColor = new Array(nodeCount);
const visNodeItems = new Array(nodeCount);
for (let i = 0; i < nodeCount; i++) {
  const type = nodeTypeOf(nodeCols.type[i]);
  baseNodeColor[i] = { background: type.color, border: type.border, highlight: { background: type.color, border: "#1f2933" } };
  visNodeItems[i] = {
    id: i, dataId: nodeCols.id[i], label: nodeCols.label[i], x: nodeCols.x[i], y: nodeCols.y[i],
    shape: type.shape, size: nodeCols.size[i], color: baseNodeColor[i]
  };
  if (!isLarge) visNodeItems[i].font = { size: nodeCols.font[i], color: LABEL_COLOR }; /* hubs' labels larger */
}

/* Per edge: its end nodes (indices), its colour when not dimmed, its vis item; per node: its edges. */
const edgeFrom = new Int32Array(edgeCount);
const edgeTo = new Int32Array(edgeCount);
const baseEdgeColor = new Array(edgeCount);
const visEdgeItems = new Array(edgeCount);
const edgesOfNode = Array.from({ length: nodeCount }, () => []);
for (let j = 0; j < edgeCount; j++) {
  const type = edgeTypeOf(edgeCols.type[j]);
  edgeFrom[j] = nodeIndexById.get(edgeCols.from[j]);
  edgeTo[j] = nodeIndexById.get(edgeCols.to[j]);
  edgesOfNode[edgeFrom[j]].push(j);
  if (edgeTo[j] !== edgeFrom[j]) edgesOfNode[edgeTo[j]].push(j);
  baseEdgeColor[j] = { color: type.color, highlight: type.color, opacity: 0.85 };
  const item = {
    id: j, dataId: edgeCols.id[j], from: edgeFrom[j], to: edgeTo[j], width: edgeCols.width[j],
    color: baseEdgeColor[j]
  };
  if (edgeCols.sign[j] < 0) item.dashes = [7, 5];
  if (type.directed) item.arrows = { to: { enabled: true, scaleFactor: 0.55 } };
  const curve = edgeCols.curve[j];
  if (curve !== 0) item.smooth = { enabled: true, type: curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(curve) };
  if (edgeFrom[j] === edgeTo[j]) {
    const loop = edgeCols.loop[j];
    item.selfReference = { size: 14 + 7 * loop, angle: loop * Math.PI / 3 };
  }
  visEdgeItems[j] = item;
}
