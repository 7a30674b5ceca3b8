/* timeline.js: the time strip under the graph: relations in force per unit of time, the window
 * over it, typed From / To dates, step, play and "All".
 *
 * The unit follows the data's span (firstDay..lastDay): years when it is at least three years
 * long, months when it is at least 60 days long, else days (so at most about 60 bars for months
 * and days; years are binned when bars would be too thin). It is #strip[data-unit] and
 * timeline.unit ("year", "month" or "day"). Bars, labels, the step buttons and ←/→ (one unit),
 * Play's widths (1, 2, 5 or 10 units) and the pair's net series all follow it.
 *
 * Counts ignore the window and follow the other filters (relPassesTypes). A relation is in force
 * in [from, to] when t0 <= to && t1 >= from; in a unit when it is in force in [its first day, its
 * last day]. Per unit, cooperative relations stack up from a baseline with neutral ones on top,
 * conflictual ones go down. With a pair selected, its net relation per unit (sum of weight × sign
 * of its relations in force) is drawn over the bars on its own scale. Everything is built as DOM
 * nodes with text going in as textContent; nothing is parsed as HTML.
 *
 * Tests can speed play up with data-play-ms on #strip (milliseconds per step; default 700).
 */

const stripRoot = byId("strip");
const STRIP_PLAY_MS = 700;
const STRIP_WIDTHS = [1, 2, 5, 10]; /* units, for play */
const STRIP_AXIS_H = 16; /* px under the bars for the unit labels */
const STRIP_PAD = 8; /* px left and right of the plot */

/* Calendar helpers on days since 1970-01-01 (UTC; any year from 1 to 9999). */
function stripDay(year, month, day) { /* month 1–12; overflowing days roll over as Date does */
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}
function stripParts(day) {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
function stripYearOf(day) { return new Date(day * DAY_MS).getUTCFullYear(); }
function stripMonthDays(year, month) { return stripDay(year, month + 1, 1) - stripDay(year, month, 1); }
/* The same day `months` later (earlier when negative); a month's last day stays its last day. */
function stripAddMonths(day, months) {
  const p = stripParts(day);
  const last = p.day === stripMonthDays(p.year, p.month);
  const index = p.year * 12 + p.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const length = stripMonthDays(year, month);
  return stripDay(year, month, last ? length : Math.min(p.day, length));
}

/* The strip's units. A unit is numbered: a year by itself, a month as year × 12 + month − 1, a
 * day by its day number. of: the unit of a day; start: its first day; add: a day n units later;
 * key: its id in data attributes and the net series; label: under the axis; title: in tooltips.
 * Labels are spaced by the first of `steps` that leaves `px` between them; years label the
 * boundaries (as round years), months and days the middle of their bars. */
const STRIP_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const STRIP_YEARS_FROM = 3 * 365; /* days of span from which the unit is a year */
const STRIP_MONTHS_FROM = 60; /* … a month; shorter spans count days */
const STRIP_UNITS = {
  year: {
    of: (day) => stripYearOf(day),
    start: (u) => stripDay(u, 1, 1),
    add: (day, n) => stripAddMonths(day, 12 * n),
    key: (u) => String(u),
    label: (u) => String(u),
    title: (u) => String(u),
    steps: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000], px: 42
  },
  month: {
    of: (day) => { const p = stripParts(day); return p.year * 12 + p.month - 1; },
    start: (u) => { const year = Math.floor(u / 12); return stripDay(year, u - year * 12 + 1, 1); },
    add: (day, n) => stripAddMonths(day, n),
    key: (u) => isoDay(STRIP_UNITS.month.start(u)).slice(0, 7),
    label: (u) => { const year = Math.floor(u / 12); return STRIP_MONTH_NAMES[u - year * 12] + " " + year; },
    title: (u) => STRIP_UNITS.month.label(u),
    steps: [1, 2, 3, 6, 12, 24], px: 58, half: 24
  },
  day: {
    of: (day) => day,
    start: (u) => u,
    add: (day, n) => day + n,
    key: (u) => isoDay(u),
    label: (u) => isoDay(u).slice(5),
    title: (u) => isoDay(u),
    steps: [1, 2, 3, 5, 7, 10, 14, 15, 30], px: 38, half: 15
  }
};
function stripUnitFor(first, last) {
  const span = last - first + 1;
  return span >= STRIP_YEARS_FROM ? "year" : span >= STRIP_MONTHS_FROM ? "month" : "day";
}

const timelineData = { /* what the strip counts and draws; filled once, then per redraw */
  unit: null, calendar: null, /* "year", "month" or "day", and its STRIP_UNITS entry */
  firstUnit: null, lastUnit: null, units: 0,
  u0: null, u1: null, /* per relation: first and last unit in force, from firstUnit (−1: undated) */
  bin: 1, /* units per bar (more than 1 only when bars would be under 2 px wide) */
  coop: null, neutral: null, conflict: null, /* per bar: relations in force */
  net: null, netHas: null, netPair: null, /* the selected pair's net relation per bar */
  width: 0, height: 0, drawnKey: ""
};
const timelineUi = {}; /* the strip's elements, once built */
const timelineDrag = { mode: null, pointer: null, from: 0, to: 0, anchor: 0, offset: 0, startX: 0, moved: false };
const timelinePlay = { timer: null, width: 1, unit: 0, endUnit: 0, from: null, to: null, applying: false };

