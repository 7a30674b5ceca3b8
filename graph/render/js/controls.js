/* controls.js: the view controls (links, size by, colour by, boxes), zoom buttons, the drawers
 * of small screens, and keys. */

const undatedInput = byId("show-undated");
const isolatedInput = byId("hide-isolated");
const automaticInput = byId("show-automatic");
const collapseInput = byId("collapse");
const sizeSelect = byId("size-by");
const colorSelect = byId("color-by");
const linkRadios = Array.from(document.querySelectorAll("input[name='links']"));

meta.measures.forEach((m) => {
  const option = element("option", "", m.label);
  option.value = m.name;
  if (m.description) option.title = m.description;
  sizeSelect.appendChild(option);
});
Object.keys(meta.colorChoices).forEach((name) => {
  const option = element("option", "", meta.colorChoices[name]);
  option.value = name;
  colorSelect.appendChild(option);
});
byId("undated-label").textContent = "Show undated relations (" + meta.undated.toLocaleString("en") + ")";
byId("automatic-label").textContent = "Show automatic actor → state links (" + meta.automatic.toLocaleString("en") + ")";
automaticInput.closest("label").hidden = meta.automatic === 0;
undatedInput.closest("label").hidden = meta.undated === 0;
let canGroup = false;
for (let i = 0; i < nodeCount && !canGroup; i++) {
  const home = nodeIndexById.get(nodeCols.country[i]);
  canGroup = home !== undefined && home !== i && nodeCols.type[home] === "state" && nodeCols.type[i] !== "state";
}
byId("collapse-row").hidden = !canGroup;

/* Show the state on the controls (after setState or reset). */
function syncControls() {
  linkRadios.forEach((radio) => { radio.checked = radio.value === state.links; });
  syncLayoutControls();
  sizeSelect.value = state.sizeBy;
  colorSelect.value = state.colorBy;
  undatedInput.checked = state.undated;
  isolatedInput.checked = state.isolated;
  automaticInput.checked = state.automatic;
  collapseInput.checked = state.collapse;
  edgeTypeBoxes.forEach((box, name) => { box.checked = state.edgeOn.get(name) !== false; });
  nodeTypeBoxes.forEach((box, name) => { box.checked = state.nodeOn.get(name) !== false; });
}

function changed() { applyFilters(); showDetails(); }
linkRadios.forEach((radio) => radio.addEventListener("change", () => {
  if (!radio.checked) return;
  state.links = radio.value;
  if (state.selection && state.selection.kind !== "node") state.selection = null;
  changed();
}));
sizeSelect.addEventListener("change", () => { state.sizeBy = sizeSelect.value; changed(); });
colorSelect.addEventListener("change", () => { state.colorBy = colorSelect.value; changed(); });
undatedInput.addEventListener("change", () => { state.undated = undatedInput.checked; changed(); });
isolatedInput.addEventListener("change", () => { state.isolated = isolatedInput.checked; changed(); });
automaticInput.addEventListener("change", () => { state.automatic = automaticInput.checked; changed(); });
collapseInput.addEventListener("change", () => {
  state.collapse = collapseInput.checked;
  state.expanded.clear();
  state.selection = null;
  changed();
});

/* Zoom buttons and keys. */
function zoomBy(factor) {
  network.moveTo({ scale: Math.min(8, Math.max(0.02, network.getScale() * factor)), animation: { duration: 200 } });
}
/* Fit the actors drawn now (hidden ones, such as isolated actors, keep no room). */
function fitShown(animation) {
  const ids = [];
  for (let i = 0; i < nodeCount; i++) if (view.nodeShown[i]) ids.push(i);
  const options = { animation: animation, maxZoomLevel: 2.5 };
  if (ids.length) options.nodes = ids;
  if (state.layout !== "map") { network.fit(options); return; }
  options.animation = false; /* on the map, leave a margin for the band's caption and labels */
  network.fit(options);
  network.moveTo({ scale: network.getScale() * 0.9, position: network.getViewPosition(), animation: animation });
}
function fitView() { fitShown({ duration: 250 }); }
byId("zoom-in").addEventListener("click", () => { zoomBy(1.4); });
byId("zoom-out").addEventListener("click", () => { zoomBy(1 / 1.4); });
byId("zoom-fit").addEventListener("click", fitView);

/* Small screens: the filters and the details are drawers over the graph. */
const panel = byId("panel");
const openPanelButton = byId("open-panel");
function setPanelOpen(open) {
  panel.classList.toggle("open", open);
  openPanelButton.setAttribute("aria-expanded", open ? "true" : "false");
}
function openDrawer(which) {
  if (which === "panel") setPanelOpen(true);
  else if (window.matchMedia("(max-width: 760px)").matches) setPanelOpen(false);
}
openPanelButton.addEventListener("click", () => { setPanelOpen(!panel.classList.contains("open")); });
byId("close-panel").addEventListener("click", () => { setPanelOpen(false); });
byId("help").addEventListener("click", () => {
  const help = byId("help-text");
  help.hidden = !help.hidden;
  byId("help").setAttribute("aria-expanded", help.hidden ? "false" : "true");
});

function typing(target) {
  return target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA" || target.isContentEditable);
}
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
  if (event.key === "+" || event.key === "=") zoomBy(1.4);
  else if (event.key === "-") zoomBy(1 / 1.4);
  else if (event.key === "0") fitView();
  else if (event.key === "Escape") { setPanelOpen(false); clearSelection(); }
  else return;
  event.preventDefault();
});
