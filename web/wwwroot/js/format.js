// Numbers and times the Chinese way, in Beijing time whatever the wall's own time zone.

const integer = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0 });
const tenThousands = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 1 });

export function count(value) {
  if (value == null) return "--";
  return Math.abs(value) >= 100_000 ? `${tenThousands.format(value / 10_000)}万` : integer.format(value);
}

export function percent(value) {
  return value == null ? "--" : `${value.toFixed(1)}%`;
}

const clockFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit",
  weekday: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
});

const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
});

export function clock(date) {
  const parts = Object.fromEntries(clockFormat.formatToParts(date).map(part => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.weekday} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export function time(iso) {
  const date = new Date(iso);
  return date.getTime() <= 0 ? "--" : timeFormat.format(date);
}

const dayTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false,
});

// A moment of some day: 2026-12-05 14:03.
export function dayTime(iso) {
  if (!iso) return "--";
  const parts = Object.fromEntries(dayTimeFormat.formatToParts(new Date(iso)).map(part => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
