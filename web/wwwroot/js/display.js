// Display settings from the server (GET /api/v1/display): per-metric thresholds, the age after which a
// figure is stale, and the carousel. Every status is told in words as well as colour.

const RETRY_MS = 5000;

const WORDS = {
  higher: { ok: "正常", warn: "偏高", bad: "超限" },
  lower: { ok: "正常", warn: "偏低", bad: "不足" },
};

const RANK = { ok: 0, warn: 1, bad: 2 };

// Waits until the server answers: a wall may be switched on before the server is.
export async function loadDisplay() {
  for (;;) {
    try {
      const response = await fetch("/api/v1/display");
      if (response.ok) return await response.json();
    } catch {
      // The server is not up yet.
    }
    await new Promise(resolve => setTimeout(resolve, RETRY_MS));
  }
}

// { level: "ok" | "warn" | "bad", text } for a figure of a metric; unknown metrics count as normal.
export function judge(display, metric, value) {
  const threshold = display.thresholds[metric];
  if (!threshold || value == null) return { level: "ok", text: WORDS.higher.ok };
  const words = threshold.lowerIsWorse ? WORDS.lower : WORDS.higher;
  const beyond = limit => (threshold.lowerIsWorse ? value <= limit : value >= limit);
  const level = beyond(threshold.alarm) ? "bad" : beyond(threshold.warn) ? "warn" : "ok";
  return { level, text: words[level] };
}

// The worst of several judgements, with the item it belongs to (e.g. the county).
export function worst(items, judgementOf) {
  let result = null;
  for (const item of items) {
    const judgement = judgementOf(item);
    if (!result || RANK[judgement.level] > RANK[result.judgement.level]) result = { item, judgement };
  }
  return result;
}

// A status chip: a shape and a word besides the colour, so it reads without colour too.
const SHAPES = { ok: "●", warn: "▲", bad: "■" };

export function showStatus(element, judgement, prefix = "") {
  element.classList.remove("level-ok", "level-warn", "level-bad");
  element.classList.add("chip", `level-${judgement.level}`);
  element.dataset.level = judgement.level;
  element.textContent = `${SHAPES[judgement.level]} ${prefix}${judgement.text}`;
}
