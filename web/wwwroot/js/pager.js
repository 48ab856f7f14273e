// A table longer than its tile, split into pages that turn by themselves: a wall runs unattended and
// nobody scrolls it. Pages are measured from the rows as laid out, so they fit whatever height the
// tile, the fonts and the screen give them; no row count is assumed.

// Rows may end this far past the window and still count as inside it (sub-pixel rounding).
const TOLERANCE_PX = 0.5;

// [first, end) row indexes per page, for rows that are all displayed. Bounding boxes are scaled with
// the stage, but only their ratios matter, so the measure holds at any screen size.
function measurePages(viewport, rows) {
  if (rows.length === 0) return [[0, 0]];
  const room = viewport.getBoundingClientRect().bottom - rows[0].getBoundingClientRect().top;
  const pages = [];
  let first = 0;
  let pageTop = rows[0].getBoundingClientRect().top;
  rows.forEach((row, index) => {
    const box = row.getBoundingClientRect();
    if (index > first && box.bottom - pageTop > room + TOLERANCE_PX) {
      pages.push([first, index]);
      first = index;
      pageTop = box.top;
    }
  });
  pages.push([first, rows.length]);
  return pages;
}

// viewport: the element that clips the table; body: its tbody; indicator: where "第 1/2 页" goes.
// The turn is one interval for the life of the page, so a wall running for days never piles up timers.
export function createPager({ viewport, body, indicator, turnEveryMs }) {
  let pages = [[0, 0]];
  let current = 0;

  const show = () => {
    const [first, end] = pages[current];
    [...body.rows].forEach((row, index) => { row.hidden = index < first || index >= end; });
    indicator.hidden = pages.length < 2;
    indicator.textContent = `第 ${current + 1}/${pages.length} 页`;
  };

  setInterval(() => {
    if (pages.length < 2) return;
    current = (current + 1) % pages.length;
    show();
  }, turnEveryMs);

  return {
    // New rows keep the page on show, so a live update does not send a wall back to page 1; only when
    // that page no longer exists does it start again at the first, which holds what needs attention.
    setRows(rows) {
      for (const row of rows) row.hidden = false;
      body.replaceChildren(...rows);
      pages = measurePages(viewport, rows);
      if (current >= pages.length) current = 0;
      show();
    },
  };
}