/* ---- counting ---- */

if (firstDay !== null) {
  const d = timelineData;
  d.unit = stripUnitFor(firstDay, lastDay);
  d.calendar = STRIP_UNITS[d.unit];
  d.firstUnit = d.calendar.of(firstDay);
  d.lastUnit = d.calendar.of(lastDay);
  d.units = d.lastUnit - d.firstUnit + 1;
  d.u0 = new Int32Array(relCount);
  d.u1 = new Int32Array(relCount);
  for (let r = 0; r < relCount; r++) {
    const start = relCols.t0[r];
    if (start === null || start === undefined) { d.u0[r] = -1; d.u1[r] = -1; continue; }
    const end = relCols.t1[r] === null || relCols.t1[r] === undefined ? start : relCols.t1[r];
    d.u0[r] = d.calendar.of(Math.min(start, end)) - d.firstUnit;
    d.u1[r] = d.calendar.of(Math.max(start, end)) - d.firstUnit;
  }
}
/* The first day of unit u, and the last day of unit u + n − 1. */
function stripUnitStart(u) { return timelineData.calendar.start(u); }
function stripUnitEnd(u, n) { return timelineData.calendar.start(u + (n || 1)) - 1; }

/* Bars of `bin` units each: relations in force per bar and sign, by a difference array. */
function stripCount() {
  const d = timelineData;
  const bars = Math.ceil(d.units / d.bin);
  const up = new Int32Array(bars + 1);
  const mid = new Int32Array(bars + 1);
  const down = new Int32Array(bars + 1);
  for (let r = 0; r < relCount; r++) {
    if (d.u0[r] < 0 || !relPassesTypes(r)) continue;
    const a = Math.floor(Math.max(0, d.u0[r]) / d.bin);
    const b = Math.floor(Math.min(d.units - 1, d.u1[r]) / d.bin) + 1;
    const sign = relCols.sign[r];
    const diff = sign > 0 ? up : sign < 0 ? down : mid;
    diff[a] += 1;
    diff[b] -= 1;
  }
  let changed = !d.coop || d.coop.length !== bars;
  const sums = [up, mid, down].map((diff) => {
    const counts = new Int32Array(bars);
    let running = 0;
    for (let i = 0; i < bars; i++) { running += diff[i]; counts[i] = running; }
    return counts;
  });
  const old = [d.coop, d.neutral, d.conflict];
  for (let s = 0; s < 3 && !changed; s++) {
    for (let i = 0; i < bars; i++) if (old[s][i] !== sums[s][i]) { changed = true; break; }
  }
  [d.coop, d.neutral, d.conflict] = sums;
  return changed;
}

/* The selected pair's net relation (sum of weight × sign) per bar, or null when none is. */
function stripCountNet() {
  const d = timelineData;
  const sel = state.selection;
  if (!sel || sel.kind !== "pair" || !relsOfPair[sel.index]) { d.net = null; d.netPair = null; return; }
  const bars = Math.ceil(d.units / d.bin);
  const net = new Float64Array(bars + 1);
  const has = new Int32Array(bars + 1);
  relsOfPair[sel.index].forEach((r) => {
    if (d.u0[r] < 0 || !relPassesTypes(r)) return;
    const a = Math.floor(Math.max(0, d.u0[r]) / d.bin);
    const b = Math.floor(Math.min(d.units - 1, d.u1[r]) / d.bin) + 1;
    const value = (Number(relCols.weight[r]) || 0) * relCols.sign[r];
    net[a] += value; net[b] -= value; has[a] += 1; has[b] -= 1;
  });
  for (let i = 1; i < bars; i++) { net[i] += net[i - 1]; has[i] += has[i - 1]; }
  d.net = net.subarray(0, bars).map((v) => Math.round(v * 1e6) / 1e6);
  d.netHas = has.subarray(0, bars);
  d.netPair = sel.index;
}

/* ---- building the strip ---- */

function stripButton(className, text, label, title) {
  const button = element("button", "strip-button " + className, text);
  button.type = "button";
  if (label) button.setAttribute("aria-label", label);
  if (title) button.title = title;
  return button;
}

function stripNumber(which, part, label, placeholder, min, max) {
  const input = element("input", "strip-" + part);
  input.type = "number";
  input.id = "strip-" + which + "-" + part;
  input.min = String(min);
  input.max = String(max);
  input.step = "1";
  input.inputMode = "numeric";
  input.placeholder = placeholder;
  input.autocomplete = "off";
  input.setAttribute("aria-label", label);
  input.addEventListener("input", () => { input.removeAttribute("aria-invalid"); input.dataset.dirty = "1"; });
  input.addEventListener("change", () => { stripApplyLater(which); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); stripApplyTyped(which); }
  });
  return input;
}

