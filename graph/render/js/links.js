/* links.js: pairs of drawn actors, the pair rule, and the links on the canvas.
 *
 * A pair is two drawn actors (with "group", an actor may be drawn as its state), whatever the
 * direction of their relations. Over the relations the filters keep, its link counts them, sums
 * weight and weight × sign (net), and has a kind: cooperative (cooperative and no conflictual
 * relation), conflictual (the reverse), mixed (both), neutral (neither); dashed when net < 0;
 * an arrow only when every relation is directed and all point the same way. The same rule as
 * graph.render.pair_links in Python. */

let pairCount = 0;
let pairA = []; /* the pair's ends, drawn node indices: A has the smaller index */
let pairB = [];
let relsOfPair = []; /* per pair: its relations in date order */
let pairsOfNode = []; /* per drawn node: its pairs */
const relPair = new Int32Array(relCount);
let pairsVersion = 0; /* bumped when the pairs are rebuilt (the drawing restarts) */

/* Group relations into pairs of drawn actors (view.drawnAs). */
function buildPairs() {
  const index = new Map();
  pairA = []; pairB = []; relsOfPair = [];
  for (let r = 0; r < relCount; r++) {
    const s = view.drawnAs[relFrom[r]], t = view.drawnAs[relTo[r]];
    const a = Math.min(s, t), b = Math.max(s, t);
    const key = a * nodeCount + b;
    let k = index.get(key);
    if (k === undefined) {
      k = pairA.length;
      index.set(key, k);
      pairA.push(a); pairB.push(b); relsOfPair.push([]);
    }
    relPair[r] = k;
    relsOfPair[k].push(r);
  }
  pairCount = pairA.length;
  relsOfPair.forEach((list) => list.sort(byDate));
  pairsOfNode = Array.from({ length: nodeCount }, () => []);
  for (let k = 0; k < pairCount; k++) {
    pairsOfNode[pairA[k]].push(k);
    if (pairB[k] !== pairA[k]) pairsOfNode[pairB[k]].push(k);
  }
  pairIndexByKey = index;
  view.pairShown = new Int32Array(pairCount);
  view.pairWeight = new Float64Array(pairCount);
  view.pairNet = new Float64Array(pairCount);
  view.pairPos = new Int32Array(pairCount);
  view.pairNeg = new Int32Array(pairCount);
  view.pairDir = new Int8Array(pairCount);
  pairWidth = widthScale(relsOfPair.map((list) => list.length));
  pairsVersion++;
}
let pairIndexByKey = new Map();

function pairOf(a, b) { return pairIndexByKey.get(Math.min(a, b) * nodeCount + Math.max(a, b)); }
function pairLabel(k) { return nodeCols.label[pairA[k]] + " — " + nodeCols.label[pairB[k]]; }
function otherEnd(k, i) { return pairA[k] === i ? pairB[k] : pairA[k]; }

/* Count each pair's visible relations (view.relShown) by the pair rule. */
function countPairs() {
  view.pairShown.fill(0); view.pairWeight.fill(0); view.pairNet.fill(0);
  view.pairPos.fill(0); view.pairNeg.fill(0);
  const forward = new Int32Array(pairCount), backward = new Int32Array(pairCount), mutual = new Int32Array(pairCount);
  for (let r = 0; r < relCount; r++) {
    if (!view.relShown[r]) continue;
    const k = relPair[r], w = relCols.weight[r], sign = relCols.sign[r];
    view.pairShown[k]++;
    view.pairWeight[k] += w;
    view.pairNet[k] += w * sign;
    if (sign > 0) view.pairPos[k]++;
    else if (sign < 0) view.pairNeg[k]++;
    if (!relDirected[r]) mutual[k]++;
    else if (view.drawnAs[relFrom[r]] === pairA[k]) forward[k]++;
    else backward[k]++;
  }
  for (let k = 0; k < pairCount; k++) {
    const oneWay = !mutual[k] && (!forward[k] || !backward[k]) && pairA[k] !== pairB[k];
    view.pairDir[k] = !oneWay ? 0 : forward[k] ? 1 : -1;
  }
}

function pairKind(k) {
  const pos = view.pairPos[k] > 0, neg = view.pairNeg[k] > 0;
  return pos && neg ? "mixed" : pos ? "cooperative" : neg ? "conflictual" : "neutral";
}
function kindColor(kind) { return meta.pairKinds[kind].color; }

