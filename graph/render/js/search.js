/* search.js: find actors by name, alias or id, and relations by type or words of their quote or
 * description (accents and case ignored); Enter picks the first actor. */

const searchKeys = nodeCols.id.map((id, i) => {
  const aliases = nodeCols.aliases[i].split(";").map((alias) => alias.trim()).filter(Boolean);
  return { label: fold(nodeCols.label[i]), id: fold(id), aliases: aliases, foldedAliases: aliases.map(fold) };
});
const searchInput = byId("search");
const searchResults = byId("search-results");

/* Rank: 0 the name starts with the query, 1 the name contains it, 2 an alias does, 3 the id. */
function searchRank(key, query, i) {
  if (key.label.indexOf(query) === 0) return [0, ""];
  if (key.label.indexOf(query) > 0) return [1, ""];
  for (let a = 0; a < key.aliases.length; a++) {
    if (key.foldedAliases[a].indexOf(query) >= 0) return [2, key.aliases[a]];
  }
  if (key.id.indexOf(query) >= 0) return [3, nodeCols.id[i]];
  return [-1, ""];
}

let relationKeys = null; /* folded "type description evidence" per relation, made on first search */

/* Relations whose type starts with the query or whose text has every word of it. */
function findRelations(query) {
  if (relationKeys === null) {
    relationKeys = relCols.id.map((_, r) => fold(relCols.type[r] + " " + relCols.description[r] + " " + relCols.evidence[r]));
  }
  const words = query.split(/\s+/).filter((word) => word.length > 1);
  if (!words.length) return [];
  const hits = [];
  for (let r = 0; r < relCount && hits.length < 200; r++) {
    const key = relationKeys[r];
    if (fold(relCols.type[r]).indexOf(query) === 0 || words.every((word) => key.indexOf(word) >= 0)) hits.push(r);
  }
  return hits.sort(byDate);
}

function resultButton(text, detail, onClick) {
  const item = element("li");
  const button = textButton(text, "", onClick);
  if (detail) button.appendChild(element("small", "", detail));
  item.appendChild(button);
  return item;
}

/* List up to 10 actors and 8 relations matching the search box, best first. */
function runSearch() {
  const query = fold(searchInput.value.trim());
  removeChildren(searchResults);
  state.firstHit = null;
  if (!query) return;
  const hits = []; /* [rank, folded label, node index, the alias or id that matched] */
  for (let i = 0; i < nodeCount; i++) {
    const [rank, via] = searchRank(searchKeys[i], query, i);
    if (rank >= 0) hits.push([rank, searchKeys[i].label, i, via]);
  }
  hits.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] - y[2]));
  hits.slice(0, 10).forEach(([, , i, via]) => {
    searchResults.appendChild(resultButton(nodeCols.label[i], nodeTypeLabel(i) + (via ? " · " + via : ""), () => { selectNodeAt(i, true); }));
  });
  if (hits.length) state.firstHit = nodeCols.id[hits[0][2]];
  const relations = findRelations(query);
  if (relations.length) {
    searchResults.appendChild(element("li", "group", "Relations (" + (relations.length >= 200 ? "200+" : relations.length) + ")"));
    relations.slice(0, 8).forEach((r) => {
      const when = dateText(r);
      searchResults.appendChild(resultButton(nodeCols.label[relFrom[r]] + (relDirected[r] ? " → " : " — ") + nodeCols.label[relTo[r]],
        relCols.type[r] + (when ? " · " + when : ""), () => { selectRelationAt(r); }));
    });
  }
  if (!hits.length && !relations.length) searchResults.appendChild(element("li", "none", "No actor or relation matches."));
}

searchInput.addEventListener("input", runSearch);
searchInput.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && state.firstHit !== null) { event.preventDefault(); selectNode(state.firstHit, true); }
});
