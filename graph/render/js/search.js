/* search.js: find actors by name, alias or id (accents and case ignored); Enter picks the first. */

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

/* List up to 12 matches of the search box (best first) as buttons that select the actor. */
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
  if (!hits.length) { searchResults.appendChild(element("li", "none", "No actor matches.")); return; }
  hits.slice(0, 12).forEach(([, , i, via]) => {
    const item = element("li");
    const button = element("button", "", nodeCols.label[i]);
    button.type = "button";
    button.appendChild(element("small", "", (nodeTypeOf(nodeCols.type[i]).label || nodeCols.type[i]) +
                                            (via ? " · " + via : "")));
    button.addEventListener("click", () => { selectNodeAt(i, true); });
    item.appendChild(button);
    searchResults.appendChild(item);
  });
  state.firstHit = nodeCols.id[hits[0][2]];
}

searchInput.addEventListener("input", runSearch);
searchInput.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && state.firstHit !== null) { event.preventDefault(); selectNode(state.firstHit, true); }
});
