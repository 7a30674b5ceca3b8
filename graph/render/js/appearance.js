/* appearance.js: what sizes and colours the actors (size by, colour by), and the colour legend. */

const COMMUNITY_COLORS = meta.communityColors; /* graph.render.styles: the report's colours too */
const OTHER_COLOR = meta.otherColor; /* small communities, no relation with the selected actor */
const DIM_NODE = { background: "#eef0f3", border: "#d9dee4" };
const SELECTED_COLOR = "#1f2933";
const measureNames = meta.measures.map((m) => m.name);
const sizeCache = new Map();

/* Radii of 10 to 30 px by the square root of the scaled measure (graph.render.styles.node_sizes). */
function sizesBy(name) {
  if (sizeCache.has(name)) return sizeCache.get(name);
  const values = (nodeCols.measures[name] || []).map((v) => (typeof v === "number" && isFinite(v) ? v : 0));
  let low = Infinity, high = -Infinity;
  values.forEach((v) => { low = Math.min(low, v); high = Math.max(high, v); });
  const sizes = values.map((v) => (high > low ? Math.round(10 * (10 + 20 * Math.sqrt((v - low) / (high - low)))) / 10 : 20));
  sizeCache.set(name, sizes);
  return sizes;
}
function nodeSize(i) { return sizesBy(state.sizeBy)[i] || 10; }
function measureLabel(name) {
  const found = meta.measures.find((m) => m.name === name);
  return found ? found.label : name;
}

/* The selected actor, if an actor is selected (drawn index). */
function selectedNode() {
  const sel = state.selection;
  return sel && sel.kind === "node" ? view.drawnAs[sel.index] : null;
}

/* Kinds of each drawn actor's relations with the selected one (colour by "sign"). */
function kindsTowards(centre) {
  const kinds = new Map();
  if (centre === null) return kinds;
  pairsOfNode[centre].forEach((k) => { if (view.pairShown[k]) kinds.set(otherEnd(k, centre), pairKind(k)); });
  return kinds;
}

function nodeColor(i, towards) {
  if (state.colorBy === "community") {
    const c = nodeCols.community[i];
    const color = c >= 0 && c < COMMUNITY_COLORS.length ? COMMUNITY_COLORS[c] : OTHER_COLOR;
    return { background: color, border: "#52606d" };
  }
  if (state.colorBy === "sign") {
    if (i === selectedNode()) return { background: SELECTED_COLOR, border: SELECTED_COLOR };
    const kind = towards.get(i);
    return kind ? { background: kindColor(kind), border: "#52606d" } : { background: OTHER_COLOR, border: "#9aa5b1" };
  }
  const type = nodeTypeOf(nodeCols.type[i]);
  return { background: type.color, border: type.border };
}

/* Send vis the actors whose size, colour or visibility changed. */
const nodeSig = new Array(nodeCount).fill("");
function restyleNodes() {
  const towards = state.colorBy === "sign" ? kindsTowards(selectedNode()) : null;
  const updates = [];
  for (let i = 0; i < nodeCount; i++) {
    const color = view.nodeDim[i] ? DIM_NODE : nodeColor(i, towards);
    const item = { id: i, hidden: !view.nodeShown[i], size: nodeSize(i),
                   color: { background: color.background, border: color.border,
                            highlight: { background: color.background, border: SELECTED_COLOR },
                            hover: { background: color.background, border: SELECTED_COLOR } } };
    const sig = JSON.stringify(item);
    if (sig !== nodeSig[i]) { nodeSig[i] = sig; updates.push(item); }
  }
  if (updates.length) nodes.update(updates);
}

/* The colour legend: what the node colours mean now. */
function communityRows() {
  const members = new Map();
  for (let i = 0; i < nodeCount; i++) {
    const c = nodeCols.community[i];
    if (c < 0 || c >= COMMUNITY_COLORS.length) continue;
    if (!members.has(c)) members.set(c, []);
    members.get(c).push(i);
  }
  const sizes = sizesBy(state.sizeBy);
  return Array.from(members.keys()).sort((a, b) => a - b).map((c) => {
    const list = members.get(c).sort((a, b) => sizes[b] - sizes[a] || a - b);
    const names = list.slice(0, 3).map((i) => nodeCols.label[i]).join(", ") + (list.length > 3 ? ", …" : "");
    return [COMMUNITY_COLORS[c], "Community " + (c + 1) + " (" + list.length + "): " + names];
  });
}

function drawColorLegend() {
  const box = byId("color-legend");
  removeChildren(box);
  let rows = [];
  if (state.colorBy === "community") {
    rows = communityRows();
    rows.push([OTHER_COLOR, "Smaller communities, or no cooperative relation"]);
  } else if (state.colorBy === "sign") {
    const centre = selectedNode();
    if (centre === null) {
      box.appendChild(element("p", "key", "Select an actor: the others take the colour of their relations with it."));
      return;
    }
    rows.push([SELECTED_COLOR, nodeCols.label[centre]]);
    Object.keys(meta.pairKinds).forEach((kind) => { rows.push([kindColor(kind), kind + " with it"]); });
    rows.push([OTHER_COLOR, "no visible relation with it"]);
  } else {
    box.appendChild(element("p", "key", "Colour: actor type (below). Size: " + measureLabel(state.sizeBy) + "."));
    return;
  }
  const list = element("ul", "swatches");
  rows.forEach(([color, text]) => {
    const item = element("li");
    const swatch = element("span", "swatch");
    swatch.style.background = color;
    item.appendChild(swatch);
    item.appendChild(element("span", "", text));
    list.appendChild(item);
  });
  box.appendChild(list);
  box.appendChild(element("p", "key", "Size: " + measureLabel(state.sizeBy) + "."));
}
