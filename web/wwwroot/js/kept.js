// The last figures of each group, kept in the browser (localStorage) so that a page loaded while its
// server cannot be reached shows them, marked stale with their time, until it connects. A group keeps
// its last snapshot and the newest update of each key that is not the group itself (a hotline line);
// an update of the group's own key (city, county:<code>, alerts) is a whole snapshot and replaces it.
const PREFIX = "dashboard.kept.";

function read(group) {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + group) ?? "null");
  } catch {
    return null;
  }
}

function write(group, kept) {
  try {
    localStorage.setItem(PREFIX + group, JSON.stringify(kept));
  } catch {
    // Storage full or disabled: the page works as before, it just has nothing to show offline.
  }
}

export function keep(group, key, data, snapshot) {
  if (snapshot || key === group) {
    write(group, { at: Date.now(), snapshot: data, updates: {} });
    return;
  }
  const kept = read(group);
  if (!kept) return;
  kept.updates[key] = data;
  kept.at = Date.now();
  write(group, kept);
}

// Calls replay(key, data, snapshot, at) for the kept snapshot of the group and then its kept updates.
export function replayKept(group, replay) {
  const kept = read(group);
  if (!kept?.snapshot) return;
  replay(group, kept.snapshot, true, kept.at);
  for (const [key, data] of Object.entries(kept.updates)) replay(key, data, false, kept.at);
}

// Signing out of a shared console leaves nothing behind.
export function forgetKept() {
  try {
    Object.keys(localStorage).filter(key => key.startsWith(PREFIX)).forEach(key => localStorage.removeItem(key));
  } catch {
    // Nothing was kept.
  }
}