function stripDateGroup(which, title) {
  const group = element("div", "strip-date");
  group.setAttribute("role", "group");
  const name = element("span", "strip-date-name", title);
  name.id = "strip-" + which + "-name";
  group.setAttribute("aria-labelledby", name.id);
  const fields = {
    year: stripNumber(which, "year", title + " year", "year", 1, 9999),
    month: stripNumber(which, "month", title + " month (optional)", "mm", 1, 12),
    day: stripNumber(which, "day", title + " day (optional)", "dd", 1, 31)
  };
  group.append(name, fields.year, element("span", "strip-sep", "-"), fields.month,
               element("span", "strip-sep", "-"), fields.day);
  group.addEventListener("focusout", () => { stripApplyLater(which); });
  timelineUi[which] = fields;
  timelineUi[which + "Group"] = group;
  return group;
}

/* A typed date applies on Enter, or once the focus leaves its three fields (so that clearing the
 * month and then typing the day is one change, not two). */
function stripApplyLater(which) {
  setTimeout(() => {
    const fields = timelineUi[which];
    const typed = Object.keys(fields).some((part) => fields[part].dataset.dirty);
    if (typed && !timelineUi[which + "Group"].contains(document.activeElement)) stripApplyTyped(which);
  }, 0);
}

function stripLegendKey(className, text) {
  const key = element("span", "strip-key");
  key.append(element("span", "strip-swatch " + className), document.createTextNode(text));
  return key;
}

function stripBuild() {
  removeChildren(stripRoot);
  if (firstDay === null) {
    stripRoot.classList.add("strip-none");
    stripRoot.appendChild(element("p", "strip-empty", "No dated relations."));
    return;
  }
  const unit = timelineData.unit;
  stripRoot.dataset.unit = unit;
  const controls = element("div", "strip-controls");
  const dates = element("div", "strip-dates");
  dates.append(stripDateGroup("from", "From"), stripDateGroup("to", "To"));
  const moves = element("div", "strip-moves");
  timelineUi.back = stripButton("strip-step", "\u25c0\ufe0e", "Window one " + unit + " earlier", "One " + unit + " earlier (←)");
  timelineUi.forward = stripButton("strip-step", "\u25b6\ufe0e", "Window one " + unit + " later", "One " + unit + " later (→)");
  timelineUi.widthSelect = element("select", "strip-width");
  timelineUi.widthSelect.id = "strip-play-width";
  timelineUi.widthSelect.setAttribute("aria-label", "Width of the playing window");
  timelineUi.widthSelect.title = "Width of the window that Play moves";
  STRIP_WIDTHS.forEach((units) => {
    const option = element("option", "", units + "-" + unit + " window");
    option.value = String(units);
    timelineUi.widthSelect.appendChild(option);
  });
  timelineUi.play = stripButton("strip-play", "Play", null, "Move a window of this width across the " + unit + "s");
  timelineUi.play.setAttribute("aria-pressed", "false");
  timelineUi.all = stripButton("strip-all", "All", "Whole time span", "Show the whole time span");
  moves.append(timelineUi.back, timelineUi.forward, timelineUi.widthSelect, timelineUi.play, timelineUi.all);
  const legend = element("div", "strip-legend");
  legend.setAttribute("aria-hidden", "true");
  const legendTitle = element("span", "strip-legend-title");
  legendTitle.append(element("span", "strip-long", "Relations in force per " + unit + ":"),
                     element("span", "strip-short", "In force per " + unit + ":"));
  legend.append(legendTitle,
                stripLegendKey("coop", "cooperative"), stripLegendKey("neutral", "neutral"),
                stripLegendKey("conflict", "conflictual"));
  controls.append(dates, moves, legend);

  const chart = element("div", "strip-chart");
  const svg = svgElement("svg", { class: "strip-svg", role: "img", "aria-label": "Relations in force per " + unit });
  timelineUi.layers = {};
  ["band", "axis", "bars", "shade", "net", "cols", "brush"].forEach((name) => {
    timelineUi.layers[name] = svgElement("g", { class: "strip-" + name });
    svg.appendChild(timelineUi.layers[name]);
  });
  timelineUi.layers.cols.setAttribute("fill", "transparent");
  const brush = timelineUi.layers.brush;
  timelineUi.band = svgElement("rect", { class: "strip-window", x: 0, y: 0, width: 0, height: 0 });
  timelineUi.layers.band.appendChild(timelineUi.band);
  timelineUi.shadeLeft = svgElement("rect", { class: "strip-outside", x: 0, y: 0, width: 0, height: 0 });
  timelineUi.shadeRight = svgElement("rect", { class: "strip-outside", x: 0, y: 0, width: 0, height: 0 });
  timelineUi.layers.shade.append(timelineUi.shadeLeft, timelineUi.shadeRight);
  timelineUi.edgeFrom = svgElement("line", { class: "strip-edge", x1: 0, x2: 0, y1: 0, y2: 0 });
  timelineUi.edgeTo = svgElement("line", { class: "strip-edge", x1: 0, x2: 0, y1: 0, y2: 0 });
  timelineUi.handleFrom = svgElement("rect", { class: "strip-handle", rx: 3, width: 8, height: 22, x: 0, y: 0 });
  timelineUi.handleTo = svgElement("rect", { class: "strip-handle", rx: 3, width: 8, height: 22, x: 0, y: 0 });
  brush.append(timelineUi.edgeFrom, timelineUi.edgeTo, timelineUi.handleFrom, timelineUi.handleTo);
  timelineUi.svg = svg;
  timelineUi.caption = element("p", "strip-net-caption");
  timelineUi.caption.hidden = true;
  timelineUi.chart = chart;
  chart.append(svg, timelineUi.caption);
  stripRoot.append(controls, chart);

  timelineUi.back.addEventListener("click", () => { timeline.stop(); timeline.step(-1); });
  timelineUi.forward.addEventListener("click", () => { timeline.stop(); timeline.step(1); });
  timelineUi.play.addEventListener("click", () => {
    if (timeline.playing()) timeline.stop();
    else timeline.play(Number(timelineUi.widthSelect.value));
  });
  timelineUi.widthSelect.addEventListener("change", () => {
    if (timeline.playing()) { timeline.stop(); timeline.play(Number(timelineUi.widthSelect.value)); }
  });
  timelineUi.all.addEventListener("click", () => { timeline.stop(); setWindow(firstDay, lastDay); });
  svg.addEventListener("pointerdown", stripPointerDown);
  svg.addEventListener("pointermove", stripPointerMove);
  svg.addEventListener("pointerup", stripPointerUp);
  svg.addEventListener("pointercancel", stripPointerUp);
  svg.addEventListener("lostpointercapture", stripPointerUp);
  if (typeof ResizeObserver === "function") new ResizeObserver(() => { redrawStrip(false); }).observe(chart);
  else window.addEventListener("resize", () => { redrawStrip(false); });
}

