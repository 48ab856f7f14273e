// A live subscription to the dashboard hub: snapshots on (re)connect, then newer versions only.
// The connection retries forever with capped, jittered backoff, so an unattended wall recovers
// from a server restart or a network cut without anyone touching it.

import { checkSession, signedOut } from "./session.js";
import { keep, replayKept } from "./kept.js";
import { replayDay } from "./replay.js";

// ?protocol=messagepack: the hub's binary protocol, the same shapes in about a fifth fewer bytes.
export const messagePack = new URLSearchParams(location.search).get("protocol") === "messagepack";

const MAX_DELAY_MS = 30_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

// Milliseconds until just after the next midnight in Asia/Shanghai (UTC+8, no daylight saving).
function untilBeijingMidnight() {
  const now = Date.now();
  const nextMidnight = Math.floor((now + BEIJING_OFFSET_MS) / DAY_MS + 1) * DAY_MS - BEIJING_OFFSET_MS;
  return nextMidnight - now + 2000;
}

function retryDelay(attempt) {
  const base = Math.min(MAX_DELAY_MS, 500 * 2 ** Math.min(attempt, 6));
  return base / 2 + Math.random() * base / 2;
}

// groups: subscribed on every (re)connect; a failure of any of them restarts the connection.
// optionalGroups: served by parts of the server that may be missing (alerts); a failure is reported to
// onUnavailable and the group is tried again at the next refresh, while the rest keeps working.
// refreshEveryMs: snapshots are fetched again this often, so figures are confirmed even when nothing
// changes and a connection that died silently stops confirming them.
// onData(key, data, { group, snapshot, kept }) gets every snapshot and newer update: group is the
// subscription it came through, snapshot tells a group's whole state (on connect, refresh, midnight) from
// a change to it, so that a page fetches what changes rarely (targets, trends) only with snapshots.
// Before connecting it gets the figures kept from the last visit (kept: true), so a page loaded while
// the server is unreachable is not blank. freshness (freshness.js), when given, is told which figures
// the server confirmed and which were only kept.
export function connect({ groups, optionalGroups = [], onData, onState, onUnavailable = () => {}, refreshEveryMs = 0, freshness = null }) {
  if (replayDay) {
    replay(groups, onData, onState, freshness);
    return null;
  }

  const versions = new Map();
  const held = new Map();
  // Updates with changes that came before their group's first snapshot: the newest version per key.
  const early = new Map();
  const resyncing = new Set();
  const all = [...groups, ...optionalGroups];
  const builder = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/dashboard")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => retryDelay(ctx.previousRetryCount) });
  if (messagePack) builder.withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol());
  const connection = builder.build();

  const groupOf = key => (all.includes(key) ? key : all.find(group => key.startsWith(`${group}:`)) ?? key);

  const receive = (key, data, group, snapshot) => {
    held.set(key, data);
    keep(group, key, data, snapshot);
    freshness?.confirm(group);
    onData(key, data, { group, snapshot, kept: false });
  };

  for (const group of all) {
    replayKept(group, (key, data, snapshot, at) => {
      freshness?.restore(group, at);
      onData(key, data, { group, snapshot, kept: true });
    });
  }

  // The server closes a connection whose display token or account was revoked, and says so first.
  connection.on("signedOut", reason => signedOut(reason));

  // An update with changes carries in its list only the entries that changed after changes.since; the
  // rest are taken from what this page holds. One that comes before the group's first snapshot is
  // noted, and the snapshot is taken again if it turns out older; holding an older version than
  // changes.since, an update was missed and a fresh snapshot is taken (once at a time per group).
  const resync = group => {
    if (resyncing.has(group)) return;
    resyncing.add(group);
    subscribe(group, false).catch(() => {}).finally(() => resyncing.delete(group));
  };

  connection.on("update", update => {
    const version = versions.get(update.key) ?? -1;
    if (update.version <= version) return;
    const { changes } = update;
    if (changes && !held.has(update.key)) {
      early.set(update.key, Math.max(update.version, early.get(update.key) ?? -1));
      return;
    }
    if (changes && version < changes.since) {
      resync(groupOf(update.key));
      return;
    }
    versions.set(update.key, update.version);
    receive(update.key, changes ? merged(held.get(update.key), update.data, changes) : update.data, groupOf(update.key), false);
  });

  // After a (re)connect a snapshot is current by definition: after a server restart versions may start
  // lower. A periodic refresh may cross an update already applied, so it never goes back in version.
  const subscribe = async (group, afterConnect) => {
    const snapshot = await connection.invoke("SubscribeChanges", group);
    if (afterConnect || snapshot.version >= (versions.get(group) ?? -1)) {
      versions.set(group, snapshot.version);
      receive(group, snapshot, group, true);
    }
    if ((early.get(group) ?? -1) > snapshot.version) resync(group);
    early.delete(group);
  };

  const subscribeAll = async afterConnect => {
    for (const group of groups) await subscribe(group, afterConnect);
    onState("connected");
    for (const group of optionalGroups) {
      try {
        await subscribe(group, afterConnect);
      } catch (error) {
        if (connection.state !== signalR.HubConnectionState.Connected) throw error;
        onUnavailable(group, error);
      }
    }
  };

  const start = async (attempt = 0) => {
    onState("connecting");
    try {
      await connection.start();
      await subscribeAll(true);
    } catch {
      if (connection.state === signalR.HubConnectionState.Connected) await connection.stop();
      await checkSession();
      setTimeout(() => start(attempt + 1), retryDelay(attempt));
    }
  };

  connection.onreconnecting(() => onState("connecting"));
  connection.onreconnected(() => subscribeAll(true).catch(() => connection.stop()));
  connection.onclose(() => { onState("disconnected"); setTimeout(() => start(), retryDelay(0)); });

  const refresh = () => {
    if (connection.state === signalR.HubConnectionState.Connected) subscribeAll(false).catch(() => connection.stop());
  };

  // "Today" figures restart at midnight even when nothing happens, so a wall takes fresh snapshots then.
  const atMidnight = () => setTimeout(() => {
    refresh();
    atMidnight();
  }, untilBeijingMidnight());

  start();
  atMidnight();
  if (refreshEveryMs > 0) setInterval(refresh, refreshEveryMs);
  return connection;
}

function merged(kept, data, { list, by }) {
  const fresh = new Map(data[list].map(entry => [entry[by], entry]));
  return { ...data, [list]: kept[list].map(entry => fresh.get(entry[by]) ?? entry) };
}

// A past day: each group's figures as the day ended, once. Optional groups (alerts) are live only.
async function replay(groups, onData, onState, freshness) {
  freshness?.replay(replayDay);
  for (const group of groups) {
    const response = await fetch(`/api/v1/replay/${replayDay}/${encodeURIComponent(group)}`, { cache: "no-store" }).catch(() => null);
    if (response?.status === 401) {
      signedOut("expired");
      return;
    }
    if (!response?.ok) {
      const problem = await response?.json().catch(() => null);
      onState("replay-missing", problem?.detail ?? "服务器无法访问");
      return;
    }
    onData(group, await response.json(), { group, snapshot: true, kept: false });
  }
  onState("replay");
}
