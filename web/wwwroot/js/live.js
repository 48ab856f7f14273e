// A live subscription to the dashboard hub: snapshots on (re)connect, then newer versions only.
// The connection retries forever with capped, jittered backoff, so an unattended wall recovers
// from a server restart or a network cut without anyone touching it.

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

export function connect({ groups, onData, onState }) {
  const versions = new Map();
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/dashboard")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => retryDelay(ctx.previousRetryCount) })
    .build();

  const apply = (key, version, data) => {
    if (version <= (versions.get(key) ?? -1)) return;
    versions.set(key, version);
    onData(key, data);
  };

  connection.on("update", update => apply(update.key, update.version, update.data));

  const subscribeAll = async () => {
    for (const group of groups) {
      const snapshot = await connection.invoke("Subscribe", group);
      // A snapshot is current by definition: after a server restart versions may start lower.
      versions.set(group, snapshot.version);
      onData(group, snapshot);
    }
    onState("connected");
  };

  const start = async (attempt = 0) => {
    onState("connecting");
    try {
      await connection.start();
      await subscribeAll();
    } catch {
      if (connection.state === signalR.HubConnectionState.Connected) await connection.stop();
      setTimeout(() => start(attempt + 1), retryDelay(attempt));
    }
  };

  connection.onreconnecting(() => onState("connecting"));
  connection.onreconnected(() => subscribeAll().catch(() => connection.stop()));
  connection.onclose(() => { onState("disconnected"); setTimeout(() => start(), retryDelay(0)); });

  // "Today" figures restart at midnight even when nothing happens, so a wall takes fresh snapshots then.
  const atMidnight = () => setTimeout(() => {
    if (connection.state === signalR.HubConnectionState.Connected) subscribeAll().catch(() => connection.stop());
    atMidnight();
  }, untilBeijingMidnight());

  start();
  atMidnight();
  return connection;
}