/* ---- drawing ---- */

/* The plot's geometry for the current size: x of a day, and the day at an x. */
function stripGeometry() {
  const d = timelineData;
  const start = stripUnitStart(d.firstUnit);
  const end = stripUnitStart(d.lastUnit + 1);
  const left = STRIP_PAD;
  const right = Math.max(left + 1, d.width - STRIP_PAD);
  const scale = (right - left) / (end - start);
  return {
    start: start, end: end, left: left, right: right, top: 3, bottom: d.height - STRIP_AXIS_H,
    x: (day) => left + (day - start) * scale,
    dayAt: (x) => start + (x - left) / scale
  };
}

function stripText(parent, x, y, text, className, anchor) {
  const node = svgElement("text", { x: x, y: y, class: className, "text-anchor": anchor || "middle" });
  node.textContent = text;
  parent.appendChild(node);
  return node;
}

function stripBarTitle(u, bin, c, n, k) {
  const cal = timelineData.calendar;
  const last = Math.min(u + bin - 1, timelineData.lastUnit);
  const when = last === u ? cal.title(u) : cal.title(u) + "–" + cal.title(last);
  return when + ": " + (c + n + k) + " in force (" + c + " cooperative, " + n + " neutral, " + k + " conflictual)";
}

/* Labels under the axis: for years, round years at their boundaries (as always); for months and
 * days, every step-th unit in the middle of its bar, where the label fits inside the strip. */
function stripDrawLabels(g, axis) {
  const d = timelineData;
  const cal = d.calendar;
  const perUnit = (g.right - g.left) / d.units;
  const step = cal.steps.find((s) => s * perUnit >= cal.px) || cal.steps[cal.steps.length - 1] * 10;
  const axisY = d.height - 4;
  axis.appendChild(svgElement("line", { class: "strip-axis-line", x1: g.left, x2: g.right, y1: g.bottom + 0.5, y2: g.bottom + 0.5 }));
  const tick = (x) => { axis.appendChild(svgElement("line", { class: "strip-tick", x1: x, x2: x, y1: g.bottom, y2: g.bottom + 3 })); };
  if (d.unit === "year") {
    for (let year = Math.ceil(d.firstUnit / step) * step; year <= d.lastUnit + 1; year += step) {
      const x = g.x(stripDay(year, 1, 1));
      if (x < g.left + 12 || x > g.right - 12) continue;
      tick(x);
      stripText(axis, x, axisY, String(year), "strip-tick-label strip-year");
    }
    return;
  }
  /* months on multiples of the step (Jan, Apr, Jul, Oct for 3); days every step from the first */
  const origin = d.unit === "month" ? 0 : d.firstUnit;
  const first = d.firstUnit + ((((origin - d.firstUnit) % step) + step) % step);
  for (let u = first; u <= d.lastUnit; u += step) {
    const x0 = g.x(stripUnitStart(u));
    const x = (x0 + g.x(stripUnitStart(u + 1))) / 2;
    if (x0 > g.left + 0.5) tick(x0);
    if (x - cal.half < 1 || x + cal.half > d.width - 1) continue;
    stripText(axis, x, axisY, cal.label(u), "strip-tick-label strip-" + d.unit + "-label");
  }
}

