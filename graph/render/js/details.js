/* details.js: the card with an actor's or a relation's facts, evidence and source.
 *
 * Every value goes in as text; only http(s) URLs inside it become links (with safe attributes).
 */

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

function safeUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (err) { return null; }
}

/* Append text to parent, its http(s) URLs as links. */
function richText(parent, text) {
  let last = 0;
  let match;
  URL_PATTERN.lastIndex = 0;
  while ((match = URL_PATTERN.exec(text)) !== null) {
    const raw = match[0].replace(/[.,;:!?)\]]+$/, "");
    const href = safeUrl(raw);
    if (!href) continue;
    parent.appendChild(document.createTextNode(text.slice(last, match.index)));
    const link = element("a", "", raw);
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    parent.appendChild(link);
    last = match.index + raw.length;
    URL_PATTERN.lastIndex = last;
  }
  parent.appendChild(document.createTextNode(text.slice(last)));
  return parent;
}

/* A label and its value in the list dl; empty values are left out. */
function addRow(dl, label, value, kind) {
  if (value === undefined || value === null || value === "") return;
  dl.appendChild(element("dt", "", label));
  const cell = element("dd");
  if (kind === "quote") cell.appendChild(richText(element("blockquote"), String(value)));
  else if (value instanceof Node) cell.appendChild(value);
  else richText(cell, typeof value === "number" ? formatNumber(value) : String(value));
  dl.appendChild(cell);
}

/* A button that selects the node with this id (plain text if there is none). */
function nodeLink(id) {
  const i = nodeIndexById.get(id);
  if (i === undefined) return document.createTextNode(id);
  const button = element("button", "link", nodeCols.label[i]);
  button.type = "button";
  button.addEventListener("click", () => { selectNodeAt(i, true); });
  return button;
}

/* The dataset's own extra columns, for row j. */
function addExtraRows(dl, columns, j) {
  Object.keys(columns).forEach((name) => { addRow(dl, name, columns[name][j]); });
}

/* Show the card with a coloured kind line and a title; return its emptied body. */
function openDetails(kind, color, title) {
  const kindEl = byId("details-kind");
  removeChildren(kindEl);
  const swatch = element("span", "swatch");
  swatch.style.background = color;
  kindEl.appendChild(swatch);
  kindEl.appendChild(document.createTextNode(kind));
  byId("details-title").textContent = title;
  const body = byId("details-body");
  removeChildren(body);
  byId("details").hidden = false;
  byId("hint").hidden = true;
  return body;
}

/* The dates of row j of columns: as written in the data, else from its day numbers. */
function dateText(columns, j) {
  if (columns.date !== undefined) {
    if (!columns.date[j]) return "";
    return columns.end_date[j] ? columns.date[j] + " to " + columns.end_date[j] : columns.date[j];
  }
  if (columns.t0[j] === null) return "";
  return columns.t0[j] === columns.t1[j] ? isoDay(columns.t0[j]) : isoDay(columns.t0[j]) + " to " + isoDay(columns.t1[j]);
}

function signText(sign) { return sign > 0 ? "cooperative" : sign < 0 ? "conflictual" : "neutral"; }

function addRelationRows(dl, r) {
  addRow(dl, "Date", dateText(relationCols, r));
  addRow(dl, "Description", relationCols.description[r]);
  addRow(dl, "Evidence", relationCols.evidence[r], "quote");
  addRow(dl, "Source", relationCols.citation[r]);
}

function showNodeDetails(i) {
  const type = nodeTypeOf(nodeCols.type[i]);
  const body = openDetails(type.label || nodeCols.type[i], type.color, nodeCols.label[i]);
  const dl = element("dl");
  addRow(dl, "Type", type.label || nodeCols.type[i]);
  addRow(dl, "ID", nodeCols.id[i]);
  addRow(dl, "Role", nodeCols.role[i]);
  if (nodeCols.country[i]) addRow(dl, "Country", nodeLink(nodeCols.country[i]));
  addRow(dl, "Aliases", nodeCols.aliases[i].split(";").map((alias) => alias.trim()).filter(Boolean).join(" · "));
  addRow(dl, "ISO3", nodeCols.iso3[i]);
  addRow(dl, "Description", nodeCols.description[i]);
  addRow(dl, "Relations", nodeCols.relations[i]);
  addRow(dl, "Partners", nodeCols.partners[i]);
  if (nodeCols.measure) addRow(dl, meta.sizeBy, nodeCols.measure[i]);
  addExtraRows(dl, nodeCols.extra, i);
  if (state.nodeHidden[i]) addRow(dl, "Note", "hidden by the current filters");
  body.appendChild(dl);
  const list = edgesOfNode[i];
  if (!list.length) return;
  body.appendChild(element("h3", "", (meta.aggregate ? "Links" : "Relations") + " (" + list.length + ")"));
  const listEl = element("ul", "rel-list");
  list.slice(0, 200).forEach((j) => {
    const outgoing = edgeFrom[j] === i;
    const other = outgoing ? edgeTo[j] : edgeFrom[j];
    const item = element("li");
    const button = element("button");
    button.type = "button";
    button.appendChild(document.createTextNode((outgoing ? "→ " : "← ") + nodeCols.label[other]));
    const when = dateText(edgeCols, j);
    button.appendChild(element("small", "", edgeCols.type[j] + (when ? " · " + when : "") +
                                            (meta.aggregate ? " · " + edgeCols.count[j] + "×" : "")));
    button.addEventListener("click", () => { selectEdgeAt(j); });
    item.appendChild(button);
    listEl.appendChild(item);
  });
  body.appendChild(listEl);
}

function showEdgeDetails(j) {
  const type = edgeTypeOf(edgeCols.type[j]);
  const joiner = type.directed ? " → " : " — ";
  const title = nodeCols.label[edgeFrom[j]] + joiner + nodeCols.label[edgeTo[j]];
  const kind = edgeCols.type[j] + (meta.aggregate ? " · " + edgeCols.count[j] + " relation(s)" : "");
  const body = openDetails(kind, type.color, title);
  const dl = element("dl");
  const ends = element("span");
  ends.appendChild(nodeLink(edgeCols.from[j]));
  ends.appendChild(document.createTextNode(joiner));
  ends.appendChild(nodeLink(edgeCols.to[j]));
  addRow(dl, "Type", edgeCols.type[j]);
  addRow(dl, "Meaning", type.meaning);
  addRow(dl, "Between", ends);
  addRow(dl, "Sign", signText(edgeCols.sign[j]));
  addRow(dl, "Weight", edgeCols.weight[j]);
  if (meta.aggregate) {
    addRow(dl, "Relations", edgeCols.count[j]);
    addRow(dl, "Dates", dateText(edgeCols, j));
    body.appendChild(dl);
    body.appendChild(element("h3", "", "Relations"));
    edgeCols.members[j].slice(0, 100).forEach((r) => {
      const box = element("div", "member");
      const memberDl = element("dl");
      addRelationRows(memberDl, r);
      addRow(memberDl, "ID", relationCols.id[r]);
      box.appendChild(memberDl);
      body.appendChild(box);
    });
    return;
  }
  addRelationRows(dl, j);
  addRow(dl, "ID", edgeCols.id[j]);
  addExtraRows(dl, edgeCols.extra, j);
  if (state.edgeHidden[j]) addRow(dl, "Note", "hidden by the current filters");
  body.appendChild(dl);
}
