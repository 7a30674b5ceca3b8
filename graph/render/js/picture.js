/* picture.js: the view as a picture for slides and briefings.
 *
 * explorer.exportSVG() returns the view (the canvas as it is framed now, what the filters show)
 * as SVG text: real shapes and text, one shape and one label per visible actor (hidden, as on
 * the screen, where it would cover another label or a larger actor), the links, the
 * map outline on the map layout, the title and a legend. Its structure is that of the report's
 * picture (graph.render.picture_svg): g.heading, g.world, g.links, g.nodes, g.labels, g.legend.
 * explorer.exportPNG({scale}) draws that SVG on a canvas of the view's size (times scale) and
 * resolves to a PNG data URL. The PNG and SVG buttons save them, named after the title.
 * Every string goes through xmlText: the SVG holds no markup from the data.
 */

const XML_CHARS = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };
/* Text for XML: escaped, without the control characters XML 1.0 cannot hold. */
function xmlText(value) {
  return String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, "$1")
    .replace(/[&<>"']/g, (c) => XML_CHARS[c]);
}
const num = (v) => String(Math.round(v * 10) / 10);
function tag(name, attributes, content) {
  const parts = Object.keys(attributes).map((key) => " " + key + "=\"" + xmlText(attributes[key]) + "\"");
  return "<" + name + parts.join("") + (content === undefined ? "/>" : ">" + content + "</" + name + ">");
}

function viewSize() {
  const box = byId("network").getBoundingClientRect();
  return [Math.max(1, Math.round(box.width)), Math.max(1, Math.round(box.height))];
}

/* One node shape at (x, y) with radius r, as vis-network draws its shape. */
function shapeTag(shape, x, y, r, attributes) {
  if (hasOwn(SHAPE_POINTS, shape)) {
    const k = r / 7.5;
    const points = SHAPE_POINTS[shape].split(" ").map((pair) => {
      const [px, py] = pair.split(",").map(Number);
      return num(x + (px - 9) * k) + "," + num(y + (py - 9) * k);
    }).join(" ");
    return tag("polygon", Object.assign({ points: points }, attributes));
  }
  if (shape === "square" || shape === "box" || shape === "database" || shape === "text") {
    return tag("rect", Object.assign({ x: num(x - r), y: num(y - r), width: num(2 * r), height: num(2 * r),
                                       rx: shape === "square" ? 1 : 3 }, attributes));
  }
  if (shape === "ellipse") return tag("ellipse", Object.assign({ cx: num(x), cy: num(y), rx: num(1.4 * r), ry: num(r) }, attributes));
  return tag("circle", Object.assign({ cx: num(x), cy: num(y), r: num(r) }, attributes));
}

function shownActors() {
  const list = [];
  for (let i = 0; i < nodeCount; i++) {
    const item = nodes.get(i);
    if (view.nodeShown[i] && item && !item.hidden) list.push(i);
  }
  return list;
}

function worldTags(toScreen, scale, width, height) {
  if (state.layout !== "map" || world === null) return "";
  const placed = placedCountries();
  const out = [];
  world.countries.forEach((country) => {
    const a = toScreen(country.box[0], country.box[1]), b = toScreen(country.box[2], country.box[3]);
    if (b[0] < 0 || b[1] < 0 || a[0] > width || a[1] > height) return;
    const d = country.rings.map((ring) => {
      const parts = [];
      for (let k = 0; k < ring.length; k += 2) {
        const [x, y] = toScreen(ring[k], ring[k + 1]);
        parts.push((k ? "L" : "M") + num(x) + " " + num(y));
      }
      return parts.join("") + "Z";
    }).join("");
    out.push(tag("path", { class: "country", "data-iso3": country.iso3, d: d,
                           fill: placed.has(country.iso3) ? LAND_PLACED : LAND, stroke: COAST, "stroke-width": 0.8 }));
  });
  if (world.band) {
    const a = toScreen(world.band[0], world.band[1]), b = toScreen(world.band[2], world.band[3]);
    out.push(tag("rect", { class: "band", x: num(a[0]), y: num(a[1]), width: num(b[0] - a[0]), height: num(b[1] - a[1]),
                           fill: "#eef0f3", "fill-opacity": 0.55, stroke: COAST, "stroke-dasharray": "6 4" }));
  }
  return tag("g", { class: "world", "clip-path": "url(#view-clip)" }, out.join(""));
}

function linkTags(toScreen, place, scale) {
  const out = [];
  const arrowColors = new Set();
  edges.get().forEach((item) => {
    if (item.hidden || !place.has(item.from) || !place.has(item.to)) return;
    const color = item.color && item.color.color ? item.color.color : "#7b8794";
    const [x1, y1, r1] = place.get(item.from), [x2, y2, r2] = place.get(item.to);
    const attributes = { class: "link", "data-source": nodeCols.id[item.from], "data-target": nodeCols.id[item.to],
                         "data-kind": state.links === "pair" ? pairKind(item.id) : relCols.type[item.id],
                         stroke: color, "stroke-width": num(Math.max(0.75, item.width * Math.min(1.5, Math.max(scale, 0.6)))),
                         fill: "none", "stroke-linecap": "round" };
    if (item.dashes) attributes["stroke-dasharray"] = "7 5";
    if (item.from === item.to) {
      const loop = Math.max(8, r1 * 0.8);
      attributes.d = "M" + num(x1 + r1 * 0.7) + " " + num(y1 - r1 * 0.7) + "a" + num(loop) + " " + num(loop) + " 0 1 0 0.1 0";
      out.push(tag("path", attributes));
      return;
    }
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    const ux = (x2 - x1) / length, uy = (y2 - y1) / length;
    const arrow = item.arrows && item.arrows.to && item.arrows.to.enabled;
    Object.assign(attributes, { x1: num(x1), y1: num(y1), x2: num(x2 - ux * (arrow ? r2 + 1 : 0)), y2: num(y2 - uy * (arrow ? r2 + 1 : 0)) });
    if (arrow) { attributes["marker-end"] = "url(#arrow-" + color.replace(/[^0-9a-zA-Z]/g, "") + ")"; arrowColors.add(color); }
    out.push(tag("line", attributes));
  });
  const markers = Array.from(arrowColors).sort().map((color) => tag("marker", {
    id: "arrow-" + color.replace(/[^0-9a-zA-Z]/g, ""), viewBox: "0 0 10 10", refX: 9, refY: 5,
    markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" }, tag("path", { d: "M0 0L10 5L0 10z", fill: color })));
  return [tag("g", { class: "links" }, out.join("")), markers.join("")];
}

/* Legend rows: [kind of swatch, colour, shape, text]. */
function legendRows(shown) {
  const rows = [];
  if (state.colorBy === "community") {
    communityRows().forEach(([color, text]) => { rows.push(["node", color, "dot", text]); });
  } else if (state.colorBy === "sign" && selectedNode() !== null) {
    rows.push(["node", SELECTED_COLOR, "dot", nodeCols.label[selectedNode()]]);
  } else {
    const types = Array.from(new Set(shown.map((i) => nodeCols.type[i]))).sort();
    types.forEach((name) => { const t = nodeTypeOf(name); rows.push(["node", t.color, t.shape, t.label || name]); });
  }
  const kinds = new Set();
  edges.get().forEach((item) => {
    if (!item.hidden) kinds.add(state.links === "pair" ? pairKind(item.id) : relCols.type[item.id]);
  });
  Array.from(kinds).sort().forEach((kind) => {
    const color = state.links === "pair" ? kindColor(kind) : edgeTypeOf(kind).color;
    rows.push(["link", color, "", state.links === "pair" ? kind.charAt(0).toUpperCase() + kind.slice(1) + " link" : kind]);
  });
  return rows;
}

function legendTag(rows, width, height) {
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = "12px " + LABEL_FONT;
  let x = 10, y = 0;
  const lines = [[]];
  rows.forEach((row) => {
    const w = 22 + Math.min(260, measure.measureText(row[3]).width) + 14;
    if (x + w > width - 10 && lines[lines.length - 1].length) { lines.push([]); x = 10; }
    lines[lines.length - 1].push([row, x]);
    x += w;
  });
  const top = height - 8 - lines.length * 18;
  const out = [tag("line", { x1: 10, y1: num(top - 7), x2: width - 10, y2: num(top - 7), stroke: "#e4e7eb" })];
  lines.forEach((line, n) => {
    y = top + n * 18 + 9;
    line.forEach(([[kind, color, shape, text], lx]) => {
      out.push(kind === "node"
        ? shapeTag(shape, lx + 7, y, 6, { fill: color, stroke: "#52606d", "stroke-width": 0.8 })
        : tag("line", { x1: lx, y1: y, x2: lx + 16, y2: y, stroke: color, "stroke-width": 3 }));
      out.push(tag("text", { x: num(lx + 22), y: num(y + 4), "font-size": 12, fill: LABEL_COLOR }, xmlText(text)));
    });
  });
  return [tag("g", { class: "legend" }, out.join("")), lines.length * 18 + 16];
}

function exportSVG() {
  const [width, height] = viewSize();
  const scale = network.getScale();
  const toScreen = (x, y) => { const p = network.canvasToDOM({ x: x, y: y }); return [p.x, p.y]; };
  const shown = shownActors();
  const positions = network.getPositions(shown);
  const place = new Map();
  shown.forEach((i) => { const p = positions[i]; const [x, y] = toScreen(p.x, p.y); place.set(i, [x, y, Math.max(3, nodeSize(i) * scale)]); });
  const labelled = new Map(labelBoxes.map((box) => [box.id, box]));
  const shapes = [], labels = [];
  shown.forEach((i) => {
    const [x, y, r] = place.get(i);
    const item = nodes.get(i);
    const color = item.color || {};
    shapes.push(shapeTag(item.shape || nodeTypeOf(nodeCols.type[i]).shape, x, y, r, {
      class: "node", "data-id": nodeCols.id[i], "data-type": nodeCols.type[i],
      fill: color.background || "#7f7f7f", stroke: color.border || "#52606d", "stroke-width": 1.5 }));
    const font = Math.max(10, Math.min(labelFontPx(i), labelFontPx(i) * scale * 1.25));
    const box = labelled.get(nodeCols.id[i]);
    const lx = box ? box.x + box.w / 2 : x, ly = box ? box.y + 2 + font * 0.85 : y + r + 3 + font * 0.85;
    const attributes = { class: "label", "data-id": nodeCols.id[i], x: num(lx), y: num(ly), "font-size": num(font),
                         "text-anchor": "middle", fill: view.nodeDim[i] ? "#aab4be" : LABEL_COLOR,
                         stroke: "#fff", "stroke-width": 3, "paint-order": "stroke", "stroke-linejoin": "round" };
    if (!box) attributes.visibility = "hidden"; /* as on the screen: it would cover another label */
    labels.push(tag("text", attributes, xmlText(nodeCols.label[i])));
  });
  const [links, markers] = linkTags(toScreen, place, scale);
  const narrowed = firstDay !== null && (state.from !== firstDay || state.to !== lastDay);
  const subtitle = meta.subtitle + (narrowed ? " · " + isoDay(state.from) + " to " + isoDay(state.to) : "") +
    (shown.length < nodeCount ? " · " + plural(shown.length, "actor") + " shown" : "");
  const heading = tag("g", { class: "heading" },
    tag("text", { class: "title", x: 12, y: 24, "font-size": 16, "font-weight": 650, fill: LABEL_COLOR }, xmlText(meta.title)) +
    tag("text", { class: "subtitle", x: 12, y: 42, "font-size": 12, fill: "#52606d" }, xmlText(subtitle)));
  const [legend, legendHeight] = legendTag(legendRows(shown), width, height);
  /* The view, shrunk evenly to fit between the heading and the legend. */
  const top = 52, k = Math.max(0.1, (height - top - legendHeight) / height);
  const frame = "translate(" + num((width - width * k) / 2) + " " + top + ") scale(" + (Math.round(k * 1000) / 1000) + ")";
  const defs = tag("defs", {}, tag("clipPath", { id: "view-clip" }, tag("rect", { x: 0, y: 0, width: width, height: height })) + markers);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " +
    width + " " + height + "\" role=\"img\" aria-labelledby=\"graph-title\" class=\"graph-picture\" font-family=\"" +
    xmlText(LABEL_FONT) + "\">" + tag("title", { id: "graph-title" }, xmlText(meta.title)) + defs +
    tag("rect", { class: "background", x: 0, y: 0, width: width, height: height, fill: "#fff" }) +
    "<g class=\"view\" transform=\"" + frame + "\">" + worldTags(toScreen, scale, width, height) + links +
    tag("g", { class: "nodes" }, shapes.join("")) + tag("g", { class: "labels" }, labels.join("")) + "</g>" +
    heading + legend + "</svg>";
}

/* The SVG drawn on a canvas of the view's size times scale, as a PNG data URL (a Promise). */
function exportPNG(options) {
  const ratio = options && Number(options.scale) > 0 ? Math.min(4, Number(options.scale)) : 1;
  const svg = exportSVG();
  const [width, height] = viewSize();
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
      resolve(canvas.toDataURL("image/png"));
    };
    image.onerror = () => { reject(new Error("the picture could not be drawn")); };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  });
}

/* File names: the title, the layout on a map, and the window when it is narrowed. */
function pictureName(extension) {
  const base = String(meta.title).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 80) || "graph";
  const narrowed = firstDay !== null && (state.from !== firstDay || state.to !== lastDay);
  return base + (state.layout === "map" ? " (map)" : "") +
    (narrowed ? " " + isoDay(state.from) + " to " + isoDay(state.to) : "") + "." + extension;
}

function download(href, name) {
  const link = element("a");
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

byId("save-svg").addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([exportSVG()], { type: "image/svg+xml" }));
  download(url, pictureName("svg"));
  setTimeout(() => { URL.revokeObjectURL(url); }, 10000);
});
byId("save-png").addEventListener("click", () => {
  exportPNG({ scale: 2 }).then((url) => { download(url, pictureName("png")); },
    () => { showNotice("The picture could not be drawn in this browser."); });
});