/* Bars, unit labels and the pair's net series, for the current counts and size. */
function stripDrawChart() {
  const d = timelineData;
  const g = stripGeometry();
  const layers = timelineUi.layers;
  ["bars", "axis", "net", "cols"].forEach((name) => { removeChildren(layers[name]); });
  const bars = d.coop.length;
  let maxUp = 0;
  let maxDown = 0;
  for (let i = 0; i < bars; i++) {
    maxUp = Math.max(maxUp, d.coop[i] + d.neutral[i]);
    maxDown = Math.max(maxDown, d.conflict[i]);
  }
  const height = g.bottom - g.top;
  const unit = maxUp + maxDown > 0 ? height / (maxUp + maxDown) : 0;
  const base = g.top + maxUp * unit;
  const barWidth = (g.right - g.left) / d.units * d.bin;
  const gap = barWidth >= 6 ? 1 : barWidth >= 3 ? 0.5 : 0;
  const r2 = (v) => Math.round(v * 100) / 100;
  const rect = (parent, className, x, y, w, h, attrs) => {
    parent.appendChild(svgElement("rect", Object.assign({ class: className, x: r2(x), y: r2(y), width: r2(w), height: r2(h) }, attrs || {})));
  };
  const barsLayer = document.createDocumentFragment(); /* built off the page, added at once */
  const colsLayer = document.createDocumentFragment();
  const cal = d.calendar;
  for (let i = 0; i < bars; i++) {
    const u = d.firstUnit + i * d.bin;
    const x0 = g.x(stripUnitStart(u));
    const x1 = g.x(stripUnitStart(Math.min(u + d.bin, d.lastUnit + 1)));
    const x = x0 + gap / 2;
    const attrs = { "data-key": cal.key(u) };
    if (d.unit === "year") attrs["data-year"] = u;
    const w = Math.max(0.6, x1 - x0 - gap);
    const c = d.coop[i];
    const n = d.neutral[i];
    const k = d.conflict[i];
    const tall = (count) => Math.max(1.5, count * unit);
    const barAttrs = (count) => Object.assign({ "data-count": count }, attrs);
    if (c) rect(barsLayer, "strip-bar strip-bar-coop", x, base - tall(c), w, tall(c), barAttrs(c));
    if (n) {
      const below = c ? tall(c) : 0;
      rect(barsLayer, "strip-bar strip-bar-neutral", x, base - below - tall(n), w, tall(n), barAttrs(n));
    }
    if (k) rect(barsLayer, "strip-bar strip-bar-conflict", x, base, w, tall(k), barAttrs(k));
    const col = svgElement("rect", { x: r2(x0), y: g.top, width: r2(Math.max(0.5, x1 - x0)), height: r2(height) });
    const title = svgElement("title", {});
    title.textContent = stripBarTitle(u, d.bin, c, n, k);
    col.appendChild(title);
    colsLayer.appendChild(col);
  }
  layers.bars.appendChild(barsLayer);
  layers.cols.appendChild(colsLayer);
  if (maxUp + maxDown > 0) {
    layers.axis.appendChild(svgElement("line", { class: "strip-baseline", x1: g.left, x2: g.right, y1: base, y2: base }));
    stripText(layers.axis, g.left + 2, g.top + 8, String(maxUp), "strip-scale", "start");
    if (maxDown > 0) stripText(layers.axis, g.left + 2, g.bottom - 2, "−" + maxDown, "strip-scale", "start");
  } else {
    stripText(layers.axis, (g.left + g.right) / 2, (g.top + g.bottom) / 2 + 4, "No dated relation passes the filters.", "strip-none-text");
  }
  stripDrawLabels(g, layers.axis);
  stripDrawNet(g);
  const span = d.firstUnit === d.lastUnit ? cal.title(d.firstUnit) : cal.title(d.firstUnit) + "–" + cal.title(d.lastUnit);
  timelineUi.svg.setAttribute("aria-label", "Relations in force per " + d.unit + ", " + span +
    (maxUp + maxDown > 0 ? "; at most " + maxUp + " cooperative or neutral and " + maxDown + " conflictual in a " + d.unit : ""));
}

/* The selected pair's net relation per unit: a step line on its own scale (right), zero dashed. */
function stripDrawNet(g) {
  const d = timelineData;
  const layer = timelineUi.layers.net;
  const caption = timelineUi.caption;
  if (d.net === null) {
    caption.hidden = true;
    timelineUi.chart.classList.remove("strip-has-net");
    return;
  }
  let most = 0;
  for (let i = 0; i < d.net.length; i++) if (d.netHas[i]) most = Math.max(most, Math.abs(d.net[i]));
  const scaleMax = most > 0 ? most : 1;
  const mid = (g.top + g.bottom) / 2;
  const half = (g.bottom - g.top) / 2 - 3;
  const y = (value) => mid - value / scaleMax * half;
  layer.appendChild(svgElement("line", { class: "strip-net-zero", x1: g.left, x2: g.right, y1: mid, y2: mid }));
  let path = "";
  let open = false;
  const series = []; /* "key:net" per bar with a relation in force (key: 2018, 2018-06, 2018-06-01) */
  for (let i = 0; i < d.net.length; i++) {
    if (!d.netHas[i]) { open = false; continue; }
    const u = d.firstUnit + i * d.bin;
    series.push(d.calendar.key(u) + ":" + d.net[i]);
    const x0 = g.x(stripUnitStart(u));
    const x1 = g.x(stripUnitStart(Math.min(u + d.bin, d.lastUnit + 1)));
    const yy = y(d.net[i]).toFixed(1);
    path += (open ? " L" : " M") + x0.toFixed(1) + " " + yy + " L" + Math.max(x1, x0 + 2).toFixed(1) + " " + yy;
    open = true;
  }
  if (path) layer.appendChild(svgElement("path", { class: "strip-net-line", d: path.trim(), "data-series": series.join(" ") }));
  const fmt = (v) => (v > 0 ? "+" : v < 0 ? "−" : "") + String(Number(Math.abs(v).toPrecision(3)));
  stripText(layer, g.right - 2, g.top + 8, fmt(scaleMax), "strip-net-scale", "end");
  stripText(layer, g.right - 2, mid - 2, "0", "strip-net-scale", "end");
  stripText(layer, g.right - 2, g.bottom - 2, fmt(-scaleMax), "strip-net-scale", "end");
  caption.textContent = "";
  caption.append(element("span", "strip-net-swatch"),
                 document.createTextNode("Net relation: " + pairLabel(d.netPair)));
  caption.title = "Per " + d.unit + ": the sum of weight × sign of the pair's relations in force (scale on the right)" +
    (path ? "" : "; none of its relations is dated");
  caption.hidden = false;
  timelineUi.chart.classList.add("strip-has-net");
}

