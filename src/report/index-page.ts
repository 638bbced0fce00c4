import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { escapeHtml } from '../plot/figure-html.js';

export interface NotebookResult {
  notebook: string;
  title: string;
  /** File name of the rendered report, relative to reports/. */
  html: string;
  seconds: number;
  ok: boolean;
  failedCell?: number;
  error?: string;
  traceback?: string;
  /** When the report was rendered (ISO time); set for reports kept from an earlier run. */
  renderedAt?: string;
}

/**
 * The index rows for a run over some of the notebooks (`report --only`): this run's results,
 * and for every other notebook in `order` the record of the run that last rendered it, as long
 * as its report is still in reports/. Records live in reports/index.json.
 */
export function mergeWithEarlierRuns(reportDir: string, order: readonly string[], results: NotebookResult[]): NotebookResult[] {
  let earlier: NotebookResult[] = [];
  try {
    const parsed = JSON.parse(readFileSync(join(reportDir, 'index.json'), 'utf8'));
    if (Array.isArray(parsed)) earlier = parsed.filter((r) => r && typeof r.notebook === 'string' && typeof r.html === 'string');
  } catch {
    // No earlier run, or an unreadable record: the index shows this run only.
  }
  const now = new Date().toISOString();
  const current = new Map(results.map((r) => [r.notebook, { ...r, renderedAt: r.renderedAt ?? now }]));
  const kept = new Map(earlier.filter((r) => r.ok && existsSync(join(reportDir, r.html))).map((r) => [r.notebook, r]));
  const merged = order.flatMap((n) => {
    const r = current.get(n) ?? kept.get(n);
    return r ? [r] : [];
  });
  const target = join(reportDir, 'index.json');
  writeFileSync(`${target}.tmp`, `${JSON.stringify(merged, null, 1)}\n`);
  renameSync(`${target}.tmp`, target);
  return merged;
}

/** Writes reports/index.html: the notebooks in run order with their status, and the figures each wrote. */
export function writeIndexPage(reportDir: string, root: string, results: NotebookResult[]): void {
  const figureDir = join(root, 'figures');
  const figures = existsSync(figureDir) ? readdirSync(figureDir).sort() : [];
  const rows = results
    .map((r) => {
      const prefix = r.notebook.split('-')[0];
      const own = figures.filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.html'));
      const links = own
        .map((f) => {
          const stem = f.replace(/\.html$/, '');
          const png = figures.includes(`${stem}.png`) ? ` (<a href="${rel(reportDir, figureDir, `${stem}.png`)}">png</a>)` : '';
          return `<li><a href="${rel(reportDir, figureDir, f)}">${escapeHtml(stem)}</a>${png}</li>`;
        })
        .join('');
      const when = r.renderedAt ? ` ${escapeHtml(r.renderedAt.slice(0, 16).replace('T', ' '))} UTC` : '';
      const status = r.ok
        ? `<span class="ok">rendered${when}</span>`
        : `<span class="fail">failed${r.failedCell ? ` at cell ${r.failedCell}` : ''}: ${escapeHtml(r.error ?? '')}</span>`;
      return `<tr><td><a href="${escapeHtml(r.html)}">${escapeHtml(r.title)}</a><div class="file">${escapeHtml(r.notebook)}</div></td>
<td>${status}</td><td class="num">${r.seconds.toFixed(1)} s</td><td><ul>${links}</ul></td></tr>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>leadstack reports</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1f2933}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d9e2ec;padding:.6rem;vertical-align:top;text-align:left}
.num{text-align:right;white-space:nowrap}.file{color:#627d98;font-size:.85em}.ok{color:#1f7a3f}.fail{color:#b42318}
ul{margin:0;padding-left:1.1rem}
</style></head><body>
<h1>leadstack reports</h1>
<p>Rendered notebooks, in CRISP-DM order, with the figures each one saved. Generated ${new Date().toISOString().slice(0, 19).replace('T', ' ')} UTC.</p>
<table><thead><tr><th>Notebook</th><th>Status</th><th>Time</th><th>Figures</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
  const target = join(reportDir, 'index.html');
  writeFileSync(`${target}.tmp`, html);
  renameSync(`${target}.tmp`, target);
}

function rel(from: string, dir: string, file: string): string {
  return encodeURI(relative(from, join(dir, file)).split('\\').join('/'));
}
