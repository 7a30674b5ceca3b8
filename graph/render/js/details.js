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
  return textButton(nodeCols.label[i], "link", () => { selectNodeAt(i, true); });
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

/* The dates of relation r as written in the data. */
function dateText(r) {
  if (!relCols.date[r]) return "";
  return relCols.end_date[r] ? relCols.date[r] + " to " + relCols.end_date[r] : relCols.date[r];
}

function signText(sign) { return sign > 0 ? "cooperative" : sign < 0 ? "conflictual" : "neutral"; }

function addRelationRows(dl, r) {
  addRow(dl, "Date", dateText(r));
  addRow(dl, "Description", relCols.description[r]);
  addRow(dl, "Evidence", relCols.evidence[r], "quote");
  addRow(dl, "Source", relCols.citation[r]);
}

/* A small line: a swatch of the relation type's colour, the type, the dates, the sign. */
function relationLine(r) {
  const line = element("span", "rel-line");
  const swatch = element("span", "swatch");
  swatch.style.background = edgeTypeOf(relCols.type[r]).color;
  line.appendChild(swatch);
  line.appendChild(element("b", "", relCols.type[r]));
  const when = dateText(r);
  line.appendChild(document.createTextNode((when ? " · " + when : " · undated") + " · " + signText(relCols.sign[r])));
  if (!view.relShown[r]) line.appendChild(element("em", "", " · hidden by the filters"));
  return line;
}

function focusButtons(i) {
  const row = element("div", "depth-row");
  row.appendChild(element("span", "", "Focus depth"));
  [1, 2, 3].forEach((depth) => {
    const button = textButton(String(depth), "depth" + (state.depth === depth ? " on" : ""), () => {
      state.depth = depth;
      applyFilters();
      showDetails();
    });
    button.setAttribute("aria-pressed", state.depth === depth ? "true" : "false");
    button.setAttribute("aria-label", "Focus depth " + depth);
    row.appendChild(button);
  });
  return row;
}

function showNodeDetails(i) {
  const type = nodeTypeOf(nodeCols.type[i]);
  const body = openDetails(nodeTypeLabel(i), type.color, nodeCols.label[i]);
  const dl = element("dl");
  addRow(dl, "ID", nodeCols.id[i]);
  addRow(dl, "Role", nodeCols.role[i]);
  if (nodeCols.country[i]) addRow(dl, "Country", nodeLink(nodeCols.country[i]));
  addRow(dl, "Aliases", nodeCols.aliases[i].split(";").map((alias) => alias.trim()).filter(Boolean).join(" · "));
  addRow(dl, "ISO3", nodeCols.iso3[i]);
  addRow(dl, "Description", nodeCols.description[i]);
  addRow(dl, "Relations", nodeCols.relations[i]);
  meta.measures.forEach((m) => { addRow(dl, m.label, nodeCols.measures[m.name][i]); });
  if (nodeCols.community[i] >= 0) addRow(dl, "Community", nodeCols.community[i] + 1);
  addExtraRows(dl, nodeCols.extra, i);
  const members = groupedInto(i);
  if (members.length) {
    addRow(dl, "Grouped here", members.map((m) => nodeCols.label[m]).join(" · "));
    addRow(dl, "", textButton("Show its actors apart", "link", () => { state.expanded.add(i); applyFilters(); showDetails(); }));
  }
  if (!view.nodeShown[i]) addRow(dl, "Note", "hidden by the current filters");
  body.appendChild(dl);
  body.appendChild(focusButtons(i));
  const reached = Array.from(view.reachedVia.entries()).filter(([j]) => j !== i)
    .sort((x, y) => x[1][0] - y[1][0] || (nodeCols.label[x[0]] < nodeCols.label[y[0]] ? -1 : 1));
  if (state.depth > 1 && reached.length) {
    body.appendChild(element("h3", "", "In focus (" + reached.length + ")"));
    const list = element("ul", "rel-list reach");
    reached.forEach(([j, [depth, via]]) => {
      const item = element("li");
      item.appendChild(nodeLink(nodeCols.id[j]));
      item.appendChild(element("small", "", depth === 1 ? "direct" : "step " + depth + ", through " + nodeCols.label[via]));
      list.appendChild(item);
    });
    body.appendChild(list);
  }
  const pairs = pairsOfNode[view.drawnAs[i]].slice().sort((a, b) => byDate(relsOfPair[a][0], relsOfPair[b][0]));
  if (!pairs.length) return;
  body.appendChild(element("h3", "", "Relations by partner, in date order"));
  const listEl = element("ul", "rel-list");
  pairs.slice(0, 200).forEach((k) => {
    const other = otherEnd(k, view.drawnAs[i]);
    const item = element("li");
    const head = textButton(nodeCols.label[other] + " (" + relsOfPair[k].length + ")", "partner", () => { selectPairAt(k); });
    item.appendChild(head);
    const sub = element("ul", "sub");
    relsOfPair[k].slice(0, 50).forEach((r) => {
      const li = element("li");
      const button = textButton("", "", () => { selectRelationAt(r); });
      button.appendChild(relationLine(r));
      li.appendChild(button);
      sub.appendChild(li);
    });
    item.appendChild(sub);
    listEl.appendChild(item);
  });
  body.appendChild(listEl);
}