/* The window over the chart: the band, the dimmed outside, the edges and their handles. */
function stripDrawWindow() {
  const d = timelineData;
  if (!d.width || state.from === null || state.to === null) return;
  const g = stripGeometry();
  const dragging = timelineDrag.mode !== null;
  const from = dragging ? timelineDrag.from : state.from;
  const to = dragging ? timelineDrag.to : state.to;
  let x0 = g.x(from);
  let x1 = g.x(to + 1);
  if (x1 - x0 < 2) { const c = (x0 + x1) / 2; x0 = c - 1; x1 = c + 1; }
  const h = g.bottom - g.top;
  const set = (node, attrs) => { Object.keys(attrs).forEach((k) => { node.setAttribute(k, String(attrs[k])); }); };
  set(timelineUi.band, { x: x0, y: g.top, width: x1 - x0, height: h });
  set(timelineUi.shadeLeft, { x: g.left, y: g.top, width: Math.max(0, x0 - g.left), height: h });
  set(timelineUi.shadeRight, { x: x1, y: g.top, width: Math.max(0, g.right - x1), height: h });
  set(timelineUi.edgeFrom, { x1: x0, x2: x0, y1: g.top, y2: g.bottom });
  set(timelineUi.edgeTo, { x1: x1, x2: x1, y1: g.top, y2: g.bottom });
  const hy = g.top + (h - 22) / 2;
  const narrow = x1 - x0 < 24; /* handles outside a narrow window, so as not to hide it */
  set(timelineUi.handleFrom, { x: narrow ? x0 - 8 : x0 - 4, y: hy });
  set(timelineUi.handleTo, { x: narrow ? x1 : x1 - 4, y: hy });
  stripRoot.dataset.from = isoDay(from);
  stripRoot.dataset.to = isoDay(to);
}

/* Show state.from / state.to in the typed fields (the shortest form that reads back the same). */
function stripSyncFields() {
  if (state.from === null || state.to === null) return;
  const show = (which, day, isEnd) => {
    const fields = timelineUi[which];
    const editing = timelineUi[which + "Group"].contains(document.activeElement);
    const p = stripParts(day);
    const dayDefault = isEnd ? p.day === stripMonthDays(p.year, p.month) : p.day === 1;
    const monthDefault = dayDefault && p.month === (isEnd ? 12 : 1);
    const values = { year: String(p.year), month: monthDefault ? "" : String(p.month), day: dayDefault ? "" : String(p.day) };
    Object.keys(fields).forEach((part) => {
      const input = fields[part];
      if (input.dataset.dirty && editing) return; /* being typed in */
      input.value = values[part];
      delete input.dataset.dirty;
      input.removeAttribute("aria-invalid");
    });
  };
  show("from", state.from, false);
  show("to", state.to, true);
}

/* ---- what the lead's parts call ---- */

function syncTime() {
  if (firstDay === null || !timelineUi.svg) return;
  stripDrawWindow();
  stripSyncFields();
}

function redrawStrip(force) {
  if (firstDay === null || !timelineUi.svg) return;
  const d = timelineData;
  const box = timelineUi.svg.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  if (!width || !height) { syncTime(); return; }
  const sized = width !== d.width || height !== d.height;
  if (sized) {
    d.width = width;
    d.height = height;
    timelineUi.svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const bin = Math.max(1, Math.ceil(d.units / Math.max(1, (width - 2 * STRIP_PAD) / 2)));
    if (bin !== d.bin) { d.bin = bin; d.coop = null; }
  }
  const changed = stripCount();
  stripCountNet();
  const key = d.net === null ? "" : pairLabel(d.netPair) + ":" + Array.prototype.join.call(d.net, ",") + ":" + Array.prototype.join.call(d.netHas, ",");
  if (force === true || sized || changed || key !== d.drawnKey) {
    d.drawnKey = key;
    stripDrawChart();
  }
  syncTime();
  const p = timelinePlay; /* someone else moved the window while playing: stop */
  if (p.timer !== null && !p.applying && (state.from !== p.from || state.to !== p.to)) timeline.stop();
}

/* ---- typed dates ---- */

