// Chart.js set up for screens that run for days: charts are created once and only their data arrays
// change (update("none"), no animation), and they are sized in the stage's layout pixels.
import { fitToScreen } from "./page.js";

let defaultsSet = false;

function setDefaults() {
  if (defaultsSet) return;
  defaultsSet = true;
  Chart.defaults.color = "#8ea6cf";
  Chart.defaults.font.size = 18;
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.animation = false;
}

// Chart.js measures its box on screen, which the stage's scale transform distorts; the box is sized in
// layout pixels instead (fitCharts), so the canvas never feeds back into the layout.
export function createChart(canvas, config) {
  setDefaults();
  return new Chart(canvas, {
    ...config,
    options: { ...config.options, animation: false, responsive: false, maintainAspectRatio: false },
  });
}

// Scales the stage to the screen and draws every chart at the screen's real resolution.
// A chart's box may also change with the layout (a table filling up above it), hence the observer; the
// canvas is positioned absolutely in its box, so resizing it never changes the box again.
export function fitCharts(charts) {
  let scale = fitToScreen();
  const size = chart => {
    const box = chart.canvas.parentElement;
    chart.options.devicePixelRatio = window.devicePixelRatio * scale;
    chart.resize(box.clientWidth, box.clientHeight);
  };
  const observer = new ResizeObserver(entries => {
    for (const entry of entries) size(charts.find(chart => chart.canvas.parentElement === entry.target));
  });
  for (const chart of charts) {
    size(chart);
    observer.observe(chart.canvas.parentElement);
  }
  window.addEventListener("resize", () => {
    scale = fitToScreen();
    charts.forEach(size);
  });
}

// Replaces the contents of a chart's fixed-length array in place: no new arrays per update.
export function fillSeries(target, values) {
  for (let i = 0; i < target.length; i++) target[i] = values[i] ?? null;
}
