/* state.js: the one mutable state of the page (what state() returns is built from it), and the
 * view derived from it by the filters: what is shown, dimmed and drawn. */

const state = {
  from: null, /* the date window, in days since 1970-01-01 (null: no dated relation) */
  to: null,
  edgeOn: new Map(), /* relation type → its checkbox is ticked */
  nodeOn: new Map(), /* actor type → its checkbox is ticked */
  undated: true, /* show relations without a date */
  automatic: false, /* show the links an importer added from each actor to its state */
  isolated: true, /* hide actors without a visible relation */
  collapse: false, /* draw each state's actors as the state */
  expanded: new Set(), /* states whose actors are drawn although collapse is on (node indices) */
  links: meta.links, /* "pair": one link per pair; "relation": one line per relation */
  sizeBy: meta.sizeBy,
  colorBy: meta.colorBy,
  selection: null, /* null or { kind: "node" | "pair" | "relation", index } */
  depth: 1, /* focus depth around a selected actor: 1, 2 or 3 */
  layout: meta.layout || "network", /* "network" or "map" (map.js) */
  firstHit: null /* the first search result, selected by Enter */
};

const view = {
  relShown: new Uint8Array(relCount), /* 1 where the filters keep the relation */
  nodeShown: new Uint8Array(nodeCount), /* 1 where the actor is drawn */
  drawnAs: Int32Array.from({ length: nodeCount }, (_, i) => i), /* the node an actor is drawn as */
  pairShown: null, /* per pair (links.js sizes these): visible relations */
  pairWeight: null,
  pairNet: null, /* sum of weight × sign */
  pairPos: null,
  pairNeg: null,
  pairDir: null, /* 1: every relation A → B, -1: B → A, 0: otherwise */
  nodeDim: new Uint8Array(nodeCount), /* 1 where a selection or focus fades the actor */
  reachedVia: new Map(), /* focus: actor index → [depth, the actor it is reached through] */
  linkCount: 0, /* links or relations drawn */
  nodesShown: 0
};
const onApply = []; /* run after every filter run (the strip, the legend …) */
