/* labels.js: actor labels drawn on the canvas, most important first, never over one another.
 *
 * Labels are not vis labels: after each frame, visible actors are taken in order (the selected
 * one, actors in focus, then by the size measure, largest first) and a label is drawn below its
 * node (else above, right or left of it) only where its box overlaps no label already drawn and
 * no actor of higher rank (a hub's label may cover small actors, never a larger one); the rest appear as the analyst zooms in. Labels shrink a little when zoomed out
 * (never under 10 px), and never under the controls over the canvas. explorer.labels() returns the boxes drawn, in CSS pixels of the canvas.
 */

const LABEL_FONT = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";
const LABEL_OBSTACLES = ["zoom", "layout-row", "details"];
const labelWidth10 = new Map(); /* label text → its width at 10 px */
let labelOrder = [];
let labelBoxes = [];

function sortLabels() {
  const sizes = sizesBy(state.sizeBy);
  const selected = selectedNode();
  labelOrder = Array.from({ length: nodeCount }, (_, i) => i).sort((a, b) =>
    (b === selected) - (a === selected) || view.nodeDim[a] - view.nodeDim[b] || sizes[b] - sizes[a] ||
    (nodeCols.label[a] < nodeCols.label[b] ? -1 : nodeCols.label[a] > nodeCols.label[b] ? 1 : a - b));
}

function labelFontPx(i) { return Math.round(12 + (nodeSize(i) - 10) * 0.25); }

function textWidth(ctx, text) {
  let width = labelWidth10.get(text);
  if (width === undefined) {
    ctx.font = "10px " + LABEL_FONT;
    width = ctx.measureText(text).width;
    labelWidth10.set(text, width);
  }
  return width;
}

network.on("afterDrawing", (ctx) => {
  const scale = network.getScale();
  const move = network.body.view.translation;
  const canvas = network.canvas.frame.canvas;
  const pixelRatio = network.canvas.pixelRatio || 1;
  const width = canvas.width / pixelRatio, height = canvas.height / pixelRatio;
  const cell = 80;
  const grid = new Map();
  const fits = (box) => {
    for (let gx = Math.floor(box.x / cell); gx <= Math.floor((box.x + box.w) / cell); gx++) {
      for (let gy = Math.floor(box.y / cell); gy <= Math.floor((box.y + box.h) / cell); gy++) {
        const list = grid.get(gx * 100003 + gy);
        if (!list) continue;
        for (const other of list) {
          if (other.node !== box.node && box.x < other.x + other.w && other.x < box.x + box.w &&
              box.y < other.y + other.h && other.y < box.y + box.h) return false;
        }
      }
    }
    return true;
  };
  const add = (box) => {
    for (let gx = Math.floor(box.x / cell); gx <= Math.floor((box.x + box.w) / cell); gx++) {
      for (let gy = Math.floor(box.y / cell); gy <= Math.floor((box.y + box.h) / cell); gy++) {
        const key = gx * 100003 + gy;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(box);
      }
    }
  };
  /* The controls over the canvas (zoom, layout switch, details card) hide what is under them:
   * no label goes there. */
  const stage = canvas.getBoundingClientRect();
  LABEL_OBSTACLES.forEach((id) => {
    const over = byId(id);
    if (!over || over.hidden) return;
    const box = over.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) add({ node: -1, x: box.left - stage.left, y: box.top - stage.top, w: box.width, h: box.height });
  });
  const where = new Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    if (!view.nodeShown[i]) continue;
    const body = network.body.nodes[i];
    if (!body) continue;
    const x = body.x * scale + move.x, y = body.y * scale + move.y, r = nodeSize(i) * scale;
    if (x + r < 0 || y + r < 0 || x - r > width || y - r > height) continue;
    where[i] = [x, y, r];
  }
  const drawn = [];
  ctx.save();
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.lineJoin = "round";
  for (const i of labelOrder) {
    if (!where[i]) continue;
    const [x, y, r] = where[i];
    add({ node: i, x: x - r, y: y - r, w: 2 * r, h: 2 * r }); /* no later label covers this actor */
    const text = nodeCols.label[i];
    if (!text) continue;
    const font = Math.max(10, Math.min(labelFontPx(i), labelFontPx(i) * scale * 1.25));
    const w = textWidth(ctx, text) * font / 10 + 6, h = font + 4;
    /* below the node, else above, right, left */
    const spots = [[x - w / 2, y + r + 2], [x - w / 2, y - r - 2 - h], [x + r + 3, y - h / 2], [x - r - 3 - w, y - h / 2]];
    let box = null;
    for (const [bx, by] of spots) {
      const candidate = { node: i, x: bx, y: by, w: w, h: h };
      if (bx < 0 || by < 0 || bx + w > width || by + h > height) continue; /* wholly on screen */
      if (fits(candidate)) { box = candidate; break; }
    }
    if (box === null) continue;
    add(box);
    drawn.push(box);
    ctx.font = (font / scale) + "px " + LABEL_FONT;
    ctx.lineWidth = 4 / scale;
    ctx.strokeStyle = "rgba(255, 255, 255, 0.92)";
    ctx.fillStyle = view.nodeDim[i] ? "#aab4be" : LABEL_COLOR;
    const lx = (box.x + w / 2 - move.x) / scale, ly = (box.y + 2 - move.y) / scale;
    ctx.strokeText(text, lx, ly);
    ctx.fillText(text, lx, ly);
  }
  ctx.restore();
  labelBoxes = drawn.map((box) => ({ id: nodeCols.id[box.node], x: box.x, y: box.y, w: box.w, h: box.h }));
});