/* The day the From (start) or To (end) fields give, or null after marking the bad fields. */
function stripReadFields(which) {
  const fields = timelineUi[which];
  const isEnd = which === "to";
  const read = (input, min, max, required) => {
    const raw = input.value.trim();
    if (input.validity && input.validity.badInput) return NaN;
    if (raw === "") return required ? NaN : null;
    if (!/^\d{1,4}$/.test(raw)) return NaN;
    const value = Number(raw);
    return value >= min && value <= max ? value : NaN;
  };
  const year = read(fields.year, 1, 9999, true);
  const month = read(fields.month, 1, 12, false);
  let day = read(fields.day, 1, 31, false);
  if (day !== null && !Number.isNaN(day) && (month === null || (!Number.isNaN(month) && !Number.isNaN(year) && day > stripMonthDays(year, month)))) day = NaN;
  const bad = { year: Number.isNaN(year), month: Number.isNaN(month), day: Number.isNaN(day) };
  Object.keys(fields).forEach((part) => {
    if (bad[part]) fields[part].setAttribute("aria-invalid", "true");
    else fields[part].removeAttribute("aria-invalid");
  });
  if (bad.year || bad.month || bad.day) return null;
  const m = month === null ? (isEnd ? 12 : 1) : month;
  const dd = day === null ? (isEnd ? stripMonthDays(year, m) : 1) : day;
  return stripDay(year, m, dd);
}

function stripApplyTyped(which) {
  try {
    const day = stripReadFields(which);
    if (day === null) return;
    timeline.stop();
    let from = state.from;
    let to = state.to;
    if (which === "from") {
      from = day;
      if (from > to) { const p = stripParts(day); to = stripDay(p.year, 12, 31); } /* To follows */
    } else {
      to = day;
      if (to < from) { const p = stripParts(day); from = stripDay(p.year, 1, 1); } /* From follows */
    }
    Object.keys(timelineUi[which]).forEach((part) => { delete timelineUi[which][part].dataset.dirty; });
    if (from === state.from && to === state.to) { stripSyncFields(); return; }
    setWindow(from, to);
    syncTime();
  } catch (err) {
    /* never let a typed value break the page */
  }
}

/* ---- dragging the window ---- */

function stripPointerX(event) { return event.clientX - timelineUi.svg.getBoundingClientRect().left; }

/* What a press at x does: resize an edge, move the window, or draw a new one. */
function stripHit(x, touch) {
  const g = stripGeometry();
  const x0 = g.x(state.from);
  const x1 = g.x(state.to + 1);
  const reach = touch ? 20 : 12;
  const inside = x >= x0 && x <= x1;
  const edgeReach = inside ? Math.min(reach, (x1 - x0) / 3) : reach;
  const d0 = Math.abs(x - x0);
  const d1 = Math.abs(x - x1);
  if (Math.min(d0, d1) <= edgeReach) return d0 <= d1 ? "from" : "to";
  const whole = state.from <= firstDay && state.to >= lastDay; /* nowhere to move: draw a new one */
  return inside && !whole ? "move" : "new";
}

function stripClampDay(day) { return Math.min(lastDay, Math.max(firstDay, Math.round(day))); }

function stripPointerDown(event) {
  if (event.button !== 0 || state.from === null || !timelineData.width) return;
  event.preventDefault();
  timeline.stop();
  const g = stripGeometry();
  const x = stripPointerX(event);
  const drag = timelineDrag;
  drag.mode = stripHit(x, event.pointerType === "touch");
  drag.pointer = event.pointerId;
  drag.from = state.from;
  drag.to = state.to;
  drag.startX = x;
  drag.moved = false;
  drag.anchor = stripClampDay(g.dayAt(x));
  drag.offset = g.dayAt(x) - state.from;
  try { timelineUi.svg.setPointerCapture(event.pointerId); } catch (err) { /* pointer already gone */ }
  timelineUi.svg.setAttribute("data-drag", drag.mode);
}

function stripPointerMove(event) {
  const drag = timelineDrag;
  const x = stripPointerX(event);
  if (drag.mode === null) {
    if (state.from !== null && timelineData.width) timelineUi.svg.setAttribute("data-hover", stripHit(x, false));
    return;
  }
  if (event.pointerId !== drag.pointer) return;
  if (!drag.moved && Math.abs(x - drag.startX) < 3) return;
  drag.moved = true;
  const g = stripGeometry();
  const at = g.dayAt(x);
  const width = drag.to - drag.from;
  if (drag.mode === "move") {
    const from = Math.min(lastDay - width, Math.max(firstDay, Math.round(at - drag.offset)));
    drag.from = from;
    drag.to = from + width;
  } else if (drag.mode === "new") {
    const a = drag.anchor;
    const b = stripClampDay(at);
    drag.from = Math.min(a, b);
    drag.to = Math.max(drag.from, Math.max(a, b) - 1);
  } else {
    const edge = stripClampDay(at);
    if (drag.mode === "from") {
      if (edge > drag.to) { drag.mode = "to"; drag.from = drag.to; drag.to = Math.max(drag.from, edge - 1); }
      else drag.from = edge;
    } else if (edge - 1 < drag.from) { drag.mode = "from"; drag.to = drag.from; drag.from = edge; }
    else drag.to = edge - 1;
  }
  stripDrawWindow();
  stripDragApply();
}