/* Widths: 1.5 px for one relation, a pixel more per doubling, at most 6 px (as in Python). */
function widthScale(values) {
  let top = 0;
  values.forEach((v) => { top = Math.max(top, Math.log2(Math.max(v, 1))); });
  const slope = top > 0 ? Math.min(1, 4.5 / top) : 1;
  return (v) => Math.round(10 * Math.min(6, 1.5 + slope * Math.log2(Math.max(v, 1)))) / 10;
}
let pairWidth = (v) => v;

const DIM_LINK = "rgba(203, 210, 217, 0.35)";

function pairItem(k) {
  const dir = view.pairDir[k];
  const item = {
    id: k, dataId: "pair:" + nodeCols.id[pairA[k]] + "|" + nodeCols.id[pairB[k]],
    from: dir < 0 ? pairB[k] : pairA[k], to: dir < 0 ? pairA[k] : pairB[k],
    hidden: !view.pairShown[k] || !view.nodeShown[pairA[k]] || !view.nodeShown[pairB[k]],
    width: pairWidth(view.pairShown[k]), dashes: view.pairNet[k] < 0 ? [7, 5] : false,
    arrows: { to: { enabled: dir !== 0, scaleFactor: 0.6 } }, smooth: false
  };
  const color = view.nodeDim[pairA[k]] || view.nodeDim[pairB[k]] ? DIM_LINK : kindColor(pairKind(k));
  item.color = { color: color, highlight: color, hover: color, opacity: 1 };
  if (pairA[k] === pairB[k]) item.selfReference = { size: 16, angle: Math.PI / 4 };
  return item;
}

function relationItem(r) {
  const type = edgeTypeOf(relCols.type[r]);
  const s = view.drawnAs[relFrom[r]], t = view.drawnAs[relTo[r]];
  const item = {
    id: r, dataId: relCols.id[r], from: s, to: t,
    hidden: !view.relShown[r] || !view.nodeShown[s] || !view.nodeShown[t],
    width: relCols.width[r], dashes: relCols.sign[r] < 0 ? [7, 5] : false,
    arrows: { to: { enabled: !!type.directed, scaleFactor: 0.55 } }
  };
  const color = view.nodeDim[s] || view.nodeDim[t] ? DIM_LINK : type.color;
  item.color = { color: color, highlight: color, hover: color, opacity: 0.85 };
  const curve = relCols.curve[r];
  item.smooth = curve !== 0 && s !== t && view.drawnAs[relFrom[r]] === relFrom[r] && view.drawnAs[relTo[r]] === relTo[r]
    ? { enabled: true, type: curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(curve) } : false;
  if (s === t) { const loop = relCols.loop[r]; item.selfReference = { size: 14 + 7 * loop, angle: loop * Math.PI / 3 }; }
  return item;
}

/* Bring the canvas's links up to date, sending vis only the items that changed. */
let drawnKind = null;
let drawnVersion = -1;
let drawnSig = [];
function drawLinks() {
  const kind = state.links;
  const count = kind === "pair" ? pairCount : relCount;
  const make = kind === "pair" ? pairItem : relationItem;
  const items = new Array(count);
  for (let k = 0; k < count; k++) items[k] = make(k);
  if (kind !== drawnKind || drawnVersion !== pairsVersion) {
    edges.clear();
    edges.add(items);
    drawnSig = items.map((item) => JSON.stringify(item));
    drawnKind = kind;
    drawnVersion = pairsVersion;
  } else {
    const updates = [];
    for (let k = 0; k < count; k++) {
      const sig = JSON.stringify(items[k]);
      if (sig !== drawnSig[k]) { drawnSig[k] = sig; updates.push(items[k]); }
    }
    if (updates.length) edges.update(updates);
  }
  let shown = 0;
  items.forEach((item) => { if (!item.hidden) shown++; });
  view.linkCount = shown;
}

/* The links drawn now: { source, target, relations: [relation ids] } (the page's API). */
function visibleLinks() {
  const out = [];
  if (state.links === "pair") {
    for (let k = 0; k < pairCount; k++) {
      const item = edges.get(k);
      if (!item || item.hidden) continue;
      out.push({
        source: nodeCols.id[item.from], target: nodeCols.id[item.to], kind: pairKind(k),
        relations: relsOfPair[k].filter((r) => view.relShown[r]).map((r) => relCols.id[r])
      });
    }
  } else {
    for (let r = 0; r < relCount; r++) {
      const item = edges.get(r);
      if (!item || item.hidden) continue;
      out.push({ source: nodeCols.id[item.from], target: nodeCols.id[item.to], relations: [relCols.id[r]] });
    }
  }
  return out;
}