function showPairDetails(k) {
  const kind = view.pairShown[k] ? pairKind(k) : "no visible relation";
  const body = openDetails("Pair · " + kind, view.pairShown[k] ? kindColor(kind) : "#c3cad3", pairLabel(k));
  const dl = element("dl");
  const ends = element("span");
  ends.appendChild(nodeLink(nodeCols.id[pairA[k]]));
  ends.appendChild(document.createTextNode(" — "));
  ends.appendChild(nodeLink(nodeCols.id[pairB[k]]));
  addRow(dl, "Between", ends);
  addRow(dl, "Relations", view.pairShown[k] + " shown of " + relsOfPair[k].length);
  addRow(dl, "Net sign", Math.round(view.pairNet[k] * 1000) / 1000);
  addRow(dl, "Cooperative", view.pairPos[k]);
  addRow(dl, "Conflictual", view.pairNeg[k]);
  body.appendChild(dl);
  body.appendChild(element("h3", "", "Relations in date order"));
  const list = element("ol", "pair-list");
  relsOfPair[k].forEach((r) => {
    const item = element("li", view.relShown[r] ? "" : "off");
    const head = textButton("", "rel-head", () => { selectRelationAt(r); });
    head.appendChild(relationLine(r));
    const s = relFrom[r], t = relTo[r];
    head.appendChild(element("small", "", nodeCols.label[s] + (relDirected[r] ? " → " : " — ") + nodeCols.label[t]));
    item.appendChild(head);
    const rows = element("dl");
    addRow(rows, "Description", relCols.description[r]);
    addRow(rows, "Evidence", relCols.evidence[r], "quote");
    addRow(rows, "Source", relCols.citation[r]);
    item.appendChild(rows);
    list.appendChild(item);
  });
  body.appendChild(list);
}

function showRelationDetails(r) {
  const type = edgeTypeOf(relCols.type[r]);
  const joiner = type.directed ? " → " : " — ";
  const body = openDetails("Relation · " + relCols.type[r], type.color, nodeCols.label[relFrom[r]] + joiner + nodeCols.label[relTo[r]]);
  const dl = element("dl");
  const ends = element("span");
  ends.appendChild(nodeLink(relCols.from[r]));
  ends.appendChild(document.createTextNode(joiner));
  ends.appendChild(nodeLink(relCols.to[r]));
  addRow(dl, "Type", relCols.type[r]);
  addRow(dl, "Meaning", type.meaning);
  addRow(dl, "Between", ends);
  addRow(dl, "Sign", signText(relCols.sign[r]));
  addRow(dl, "Weight", relCols.weight[r]);
  addRelationRows(dl, r);
  addRow(dl, "ID", relCols.id[r]);
  addExtraRows(dl, relCols.extra, r);
  if (relAuto[r]) addRow(dl, "Note", "added by the importer from the actor coding");
  if (!view.relShown[r]) addRow(dl, "Note", "hidden by the current filters");
  const k = relPair[r];
  addRow(dl, "Pair", textButton("All " + relsOfPair[k].length + " relations of " + pairLabel(k), "link", () => { selectPairAt(k); }));
  body.appendChild(dl);
}

/* Show the card for the current selection (or hide it). */
function showDetails() {
  const sel = state.selection;
  if (!sel) { byId("details").hidden = true; byId("hint").hidden = !byId("empty").hidden; return; }
  if (sel.kind === "node") showNodeDetails(sel.index);
  else if (sel.kind === "pair") showPairDetails(sel.index);
  else showRelationDetails(sel.index);
}
