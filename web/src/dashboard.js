// The review console's dashboard: draws each chart of the page's data block
// (the server's numbers, also in each chart's table and CSV) with Chart.js.
// Loaded only by /dashboard, whose Content-Security-Policy allows this one
// script from the console itself.
import Chart from "chart.js/auto";

// Colours with enough contrast on white, told apart by more than hue alone
// (the table under each chart gives the numbers in words).
const PALETTE = ["#1f3b57", "#b45309", "#15803d", "#7e22ce", "#be123c", "#0e7490", "#4d7c0f", "#a16207"];

function datasets(chart) {
  return Object.entries(chart.series).map(([label, values], i) => {
    const hours = label.includes("hours");
    return {
      label,
      data: values,
      type: hours ? "line" : chart.kind,
      yAxisID: hours ? "hours" : "y",
      backgroundColor: PALETTE[i % PALETTE.length],
      borderColor: PALETTE[i % PALETTE.length],
      borderDash: i % 2 ? [6, 3] : [],
      stack: chart.name === "outcomes" ? "countries" : undefined,
    };
  });
}

function scales(chart) {
  const y = { beginAtZero: true, stacked: chart.name === "outcomes" };
  if (chart.unit === "share") y.max = 1;
  const out = { x: { stacked: chart.name === "outcomes" }, y };
  if (Object.keys(chart.series).some((label) => label.includes("hours"))) {
    out.hours = { beginAtZero: true, position: "right", grid: { drawOnChartArea: false },
                  title: { display: true, text: "hours" } };
  }
  return out;
}

function draw() {
  const source = document.getElementById("dashboard-data");
  if (!source) return;
  const data = JSON.parse(source.textContent);
  for (const chart of Object.values(data.charts)) {
    const canvas = document.getElementById(`chart-${chart.name}`);
    if (!canvas) continue;
    new Chart(canvas, {
      type: chart.kind,
      data: { labels: chart.labels, datasets: datasets(chart) },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: scales(chart) },
    });
    canvas.dataset.drawn = "true";
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
else draw();
