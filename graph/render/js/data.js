/* data.js: the embedded data (columns of plain values), its types, and lookups between them:
 * each node's and each pair's relations (in date order), and the vis items of the nodes. */

const DATA = JSON.parse(byId("graph-data").textContent);
const meta = DATA.meta;
const nodeCols = DATA.nodes; /* one array per node attribute: id, label, type, x, y, size … */
const relCols = DATA.relations; /* one array per relation attribute: id, from, to, type, t0, t1 … */
const nodeCount = nodeCols.id.length;
const relCount = relCols.id.length;
const isLarge = nodeCount > 2000;

const FALLBACK_NODE_TYPE = { label: "", color: "#7f7f7f", border: "#595959", shape: "dot", meaning: "" };
const FALLBACK_EDGE_TYPE = { color: "#7f7f7f", directed: false, sign: 0, meaning: "", family: "" };
const LABEL_COLOR = "#1f2933";

const nodeTypeByName = new Map(DATA.nodeTypes.map((type) => [type.name, type]));
const edgeTypeByName = new Map(DATA.edgeTypes.map((type) => [type.name, type]));
function nodeTypeOf(name) { return nodeTypeByName.get(name) || FALLBACK_NODE_TYPE; }
function edgeTypeOf(name) { return edgeTypeByName.get(name) || FALLBACK_EDGE_TYPE; }
function nodeTypeLabel(i) { return nodeTypeOf(nodeCols.type[i]).label || nodeCols.type[i]; }

const nodeIndexById = new Map(nodeCols.id.map((id, i) => [id, i]));
const relIndexById = new Map(relCols.id.map((id, r) => [id, r]));

/* Relations in date order: start, then end, undated last, then file order. */
function byDate(a, b) {
  const sa = relCols.t0[a], sb = relCols.t0[b];
  if (sa === null && sb !== null) return 1;
  if (sb === null && sa !== null) return -1;
  if (sa !== sb) return sa - sb;
  if (relCols.t1[a] !== relCols.t1[b]) return relCols.t1[a] - relCols.t1[b];
  return a - b;
}

/* Per relation: its end nodes (indices), whether its type is directed, whether an importer added
 * it (actor → its state); per node: its relations in date order. Pairs are in links.js. */
const relFrom = new Int32Array(relCount);
const relTo = new Int32Array(relCount);
const relDirected = new Uint8Array(relCount);
const relAuto = new Uint8Array(relCount);
const relsOfNode = Array.from({ length: nodeCount }, () => []);
for (let r = 0; r < relCount; r++) {
  relFrom[r] = nodeIndexById.get(relCols.from[r]);
  relTo[r] = nodeIndexById.get(relCols.to[r]);
  relDirected[r] = edgeTypeOf(relCols.type[r]).directed ? 1 : 0;
  relAuto[r] = relCols.auto[r] ? 1 : 0;
  relsOfNode[relFrom[r]].push(r);
  if (relTo[r] !== relFrom[r]) relsOfNode[relTo[r]].push(r);
}
relsOfNode.forEach((list) => list.sort(byDate));

/* vis-network keeps its own lookups in plain objects keyed by item id, where a data id such as
 * "constructor" or "__proto__" would find Object.prototype's members: every vis item's id is
 * therefore a row index (node i; link k or relation r), and its data id travels as dataId.
 * Labels are not vis labels: labels.js draws them, leaving out those that would overlap. */
const visNodeItems = new Array(nodeCount);
for (let i = 0; i < nodeCount; i++) {
  const type = nodeTypeOf(nodeCols.type[i]);
  visNodeItems[i] = {
    id: i, dataId: nodeCols.id[i], x: nodeCols.x[i], y: nodeCols.y[i], shape: type.shape,
    size: nodeCols.size[i], color: { background: type.color, border: type.border }
  };
}
