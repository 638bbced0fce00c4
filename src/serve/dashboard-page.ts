import { escapeHtml, plotlyScriptTag } from '../plot/figure-html.js';
import { dashboardColors, dashboardLayouts } from './dashboard-figures.js';
import { DASHBOARD_SCRIPT } from './dashboard-script.js';

/** Where the page fetches its data. */
export const DASHBOARD_DATA_URL = '/v1/dashboard/leads';

const STYLE = `
:root { --ink:#1f2933; --muted:#627d98; --line:#e4e7eb; --accent:#2f6fde; --worked:#e8f5ec; --cut:#b42318; }
* { box-sizing: border-box; }
body { margin:0; font-family: system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:#f7f9fb; }
header { display:flex; flex-wrap:wrap; gap:.5rem 1.5rem; align-items:baseline; padding:1rem 1.5rem; background:#fff; border-bottom:1px solid var(--line); }
header h1 { font-size:1.25rem; margin:0; }
header .meta { color:var(--muted); font-size:.9rem; }
main { padding:1rem 1.5rem; display:grid; gap:1rem; }
.panel { background:#fff; border:1px solid var(--line); border-radius:8px; padding:1rem; }
.controls { display:flex; flex-wrap:wrap; gap:1rem 2rem; align-items:center; }
.grade-button { border:1px solid var(--line); background:#fff; padding:.35rem .75rem; border-radius:999px; cursor:pointer; font:inherit; }
.grade-button[aria-pressed="true"] { background:var(--accent); border-color:var(--accent); color:#fff; }
#grade-filter { display:flex; gap:.4rem; flex-wrap:wrap; }
label { font-size:.9rem; }
select { font:inherit; padding:.25rem; max-width:22rem; }
input[type=range] { width:16rem; vertical-align:middle; }
#cutoff { font-weight:600; margin:.75rem 0 0; }
.charts { display:grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap:1rem; }
table { width:100%; border-collapse:collapse; font-size:.9rem; }
th, td { text-align:left; padding:.4rem .5rem; border-bottom:1px solid var(--line); }
th { position:sticky; top:0; background:#fff; }
td.num { text-align:right; font-variant-numeric:tabular-nums; }
tbody tr { cursor:pointer; }
tbody tr:hover, tbody tr:focus { outline:2px solid var(--accent); outline-offset:-2px; }
tr.worked { background:var(--worked); }
tr.cutoff-row td { border-bottom:3px dashed var(--cut); }
.grade-badge { display:inline-block; min-width:1.6rem; text-align:center; border-radius:4px; padding:0 .3rem; background:#eef2f7; font-weight:700; }
.grade-A { background:#1f7a3f; color:#fff; } .grade-B { background:#7fb48e; } .grade-C { background:#f3d9a4; } .grade-D { background:#e4e7eb; }
#drawer { position:fixed; top:0; right:0; height:100%; width:min(28rem, 100%); background:#fff; border-left:1px solid var(--line); box-shadow:-8px 0 24px rgba(0,0,0,.08); padding:1.25rem; overflow:auto; }
#drawer dl { display:grid; grid-template-columns:auto 1fr; gap:.25rem 1rem; }
#drawer dt { color:var(--muted); }
#drawer dd { margin:0; }
#drawer li { margin:.35rem 0; }
#status:empty, #table-note:empty { display:none; }
#auth form { display:flex; gap:.5rem; align-items:center; flex-wrap:wrap; }
[hidden] { display:none !important; }
`;

/**
 * The dashboard page for sellers and their managers: self-contained HTML with plotly inlined
 * (it works offline; nothing is loaded from another host), its layout, the chart layouts
 * built by plot/, and the script that fetches the scored leads from the API.
 */
export function dashboardPage(title = 'Lead scores'): string {
  const config = {
    dataUrl: DASHBOARD_DATA_URL,
    layouts: dashboardLayouts(),
    colors: dashboardColors,
    plotConfig: { responsive: true, displaylogo: false },
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
${plotlyScriptTag()}
<script type="application/json" id="dashboard-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
</head>
<body>
<header>
  <h1>${escapeHtml(title)}</h1>
  <span class="meta">model <strong id="model-version">…</strong></span>
  <span class="meta" id="source"></span>
  <button type="button" id="refresh">Refresh</button>
</header>
<main>
  <p id="status" class="panel" role="status"></p>
  <section id="auth" class="panel" hidden>
    <form id="auth-form">
      <label for="token">API token</label>
      <input type="password" id="token" autocomplete="off" required>
      <button type="submit">Show leads</button>
    </form>
    <p id="auth-message"></p>
  </section>
  <section class="panel">
    <div class="controls">
      <div id="grade-filter" role="group" aria-label="Filter by grade"></div>
      <label><span id="segment-label">Segment</span> <select id="segment"></select></label>
      <label for="capacity">My team can work <strong id="capacity-value">…</strong> leads a day
        <input type="range" id="capacity" min="1" max="1" step="1" value="1"></label>
    </div>
    <p id="cutoff" aria-live="polite"></p>
  </section>
  <section class="charts">
    <div class="panel"><div id="chart-scores"></div></div>
    <div class="panel"><div id="chart-grades"></div></div>
    <div class="panel"><div id="chart-funnel"></div></div>
  </section>
  <section class="panel">
    <table id="leads">
      <thead><tr><th>#</th><th>Lead</th><th>Score</th><th>Chance</th><th>Grade</th><th>Route</th><th id="segment-column">Segment</th><th>Top reason</th></tr></thead>
      <tbody></tbody>
    </table>
    <p id="table-note"></p>
  </section>
</main>
<aside id="drawer" hidden aria-label="Lead details">
  <button type="button" id="drawer-close">Close</button>
  <h2 id="drawer-title"></h2>
  <dl id="drawer-facts"></dl>
  <h3>Why this score</h3>
  <ul id="drawer-reasons"></ul>
</aside>
<script>${DASHBOARD_SCRIPT.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}
