/* map.js: the map layout and the switch between layouts.
 *
 * On the map, states sit at a point inside their country, their people and institutions around
 * them, and organizations and actors without a country in a band beside the map (all placed in
 * Python: graph/render/geo.py). The world outline (Natural Earth 1:110m, projected in Python) is
 * drawn on the canvas before the graph, in the graph's own coordinates, so zoom and pan keep the
 * outline and the actors aligned. Pages of datasets without a state the map knows have no map.
 */

const world = DATA.world || null;
const layouts = DATA.layouts || null;
const layoutNames = layouts ? Object.keys(layouts) : ["network"];
const layoutRadios = Array.from(document.querySelectorAll("input[name='layout']"));
const LAND = "#eef0f3", LAND_PLACED = "#dfe5ec", COAST = "#c3cad3";
let countryPaths = null; /* [iso3, Path2D] per country, made when the map is first drawn */
let placedLayout = layoutNames.indexOf(meta.layout) >= 0 ? meta.layout : "network";

function hasLayout(name) { return layoutNames.indexOf(name) >= 0; }

function worldPaths() {
  if (countryPaths === null) {
    countryPaths = world.countries.map((country) => {
      const path = new Path2D();
      country.rings.forEach((ring) => {
        path.moveTo(ring[0], ring[1]);
        for (let k = 2; k < ring.length; k += 2) path.lineTo(ring[k], ring[k + 1]);
        path.closePath();
      });
      return [country.iso3, path];
    });
  }
  return countryPaths;
}

/* ISO3 codes of the states drawn now: their countries are shaded a little darker. */
function placedCountries() {
  const codes = new Set();
  for (let i = 0; i < nodeCount; i++) {
    if (view.nodeShown[i] && nodeCols.iso3[i]) codes.add(String(nodeCols.iso3[i]).toUpperCase());
  }
  return codes;
}

network.on("beforeDrawing", (ctx) => {
  if (state.layout !== "map" || world === null) return;
  const scale = network.getScale();
  const placed = placedCountries();
  ctx.save();
  ctx.lineJoin = "round";
  ctx.lineWidth = 1 / scale;
  ctx.strokeStyle = COAST;
  worldPaths().forEach(([iso3, path]) => {
    ctx.fillStyle = placed.has(iso3) ? LAND_PLACED : LAND;
    ctx.fill(path);
    ctx.stroke(path);
  });
  if (world.band) {
    const [x0, y0, x1, y1] = world.band;
    ctx.fillStyle = "rgba(238, 240, 243, 0.55)";
    ctx.setLineDash([6 / scale, 4 / scale]);
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
    ctx.setLineDash([]);
    ctx.fillStyle = "#52606d";
    ctx.font = (12 / scale) + "px " + LABEL_FONT; /* 12 px on the screen at any zoom */
    ctx.textBaseline = "bottom";
    ctx.textAlign = "right";
    ctx.fillText("Not placed on the map", x1, y0 - 4 / scale);
  }
  ctx.restore();
});

/* Move the actors to the current layout's positions (when it changed) and frame them. */
function placeNodes() {
  if (layouts === null || state.layout === placedLayout || !hasLayout(state.layout)) return;
  const where = layouts[state.layout];
  const updates = new Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) updates[i] = { id: i, x: where.x[i], y: where.y[i] };
  nodes.update(updates);
  placedLayout = state.layout;
  fitShown(false);
}

function syncLayoutControls() {
  layoutRadios.forEach((radio) => { radio.checked = radio.value === state.layout; });
}
byId("layout-row").hidden = layouts === null;
layoutRadios.forEach((radio) => radio.addEventListener("change", () => {
  if (!radio.checked || !hasLayout(radio.value)) return;
  state.layout = radio.value;
  placeNodes();
  saveFragment();
}));

/* A country's outline box on the screen (CSS pixels of the canvas), for tests and tools. */
function countryBox(iso3) {
  if (world === null) return null;
  const country = world.countries.find((c) => c.iso3 === String(iso3).toUpperCase());
  if (!country) return null;
  const a = network.canvasToDOM({ x: country.box[0], y: country.box[1] });
  const b = network.canvasToDOM({ x: country.box[2], y: country.box[3] });
  return { x0: a.x, y0: a.y, x1: b.x, y1: b.y };
}
