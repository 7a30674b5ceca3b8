/* legend.js: the legend of actor and relation types, each row a checkbox that filters by type. */

const SHAPE_POINTS = {
  diamond: "9,1.5 16.5,9 9,16.5 1.5,9", triangle: "9,2 16.5,15.5 1.5,15.5",
  triangleDown: "1.5,2.5 16.5,2.5 9,16", hexagon: "9,1.5 15.5,5.2 15.5,12.8 9,16.5 2.5,12.8 2.5,5.2",
  star: "9,1.2 11.2,6.5 16.8,6.8 12.5,10.5 13.9,16.2 9,13.1 4.1,16.2 5.5,10.5 1.2,6.8 6.8,6.5"
};

/* An 18 px picture of a node shape. */
function shapeIcon(shape, fill, stroke) {
  const icon = svgElement("svg", { width: 18, height: 18, viewBox: "0 0 18 18", "aria-hidden": "true" });
  const attributes = { fill: fill, stroke: stroke, "stroke-width": 1.2 };
  let drawn;
  if (Object.prototype.hasOwnProperty.call(SHAPE_POINTS, shape)) {
    attributes.points = SHAPE_POINTS[shape];
    drawn = svgElement("polygon", attributes);
  } else if (shape === "square" || shape === "box" || shape === "database") {
    Object.assign(attributes, { x: 3, y: 3, width: 12, height: 12, rx: shape === "square" ? 1 : 3 });
    drawn = svgElement("rect", attributes);
  } else {
    Object.assign(attributes, { cx: 9, cy: 9, r: 6.5 });
    drawn = svgElement("circle", attributes);
  }
  icon.appendChild(drawn);
  return icon;
}

/* A 30 px picture of a relation type: its colour, dashed if conflictual, an arrow if directed. */
function lineIcon(type) {
  const icon = svgElement("svg", { width: 30, height: 12, viewBox: "0 0 30 12", "aria-hidden": "true" });
  const line = { x1: 1, y1: 6, x2: type.directed ? 22 : 29, y2: 6, stroke: type.color, "stroke-width": 2.5 };
  if (type.sign < 0) line["stroke-dasharray"] = "5 3";
  icon.appendChild(svgElement("line", line));
  if (type.directed) icon.appendChild(svgElement("polygon", { points: "21,1.5 29,6 21,10.5", fill: type.color }));
  return icon;
}

/* One ticked legend row in `list`; ticking it sets `shown` (a state map) for `name`. */
function typeRow(list, name, label, icon, count, shown, meaning) {
  const item = element("li");
  const labelEl = element("label");
  const box = element("input");
  box.type = "checkbox";
  box.checked = true;
  box.addEventListener("change", () => { shown.set(name, box.checked); applyFilters(); });
  labelEl.appendChild(box);
  labelEl.appendChild(icon);
  labelEl.appendChild(element("span", "name", label));
  labelEl.appendChild(element("span", "count", count.toLocaleString("en")));
  if (meaning) labelEl.title = meaning; /* a DOM property: shown as plain text by the browser */
  item.appendChild(labelEl);
  list.appendChild(item);
  shown.set(name, true);
  return box;
}

/* "All" and "None" buttons that tick or clear every box of a legend. */
function bulkButtons(target, boxes, shown) {
  [["All", true], ["None", false]].forEach(([text, checked]) => {
    const button = element("button", "", text);
    button.type = "button";
    button.addEventListener("click", () => {
      boxes.forEach((box, name) => { box.checked = checked; shown.set(name, checked); });
      applyFilters();
    });
    target.appendChild(button);
  });
}

function countBy(values) {
  const counts = new Map();
  values.forEach((value) => { counts.set(value, (counts.get(value) || 0) + 1); });
  return counts;
}

const nodesPerType = countBy(nodeCols.type);
const edgesPerType = countBy(relCols.type);
const edgeTypeBoxes = new Map();
const nodeTypeBoxes = new Map();
DATA.edgeTypes.forEach((type) => {
  edgeTypeBoxes.set(type.name, typeRow(byId("edge-types"), type.name, type.name, lineIcon(type),
                                       edgesPerType.get(type.name) || 0, state.edgeOn, type.meaning));
});
DATA.nodeTypes.forEach((type) => {
  nodeTypeBoxes.set(type.name, typeRow(byId("node-types"), type.name, type.label,
                                       shapeIcon(type.shape, type.color, type.border),
                                       nodesPerType.get(type.name) || 0, state.nodeOn, type.meaning));
});
bulkButtons(byId("edge-bulk"), edgeTypeBoxes, state.edgeOn);
bulkButtons(byId("node-bulk"), nodeTypeBoxes, state.nodeOn);

/* What the links mean, for the mode drawn. */
function drawLinksKey() {
  const key = byId("links-key");
  removeChildren(key);
  if (state.links === "pair") {
    key.appendChild(document.createTextNode("One link per pair: width by number of relations; "));
    Object.keys(meta.pairKinds).forEach((kind, n) => {
      const swatch = element("span", "swatch");
      swatch.style.background = kindColor(kind);
      key.appendChild(swatch);
      key.appendChild(document.createTextNode(" " + kind + (n < 3 ? " · " : "")));
    });
    key.appendChild(document.createTextNode("; dashed: net conflictual; arrow: all one way."));
  } else {
    key.appendChild(document.createTextNode("One line per relation, in its type's colour; dashed: conflictual; arrow: directed; width: weight."));
  }
}
