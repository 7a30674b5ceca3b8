/* api.js: the page's scripting API and the view kept in the URL fragment.
 *
 * explorer.state() returns the view as a plain object (window, filters, selection, focus, layout,
 * links, sizeBy, colorBy, group); explorer.setState(obj) applies any part of one (unknown or
 * wrong values are left out); explorer.visibleLinks() lists the drawn links. The fragment holds
 * the same view as URL parameters (#from=2016-01-01&to=2018-12-31&pair=iran&pair=tajikistan …),
 * read with URLSearchParams: a fragment that cannot be read is ignored with a notice.
 */

function selectionOut() {
  const sel = state.selection;
  if (!sel) return null;
  if (sel.kind === "node") return { kind: "node", id: nodeCols.id[sel.index] };
  if (sel.kind === "pair") return { kind: "pair", ids: [nodeCols.id[pairA[sel.index]], nodeCols.id[pairB[sel.index]]] };
  return { kind: "relation", id: relCols.id[sel.index] };
}

function offNames(map) {
  const out = [];
  map.forEach((on, name) => { if (!on) out.push(name); });
  return out.sort();
}

function currentState() {
  return {
    window: firstDay === null ? null : { from: isoDay(state.from), to: isoDay(state.to) },
    filters: {
      hiddenRelationTypes: offNames(state.edgeOn), hiddenActorTypes: offNames(state.nodeOn),
      undated: state.undated, automatic: state.automatic, isolated: state.isolated
    },
    selection: selectionOut(),
    focus: { depth: state.depth },
    layout: state.layout,
    links: state.links,
    sizeBy: state.sizeBy,
    colorBy: state.colorBy,
    group: { on: state.collapse, expanded: Array.from(state.expanded).map((i) => nodeCols.id[i]).sort() }
  };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
function dayOrNull(text) {
  if (typeof text !== "string" || !ISO_DAY.test(text)) return null;
  const day = dayOf(text);
  return isFinite(day) && isoDay(day) === text ? day : null;
}

/* Apply the parts of obj that are valid; return how many parts were not. */
function applyState(obj) {
  let bad = 0;
  if (!obj || typeof obj !== "object") return 1;
  const flag = (value, set) => { if (typeof value === "boolean") set(value); else if (value !== undefined) bad++; };
  if (obj.window !== undefined && obj.window !== null && firstDay !== null) {
    const from = dayOrNull(obj.window.from), to = dayOrNull(obj.window.to);
    if (from === null || to === null) bad++;
    else {
      state.from = Math.max(firstDay, Math.min(lastDay, Math.min(from, to)));
      state.to = Math.max(firstDay, Math.min(lastDay, Math.max(from, to)));
    }
  }
  const filters = obj.filters || {};
  [["hiddenRelationTypes", state.edgeOn], ["hiddenActorTypes", state.nodeOn]].forEach(([key, map]) => {
    if (filters[key] === undefined) return;
    if (!Array.isArray(filters[key])) { bad++; return; }
    const off = new Set(filters[key].map(String));
    map.forEach((_, name) => { map.set(name, !off.has(name)); });
  });
  flag(filters.undated, (v) => { state.undated = v; });
  flag(filters.automatic, (v) => { state.automatic = v; });
  flag(filters.isolated, (v) => { state.isolated = v; });
  if (obj.links !== undefined) { if (obj.links === "pair" || obj.links === "relation") state.links = obj.links; else bad++; }
  if (obj.sizeBy !== undefined) { if (measureNames.indexOf(obj.sizeBy) >= 0) state.sizeBy = obj.sizeBy; else bad++; }
  if (obj.colorBy !== undefined) { if (hasOwn(meta.colorChoices, obj.colorBy)) state.colorBy = obj.colorBy; else bad++; }
  if (obj.layout !== undefined) { if (hasLayout(obj.layout)) state.layout = obj.layout; else bad++; }
  if (obj.focus && obj.focus.depth !== undefined) {
    if ([1, 2, 3].indexOf(obj.focus.depth) >= 0) state.depth = obj.focus.depth; else bad++;
  }
  if (obj.group) {
    flag(obj.group.on, (v) => { state.collapse = v; });
    if (Array.isArray(obj.group.expanded)) {
      state.expanded = new Set(obj.group.expanded.map((id) => nodeIndexById.get(String(id))).filter((i) => i !== undefined));
    }
  }
  groupActors();
  if (obj.selection !== undefined) {
    const sel = obj.selection;
    state.selection = null;
    if (sel && sel.kind === "node" && nodeIndexById.has(String(sel.id))) state.selection = { kind: "node", index: nodeIndexById.get(String(sel.id)) };
    else if (sel && sel.kind === "relation" && relIndexById.has(String(sel.id))) state.selection = { kind: "relation", index: relIndexById.get(String(sel.id)) };
    else if (sel && sel.kind === "pair" && Array.isArray(sel.ids) && sel.ids.length === 2) {
      const i = nodeIndexById.get(String(sel.ids[0])), j = nodeIndexById.get(String(sel.ids[1]));
      const k = i === undefined || j === undefined ? undefined : pairOf(view.drawnAs[i], view.drawnAs[j]);
      if (k !== undefined) state.selection = { kind: "pair", index: k }; else bad++;
    } else if (sel !== null) bad++;
  }
  return bad;
}

function setState(obj) {
  const bad = applyState(obj);
  placeNodes();
  syncControls();
  syncTime();
  select(state.selection);
  return bad === 0;
}

/* The view as URL parameters, and back. */
function fragmentOf(s) {
  const params = new URLSearchParams();
  if (s.window) { params.set("from", s.window.from); params.set("to", s.window.to); }
  if (s.layout !== meta.layout) params.set("layout", s.layout);
  if (s.links !== meta.links) params.set("links", s.links);
  if (s.sizeBy !== meta.sizeBy) params.set("size", s.sizeBy);
  if (s.colorBy !== meta.colorBy) params.set("color", s.colorBy);
  if (s.focus.depth !== 1) params.set("depth", String(s.focus.depth));
  s.filters.hiddenRelationTypes.forEach((name) => params.append("hide", name));
  s.filters.hiddenActorTypes.forEach((name) => params.append("hideactor", name));
  if (!s.filters.undated) params.set("undated", "0");
  if (s.filters.automatic) params.set("automatic", "1");
  if (!s.filters.isolated) params.set("isolated", "0");
  if (s.group.on) params.set("group", "1");
  s.group.expanded.forEach((id) => params.append("expand", id));
  const sel = s.selection;
  if (sel && sel.kind === "pair") { params.append("pair", sel.ids[0]); params.append("pair", sel.ids[1]); }
  else if (sel) params.set(sel.kind, sel.id);
  return params.toString();
}

function stateOfFragment(text) {
  const params = new URLSearchParams(text);
  const known = new Set(["from", "to", "layout", "links", "size", "color", "depth", "hide", "hideactor", "undated",
                         "automatic", "isolated", "group", "expand", "pair", "node", "relation"]);
  let unknown = 0;
  params.forEach((_, key) => { if (!known.has(key)) unknown++; });
  const bit = (key, fallback) => (params.has(key) ? params.get(key) === "1" : fallback);
  const obj = {
    filters: {
      hiddenRelationTypes: params.getAll("hide"), hiddenActorTypes: params.getAll("hideactor"),
      undated: bit("undated", true), automatic: bit("automatic", false), isolated: bit("isolated", true)
    },
    layout: params.get("layout") || meta.layout,
    links: params.get("links") || meta.links,
    sizeBy: params.get("size") || meta.sizeBy,
    colorBy: params.get("color") || meta.colorBy,
    focus: { depth: params.has("depth") ? Number(params.get("depth")) : 1 },
    group: { on: bit("group", false), expanded: params.getAll("expand") },
    selection: null
  };
  if (params.has("from") || params.has("to")) obj.window = { from: params.get("from"), to: params.get("to") };
  if (params.getAll("pair").length) obj.selection = { kind: "pair", ids: params.getAll("pair") };
  else if (params.has("node")) obj.selection = { kind: "node", id: params.get("node") };
  else if (params.has("relation")) obj.selection = { kind: "relation", id: params.get("relation") };
  return [obj, unknown];
}

let lastFragment = "";
function saveFragment() {
  const text = fragmentOf(currentState());
  if (text === lastFragment) return;
  lastFragment = text;
  try { history.replaceState(null, "", "#" + text); } catch (err) { /* a sandboxed frame: no URL to keep */ }
}

function showNotice(text) {
  const notice = byId("notice");
  notice.textContent = text;
  notice.hidden = !text;
}

/* Apply the URL fragment, if any; say so when some of it could not be read. */
function readFragment() {
  const text = location.hash.slice(1);
  if (text === "") return;
  let bad = 1;
  try {
    const [obj, unknown] = stateOfFragment(text);
    bad = applyState(obj) + unknown;
    placeNodes();
  } catch (err) { bad = 1; }
  if (bad) showNotice("Part of this link's view could not be read and was left out.");
  lastFragment = text;
}

window.addEventListener("hashchange", () => {
  if (location.hash.slice(1) === lastFragment) return;
  readFragment();
  syncControls();
  syncTime();
  select(state.selection);
});
onApply.push(saveFragment);
