/* graph-explorer page script: draws the embedded data with vis-network and wires the panel.
 *
 * Every string from the data reaches the page through textContent, DOM properties or vis
 * DataSets (drawn on a canvas); nothing is parsed as HTML. Lookups keyed by data use Map.
 * Scripting: window.network (vis.Network), window.nodes / window.edges (vis.DataSet: one item
 * per node and per relation, or per pair and type with --aggregate), window.explorer.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("graph-data").textContent);
  var meta = DATA.meta, N = DATA.nodes, E = DATA.edges, R = DATA.relations || DATA.edges;
  var DAY = 86400000;
  var FALLBACK = { label: "", color: "#7f7f7f", border: "#595959", shape: "dot", meaning: "" };
  var DIM_NODE = { background: "#e9ecef", border: "#d5dade", highlight: { background: "#e9ecef", border: "#d5dade" } };
  var DIM_EDGE = { color: "#dde1e5", highlight: "#dde1e5", opacity: 0.5 };
  var LABEL_COLOR = "#1f2933", DIM_LABEL = "#b3bcc5";
  var n = N.id.length, m = E.id.length, large = n > 2000;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fold(s) { return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function isoDay(d) { return new Date(d * DAY).toISOString().slice(0, 10); }
  function dayOf(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY); }
  function fmt(x) { return typeof x === "number" ? (Number.isInteger(x) ? x.toLocaleString("en") : String(Number(x.toPrecision(4)))) : String(x); }

  /* ---------- types and items ---------- */
  var nodeType = new Map(), edgeType = new Map(), index = new Map();
  DATA.nodeTypes.forEach(function (t) { nodeType.set(t.name, t); });
  DATA.edgeTypes.forEach(function (t) { edgeType.set(t.name, t); });
  function nt(name) { return nodeType.get(name) || FALLBACK; }
  function et(name) { return edgeType.get(name) || { color: "#7f7f7f", directed: false, sign: 0, meaning: "" }; }
  function fontSize(i) { return N.font[i]; }

  var baseNode = new Array(n), visNodes = new Array(n);
  for (var i = 0; i < n; i++) {
    var t = nt(N.type[i]);
    index.set(N.id[i], i);
    baseNode[i] = { background: t.color, border: t.border, highlight: { background: t.color, border: "#1f2933" } };
    visNodes[i] = {
      id: N.id[i], label: N.label[i], x: N.x[i], y: N.y[i], shape: t.shape, size: N.size[i],
      color: baseNode[i], i: i
    };
    if (!large) visNodes[i].font = { size: fontSize(i), color: LABEL_COLOR }; /* hubs' labels larger */
  }
  var eFrom = new Int32Array(m), eTo = new Int32Array(m), baseEdge = new Array(m), visEdges = new Array(m);
  var incident = new Array(n);
  for (i = 0; i < n; i++) incident[i] = [];
  for (var j = 0; j < m; j++) {
    var k = et(E.type[j]);
    eFrom[j] = index.get(E.from[j]);
    eTo[j] = index.get(E.to[j]);
    incident[eFrom[j]].push(j);
    if (eTo[j] !== eFrom[j]) incident[eTo[j]].push(j);
    baseEdge[j] = { color: k.color, highlight: k.color, opacity: 0.85 };
    var item = { id: E.id[j], from: E.from[j], to: E.to[j], width: E.width[j], color: baseEdge[j], i: j };
    if (E.sign[j] < 0) item.dashes = [7, 5];
    if (k.directed) item.arrows = { to: { enabled: true, scaleFactor: 0.55 } };
    var c = E.curve[j];
    if (c !== 0) item.smooth = { enabled: true, type: c > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(c) };
    if (eFrom[j] === eTo[j]) item.selfReference = { size: 14 + 7 * E.loop[j], angle: E.loop[j] * Math.PI / 3 };
    visEdges[j] = item;
  }

  var nodes = new vis.DataSet(visNodes), edges = new vis.DataSet(visEdges);
  var options = {
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
    interaction: { hover: false, tooltipDelay: 3600000, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
                   multiselect: false, navigationButtons: false, keyboard: false }
  };
  var network = new vis.Network($("network"), { nodes: nodes, edges: edges }, options);
  var explorer = { ready: false, firstDraw: null };
  window.network = network;
  window.nodes = nodes;
  window.edges = edges;
  window.explorer = explorer;
  network.once("afterDrawing", function () {
    explorer.firstDraw = performance.now();
    explorer.ready = true;
    document.documentElement.setAttribute("data-ready", "1");
  });

  /* ---------- legend and type filters ---------- */
  var state = { edgeOn: new Map(), nodeOn: new Map(), from: null, to: null, undated: true, isolated: false };
  var nodeCount = new Map(), edgeCount = new Map();
  N.type.forEach(function (x) { nodeCount.set(x, (nodeCount.get(x) || 0) + 1); });
  E.type.forEach(function (x) { edgeCount.set(x, (edgeCount.get(x) || 0) + 1); });

  function shapeIcon(shape, fill, stroke) {
    var s = svg("svg", { width: 18, height: 18, viewBox: "0 0 18 18", "aria-hidden": "true" });
    var a = { fill: fill, stroke: stroke, "stroke-width": 1.2 };
    var poly = {
      diamond: "9,1.5 16.5,9 9,16.5 1.5,9", triangle: "9,2 16.5,15.5 1.5,15.5",
      triangleDown: "1.5,2.5 16.5,2.5 9,16", hexagon: "9,1.5 15.5,5.2 15.5,12.8 9,16.5 2.5,12.8 2.5,5.2",
      star: "9,1.2 11.2,6.5 16.8,6.8 12.5,10.5 13.9,16.2 9,13.1 4.1,16.2 5.5,10.5 1.2,6.8 6.8,6.5"
    };
    var shapeEl;
    if (Object.prototype.hasOwnProperty.call(poly, shape)) { a.points = poly[shape]; shapeEl = svg("polygon", a); }
    else if (shape === "square" || shape === "box" || shape === "database") {
      a.x = 3; a.y = 3; a.width = 12; a.height = 12; a.rx = shape === "square" ? 1 : 3; shapeEl = svg("rect", a);
    } else { a.cx = 9; a.cy = 9; a.r = 6.5; shapeEl = svg("circle", a); }
    s.appendChild(shapeEl);
    return s;
  }
  function lineIcon(t) {
    var s = svg("svg", { width: 30, height: 12, viewBox: "0 0 30 12", "aria-hidden": "true" });
    var a = { x1: 1, y1: 6, x2: t.directed ? 22 : 29, y2: 6, stroke: t.color, "stroke-width": 2.5 };
    if (t.sign < 0) a["stroke-dasharray"] = "5 3";
    s.appendChild(svg("line", a));
    if (t.directed) s.appendChild(svg("polygon", { points: "21,1.5 29,6 21,10.5", fill: t.color }));
    return s;
  }
  function typeRow(list, name, label, icon, count, on, meaning) {
    var li = el("li"), lab = el("label"), box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { on.set(name, box.checked); applyFilters(); });
    lab.appendChild(box);
    lab.appendChild(icon);
    lab.appendChild(el("span", "name", label));
    lab.appendChild(el("span", "count", count.toLocaleString("en")));
    if (meaning) lab.title = meaning; /* a DOM property: shown as plain text by the browser */
    li.appendChild(lab);
    list.appendChild(li);
    on.set(name, true);
    return box;
  }
  var edgeBoxes = new Map(), nodeBoxes = new Map();
  DATA.edgeTypes.forEach(function (t) {
    edgeBoxes.set(t.name, typeRow($("edge-types"), t.name, t.name, lineIcon(t), edgeCount.get(t.name) || 0,
                                  state.edgeOn, t.meaning));
  });
  DATA.nodeTypes.forEach(function (t) {
    nodeBoxes.set(t.name, typeRow($("node-types"), t.name, t.label, shapeIcon(t.shape, t.color, t.border),
                                  nodeCount.get(t.name) || 0, state.nodeOn, t.meaning));
  });
  function bulk(target, boxes, on) {
    [["All", true], ["None", false]].forEach(function (pair) {
      var b = el("button", "", pair[0]);
      b.type = "button";
      b.addEventListener("click", function () {
        boxes.forEach(function (box, name) { box.checked = pair[1]; on.set(name, pair[1]); });
        applyFilters();
      });
      target.appendChild(b);
    });
  }
  bulk($("edge-bulk"), edgeBoxes, state.edgeOn);
  bulk($("node-bulk"), nodeBoxes, state.nodeOn);
  $("width-key").textContent = meta.aggregate ? "number of relations" : "weight";
  $("size-key").textContent = meta.sizeBy + " (" + meta.sizeLabel + ")";

  /* ---------- time ---------- */
  var fromIn = $("date-from"), toIn = $("date-to"), undatedIn = $("show-undated");
  var dMin = meta.dateMin ? dayOf(meta.dateMin) : null, dMax = meta.dateMax ? dayOf(meta.dateMax) : null;
  if (dMin === null) {
    $("time-controls").hidden = true;
    $("time-empty").hidden = false;
  } else {
    [fromIn, toIn].forEach(function (input) { input.min = String(dMin); input.max = String(dMax); });
  }
  $("undated-label").textContent = "Show undated relations (" + meta.undated.toLocaleString("en") + ")";
  function syncTime() {
    if (dMin === null) return;
    fromIn.value = String(state.from);
    toIn.value = String(state.to);
    $("date-from-out").textContent = isoDay(state.from);
    $("date-to-out").textContent = isoDay(state.to);
  }
  function onRange(which) {
    var a = parseInt(fromIn.value, 10), b = parseInt(toIn.value, 10);
    if (a > b) { if (which === "from") b = a; else a = b; }
    state.from = a;
    state.to = b;
    syncTime();
    scheduleFilters();
  }
  var pending = null;
  function scheduleFilters() { /* on big graphs, filter once the slider rests */
    if (!large) { applyFilters(); return; }
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(function () { pending = null; applyFilters(); }, 200);
  }
  fromIn.addEventListener("input", function () { onRange("from"); });
  toIn.addEventListener("input", function () { onRange("to"); });
  undatedIn.addEventListener("change", function () { state.undated = undatedIn.checked; applyFilters(); });
  $("hide-isolated").addEventListener("change", function () { state.isolated = $("hide-isolated").checked; applyFilters(); });
  var physicsIn = $("physics");
  physicsIn.checked = meta.physics;
  physicsIn.disabled = !meta.physicsAllowed;
  physicsIn.addEventListener("change", function () { network.setOptions({ physics: { enabled: physicsIn.checked } }); });

  /* ---------- filtering ---------- */
  var nodeHidden = new Uint8Array(n), edgeHidden = new Uint8Array(m);
  function inWindow(j) {
    var a = E.t0[j], b = E.t1[j];
    if (a === null || a === undefined) return state.undated;
    return state.from === null || (b >= state.from && a <= state.to);
  }
  function applyFilters() {
    var nodeOn = new Uint8Array(n), used = new Uint8Array(n), nu = [], eu = [], shownN = 0, shownE = 0;
    for (var i = 0; i < n; i++) nodeOn[i] = state.nodeOn.get(N.type[i]) ? 1 : 0;
    for (var j = 0; j < m; j++) {
      var show = state.edgeOn.get(E.type[j]) && nodeOn[eFrom[j]] && nodeOn[eTo[j]] && inWindow(j);
      if (show) { used[eFrom[j]] = 1; used[eTo[j]] = 1; shownE++; }
      var hidden = show ? 0 : 1;
      if (hidden !== edgeHidden[j]) { edgeHidden[j] = hidden; eu.push({ id: E.id[j], hidden: !!hidden }); }
    }
    for (i = 0; i < n; i++) {
      var h = nodeOn[i] && (!state.isolated || used[i]) ? 0 : 1;
      if (!h) shownN++;
      if (h !== nodeHidden[i]) { nodeHidden[i] = h; nu.push({ id: N.id[i], hidden: !!h }); }
    }
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    showEmpty(shownN === 0);
    $("status").textContent = "Showing " + shownN.toLocaleString("en") + " of " + n.toLocaleString("en") +
      " actors · " + shownE.toLocaleString("en") + " of " + m.toLocaleString("en") +
      (meta.aggregate ? " links" : " relations");
  }
  function showEmpty(empty) { /* say so instead of a blank canvas */
    $("empty").hidden = !empty;
    $("hint").hidden = empty || !$("details").hidden;
    if (!empty) return;
    $("empty-why").textContent = n === 0
      ? (meta.notes.length ? meta.notes.join(" · ") : "The dataset has no actors.")
      : "Every actor is hidden by the filters on the left: widen them or press Reset.";
  }
  explorer.applyFilters = applyFilters;
  explorer.state = state;

  /* ---------- highlight ---------- */
  var dimN = new Uint8Array(n), dimE = new Uint8Array(m);
  function setDim(keepNodes, keepEdges) {
    if (large) return; /* restyling 10,000s of items takes seconds: the selection alone shows it */
    var nu = [], eu = [];
    for (var i = 0; i < n; i++) {
      var d = keepNodes && !keepNodes.has(i) ? 1 : 0;
      if (d !== dimN[i]) {
        dimN[i] = d;
        nu.push({ id: N.id[i], color: d ? DIM_NODE : baseNode[i], font: { size: fontSize(i), color: d ? DIM_LABEL : LABEL_COLOR } });
      }
    }
    for (var j = 0; j < m; j++) {
      var e = keepEdges && !keepEdges.has(j) ? 1 : 0;
      if (e !== dimE[j]) { dimE[j] = e; eu.push({ id: E.id[j], color: e ? DIM_EDGE : baseEdge[j] }); }
    }
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
  }
  function highlightNode(i) {
    var keepN = new Set([i]), keepE = new Set();
    incident[i].forEach(function (j) { if (!edgeHidden[j]) { keepE.add(j); keepN.add(eFrom[j]); keepN.add(eTo[j]); } });
    setDim(keepN, keepE);
  }

  /* ---------- details ---------- */
  var URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
  function safeUrl(text) {
    try {
      var u = new URL(text);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (err) { return null; }
  }
  function richText(parent, text) {
    var last = 0, match;
    URL_RE.lastIndex = 0;
    while ((match = URL_RE.exec(text)) !== null) {
      var raw = match[0].replace(/[.,;:!?)\]]+$/, ""), href = safeUrl(raw);
      if (!href) continue;
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var a = el("a", "", raw);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      parent.appendChild(a);
      last = match.index + raw.length;
      URL_RE.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }
  function row(dl, label, value, kind) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", "", label));
    var dd = el("dd");
    if (kind === "quote") dd.appendChild(richText(el("blockquote"), String(value)));
    else if (value instanceof Node) dd.appendChild(value);
    else richText(dd, typeof value === "number" ? fmt(value) : String(value));
    dl.appendChild(dd);
  }
  function nodeLink(id) {
    var i = index.get(id);
    if (i === undefined) return document.createTextNode(id);
    var b = el("button", "link", N.label[i]);
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id, true); });
    return b;
  }
  function extras(dl, cols, j) {
    Object.keys(cols).forEach(function (name) { row(dl, name, cols[name][j]); });
  }
  function openDetails(kind, color, title) {
    var kindEl = $("details-kind");
    clear(kindEl);
    var sw = el("span", "swatch");
    sw.style.background = color;
    kindEl.appendChild(sw);
    kindEl.appendChild(document.createTextNode(kind));
    $("details-title").textContent = title;
    var body = $("details-body");
    clear(body);
    $("details").hidden = false;
    $("hint").hidden = true;
    return body;
  }
  function dateText(cols, j) {
    if (cols.date !== undefined) {
      if (!cols.date[j]) return "";
      return cols.end_date[j] ? cols.date[j] + " to " + cols.end_date[j] : cols.date[j];
    }
    if (cols.t0[j] === null) return "";
    return cols.t0[j] === cols.t1[j] ? isoDay(cols.t0[j]) : isoDay(cols.t0[j]) + " to " + isoDay(cols.t1[j]);
  }
  function signText(s) { return s > 0 ? "cooperative" : s < 0 ? "conflictual" : "neutral"; }
  function relationRows(dl, j) {
    row(dl, "Date", dateText(R, j));
    row(dl, "Description", R.description[j]);
    row(dl, "Evidence", R.evidence[j], "quote");
    row(dl, "Source", R.citation[j]);
  }
  function showNode(i) {
    var t = nt(N.type[i]);
    var body = openDetails(t.label || N.type[i], t.color, N.label[i]), dl = el("dl");
    row(dl, "Type", t.label || N.type[i]);
    row(dl, "ID", N.id[i]);
    row(dl, "Role", N.role[i]);
    if (N.country[i]) row(dl, "Country", nodeLink(N.country[i]));
    row(dl, "Aliases", N.aliases[i].split(";").map(function (s) { return s.trim(); }).filter(Boolean).join(" · "));
    row(dl, "ISO3", N.iso3[i]);
    row(dl, "Description", N.description[i]);
    row(dl, "Relations", N.relations[i]);
    row(dl, "Partners", N.partners[i]);
    if (N.measure) row(dl, meta.sizeBy, N.measure[i]);
    extras(dl, N.extra, i);
    if (nodeHidden[i]) row(dl, "Note", "hidden by the current filters");
    body.appendChild(dl);
    var list = incident[i];
    if (!list.length) return;
    body.appendChild(el("h3", "", (meta.aggregate ? "Links" : "Relations") + " (" + list.length + ")"));
    var ul = el("ul", "rel-list");
    list.slice(0, 200).forEach(function (j) {
      var other = eFrom[j] === i ? eTo[j] : eFrom[j], li = el("li"), b = el("button");
      b.type = "button";
      b.appendChild(document.createTextNode((eFrom[j] === i ? "→ " : "← ") + N.label[other]));
      var when = dateText(E, j);
      b.appendChild(el("small", "", E.type[j] + (when ? " · " + when : "") + (meta.aggregate ? " · " + E.count[j] + "×" : "")));
      b.addEventListener("click", function () { selectEdge(E.id[j]); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }
  function showEdge(j) {
    var k = et(E.type[j]);
    var title = N.label[eFrom[j]] + (k.directed ? " → " : " — ") + N.label[eTo[j]];
    var body = openDetails(E.type[j] + (meta.aggregate ? " · " + E.count[j] + " relation(s)" : ""), k.color, title);
    var dl = el("dl"), ends = el("span");
    ends.appendChild(nodeLink(E.from[j]));
    ends.appendChild(document.createTextNode(k.directed ? " → " : " — "));
    ends.appendChild(nodeLink(E.to[j]));
    row(dl, "Type", E.type[j]);
    row(dl, "Meaning", k.meaning);
    row(dl, "Between", ends);
    row(dl, "Sign", signText(E.sign[j]));
    row(dl, "Weight", E.weight[j]);
    if (meta.aggregate) {
      row(dl, "Relations", E.count[j]);
      row(dl, "Dates", dateText(E, j));
      body.appendChild(dl);
      body.appendChild(el("h3", "", "Relations"));
      E.members[j].slice(0, 100).forEach(function (r) {
        var box = el("div", "member"), mdl = el("dl");
        relationRows(mdl, r);
        row(mdl, "ID", R.id[r]);
        box.appendChild(mdl);
        body.appendChild(box);
      });
      return;
    }
    relationRows(dl, j);
    row(dl, "ID", E.id[j]);
    extras(dl, E.extra, j);
    if (edgeHidden[j]) row(dl, "Note", "hidden by the current filters");
    body.appendChild(dl);
  }
  function selectNode(id, focus) {
    var i = index.get(id);
    if (i === undefined) return;
    network.selectNodes([id]);
    highlightNode(i);
    showNode(i);
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
  }
  var edgeIndex = new Map();
  E.id.forEach(function (id, j) { edgeIndex.set(id, j); });
  function selectEdge(id) {
    var j = edgeIndex.get(id);
    if (j === undefined) return;
    network.selectEdges([id]);
    setDim(new Set([eFrom[j], eTo[j]]), new Set([j]));
    showEdge(j);
  }
  function clearSelection() {
    network.unselectAll();
    setDim(null, null);
    $("details").hidden = true;
    $("hint").hidden = !$("empty").hidden;
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) selectEdge(p.edges[0]);
    else clearSelection();
  });
  $("details-close").addEventListener("click", clearSelection);
  explorer.selectNode = selectNode;
  explorer.selectEdge = selectEdge;
  explorer.clearSelection = clearSelection;

  /* ---------- search ---------- */
  var keys = N.id.map(function (id, i) {
    var aliases = N.aliases[i].split(";").map(function (a) { return a.trim(); }).filter(Boolean);
    return { label: fold(N.label[i]), id: fold(id), aliases: aliases, folded: aliases.map(fold) };
  });
  var searchIn = $("search"), results = $("search-results"), firstHit = null;
  function search() {
    var q = fold(searchIn.value.trim());
    clear(results);
    firstHit = null;
    if (!q) return;
    var hits = [];
    for (var i = 0; i < n; i++) {
      var key = keys[i], rank = -1, via = "";
      if (key.label.indexOf(q) === 0) rank = 0;
      else if (key.label.indexOf(q) > 0) rank = 1;
      else {
        for (var a = 0; a < key.aliases.length; a++) {
          if (key.folded[a].indexOf(q) >= 0) { rank = 2; via = key.aliases[a]; break; }
        }
        if (rank < 0 && key.id.indexOf(q) >= 0) { rank = 3; via = N.id[i]; }
      }
      if (rank >= 0) hits.push([rank, key.label, i, via]);
    }
    hits.sort(function (x, y) { return x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] - y[2]); });
    if (!hits.length) { results.appendChild(el("li", "none", "No actor matches.")); return; }
    hits.slice(0, 12).forEach(function (h) {
      var i = h[2], li = el("li"), b = el("button", "", N.label[i]);
      b.type = "button";
      b.appendChild(el("small", "", (nt(N.type[i]).label || N.type[i]) + (h[3] ? " · " + h[3] : "")));
      b.addEventListener("click", function () { selectNode(N.id[i], true); });
      li.appendChild(b);
      results.appendChild(li);
    });
    firstHit = N.id[hits[0][2]];
  }
  searchIn.addEventListener("input", search);
  searchIn.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && firstHit !== null) { ev.preventDefault(); selectNode(firstHit, true); }
  });

  /* ---------- reset, notes ---------- */
  function reset() {
    edgeBoxes.forEach(function (box, name) { box.checked = true; state.edgeOn.set(name, true); });
    nodeBoxes.forEach(function (box, name) { box.checked = true; state.nodeOn.set(name, true); });
    state.from = dMin;
    state.to = dMax;
    state.undated = true;
    state.isolated = false;
    undatedIn.checked = true;
    $("hide-isolated").checked = false;
    searchIn.value = "";
    search();
    syncTime();
    clearSelection();
    applyFilters();
    network.fit({ animation: false });
  }
  $("reset").addEventListener("click", reset);
  explorer.reset = reset;
  $("notes").textContent = meta.notes.join(" · ");
  state.from = dMin;
  state.to = dMax;
  syncTime();
  applyFilters();
})();
