// Every tile shows when the server last confirmed its figures; a tile not confirmed for longer than the
// configured age turns grey with a 数据过期 badge. Confirmed means received in a snapshot or an update
// while connected, so a silently dead connection shows up even when the connection badge looks fine.
// Figures kept from an earlier visit (kept.js) count as stale until the server confirms them.
// A tile's key is a group's name without its code: county:441881 confirms the tiles marked "county".
import * as format from "./format.js";

export function createFreshness(staleAfterSeconds) {
  const staleAfterMs = staleAfterSeconds * 1000;
  const confirmedAt = new Map();
  const onlyKept = new Set();
  const keyOf = group => group.split(":")[0];
  // Before its first figures a tile is given the same age from page load, so a wall just switched on is
  // not marked stale while it connects.
  const loadedAt = Date.now();
  const tiles = [];

  let replayed = null;

  const markTile = (tile, now) => {
    if (replayed) {
      tile.element.classList.remove("stale");
      tile.badge.hidden = true;
      tile.asOf.textContent = `回放 ${replayed} 日终`;
      return;
    }
    const at = confirmedAt.get(tile.key);
    const stale = onlyKept.has(tile.key) || now - (at ?? loadedAt) > staleAfterMs;
    tile.element.classList.toggle("stale", stale);
    tile.badge.hidden = !stale;
    tile.asOf.textContent = at === undefined ? "截至 --" : `截至 ${format.time(new Date(at).toISOString())}`;
  };

  // The as-of line and the badge are added once to the tile; a tile belongs to one data key.
  const track = (element, key) => {
    const footer = document.createElement("div");
    footer.className = "freshness";
    const badge = document.createElement("span");
    badge.className = "stale-badge";
    badge.textContent = "数据过期";
    badge.hidden = true;
    const asOf = document.createElement("span");
    asOf.className = "tile-as-of";
    footer.append(badge, asOf);
    element.append(footer);
    const tile = { element, key, badge, asOf };
    tiles.push(tile);
    markTile(tile, Date.now());
  };

  const mark = (key, at, kept) => {
    confirmedAt.set(key, at);
    if (kept) onlyKept.add(key);
    else onlyKept.delete(key);
    const now = Date.now();
    for (const tile of tiles) if (tile.key === key) markTile(tile, now);
  };
  const confirm = group => mark(keyOf(group), Date.now(), false);
  const restore = (group, at) => mark(keyOf(group), at, true);

  const check = () => {
    const now = Date.now();
    for (const tile of tiles) markTile(tile, now);
  };
  setInterval(check, Math.min(5000, staleAfterMs / 4));

  // A replayed day is never stale: it is the day's end, and says so on every tile.
  const replay = day => {
    replayed = day;
    check();
  };

  return { track, confirm, restore, replay, refreshEveryMs: staleAfterMs / 2 };
}
