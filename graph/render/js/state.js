/* state.js: the one mutable state of the page (window.explorer.state). */

const state = {
  edgeOn: new Map(), /* relation type → its checkbox is ticked */
  nodeOn: new Map(), /* actor type → its checkbox is ticked */
  from: null, /* the date window, in days since 1970-01-01 (null: no dated relation) */
  to: null,
  undated: true, /* show relations without a date */
  isolated: false, /* hide actors without a visible relation */
  nodeHidden: new Uint8Array(nodeCount), /* 1 where the filters hide the node */
  edgeHidden: new Uint8Array(edgeCount),
  nodeDimmed: new Uint8Array(nodeCount), /* 1 where a selection greys the node out */
  edgeDimmed: new Uint8Array(edgeCount),
  filterTimer: null, /* the pending filter run while a date slider moves (large graphs) */
  firstHit: null /* id of the first search result, selected by Enter */
};