/* Filter with the dragged window: live (setWindow itself filters at most every 120 ms on large graphs). */
function stripDragApply() {
  const drag = timelineDrag;
  if (drag.from !== state.from || drag.to !== state.to) setWindow(drag.from, drag.to);
}

function stripPointerUp(event) {
  const drag = timelineDrag;
  if (drag.mode === null || (event.pointerId !== undefined && event.pointerId !== drag.pointer)) return;
  if (!drag.moved && drag.mode === "new" && event.type === "pointerup") {
    const u = timelineData.calendar.of(drag.anchor); /* a click on the chart: that unit */
    drag.from = stripClampDay(stripUnitStart(u));
    drag.to = stripClampDay(stripUnitEnd(u));
    drag.moved = true;
  }
  const moved = drag.moved;
  const from = drag.from;
  const to = drag.to;
  drag.mode = null;
  timelineUi.svg.removeAttribute("data-drag");
  if (moved && (from !== state.from || to !== state.to)) setWindow(from, to);
  syncTime();
}

/* ---- step and play ---- */

function stripPlayMs() {
  const ms = Number(stripRoot.dataset.playMs);
  return Number.isFinite(ms) && ms > 0 ? ms : STRIP_PLAY_MS;
}

function stripPlayFrame() {
  const p = timelinePlay;
  const from = Math.max(firstDay, stripUnitStart(p.unit));
  const to = Math.min(lastDay, stripUnitEnd(p.unit, p.width));
  p.applying = true;
  try { setWindow(from, to); } finally { p.applying = false; }
  p.from = state.from;
  p.to = state.to;
  syncTime();
}

function stripPlayTick() {
  const p = timelinePlay;
  p.timer = -1; /* playing while the next frame is applied */
  if (state.from !== p.from || state.to !== p.to) { timeline.stop(); return; } /* moved by someone else */
  p.unit += 1;
  stripPlayFrame();
  if (p.unit >= p.endUnit) { timeline.stop(); return; }
  p.timer = setTimeout(stripPlayTick, stripPlayMs());
}

function stripShowPlaying(on) {
  if (!timelineUi.play) return;
  timelineUi.play.textContent = on ? "Pause" : "Play";
  timelineUi.play.setAttribute("aria-pressed", on ? "true" : "false");
  if (on) stripRoot.dataset.playing = "1";
  else delete stripRoot.dataset.playing;
}

const timeline = {
  unit: timelineData.unit, /* "year", "month" or "day"; null without dated relations */
  /* Move the window by whole units (its calendar width kept; it stops at either end). */
  step(units) {
    if (firstDay === null || state.from === null || !units) return;
    const n = Math.trunc(Number(units)) || 0;
    if (!n || (n > 0 && state.to >= lastDay) || (n < 0 && state.from <= firstDay)) return;
    let from = timelineData.calendar.add(state.from, n);
    let to = timelineData.calendar.add(state.to, n);
    if (to > lastDay) { to = lastDay; from = Math.max(firstDay, lastDay - (state.to - state.from)); }
    if (from < firstDay) { from = firstDay; to = Math.min(lastDay, firstDay + (state.to - state.from)); }
    setWindow(from, to);
    syncTime();
  },
  /* Move a window of `width` units one unit per step to the end: from the window's start unit
   * when the window is narrower than the whole span, else from the first unit. */
  play(width) {
    if (firstDay === null) return;
    timeline.stop();
    const d = timelineData;
    const w = STRIP_WIDTHS.indexOf(Number(width)) >= 0 ? Number(width) : Math.max(1, Math.round(Number(width)) || 1);
    if (timelineUi.widthSelect && STRIP_WIDTHS.indexOf(w) >= 0) timelineUi.widthSelect.value = String(w);
    const p = timelinePlay;
    p.width = w;
    p.endUnit = Math.max(d.firstUnit, d.lastUnit - w + 1);
    const whole = state.from <= firstDay && state.to >= lastDay;
    const startUnit = d.calendar.of(state.from);
    p.unit = !whole && startUnit < p.endUnit ? startUnit : d.firstUnit;
    stripShowPlaying(true);
    p.timer = -1; /* playing while the first frame is applied */
    stripPlayFrame();
    if (p.timer === null) return; /* stopped meanwhile */
    if (p.unit >= p.endUnit) { timeline.stop(); return; }
    p.timer = setTimeout(stripPlayTick, stripPlayMs());
  },
  stop() {
    if (timelinePlay.timer !== null && timelinePlay.timer !== -1) clearTimeout(timelinePlay.timer);
    timelinePlay.timer = null;
    stripShowPlaying(false);
  },
  playing: () => timelinePlay.timer !== null,
  redraw: () => { redrawStrip(true); } /* recount and redraw everything (for timing it) */
};

document.addEventListener("keydown", (event) => {
  if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target;
  if (target && target.nodeType === 1 && (/^(input|select|textarea)$/i.test(target.tagName) || target.isContentEditable)) return;
  if (firstDay === null) return;
  event.preventDefault();
  timeline.stop();
  timeline.step(event.key === "ArrowLeft" ? -1 : 1);
});

stripBuild();
onApply.push(redrawStrip);
