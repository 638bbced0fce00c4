import type { InProcessResult, Timing } from './in-process.js';
import type { LoadResult } from './load-test.js';

const ms = (x: number) => (x < 1 ? x.toFixed(3) : x.toFixed(2));
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const t = (x: Timing) => `${ms(x.median)} ms (mean ${ms(x.mean)}, p99 ${ms(x.p99)})`;

/** The load levels as a Markdown table, with the targets checked. */
export function loadTable(results: readonly LoadResult[]): string {
  const lines = [
    '| load | connections | requests/s | p50 ms | p90 ms | p99 ms | errors | non-2xx | server CPU ms/request | load avg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results)
    lines.push(
      `| ${r.label} | ${r.connections} | ${n(r.requestsPerSecond)} | ${ms(r.p50)} | ${ms(r.p90)} | ${ms(r.p99)} | ${r.errors} | ${r.non2xx} | ${r.serverCpuMs === null ? '—' : ms(r.serverCpuMs)} | ${r.loadAverage.toFixed(1)} |`,
    );
  return lines.join('\n');
}

/** The in-process Scorer measurements as a Markdown table. */
export function inProcessTable(r: InProcessResult): string {
  return [
    '| in-process measure | value |',
    '|---|---:|',
    `| \`scorer.score\` per lead, 3 reasons (median, mean, p99) | ${t(r.score)} |`,
    `| \`scorer.score\` per lead, no reasons | ${t(r.scoreNoReasons)} |`,
    `| of which Scorer checks (\`validate\`) | ${t(r.breakdown.validate)} |`,
    `| of which feature transform (\`transformOne\`) | ${t(r.breakdown.transform)} |`,
    `| of which model (\`predictProba\`, 1 row) | ${t(r.breakdown.predict)} |`,
    `| reasons (score with 3 − score without, medians) | ${ms(r.breakdown.reasons)} ms |`,
    `| server request check (schema + unknown fields) | ${t(r.breakdown.requestCheck)} |`,
    `| \`scoreMany\` on ${n(r.batch.leads)} leads, 3 reasons | ${n(r.batch.leadsPerSecond)} leads/s |`,
    `| \`scoreMany\` on ${n(r.batch.leads)} leads, no reasons | ${n(r.batch.leadsPerSecondNoReasons)} leads/s |`,
  ].join('\n');
}

/** Whether the targets hold. */
export function targetLines(load: readonly LoadResult[], inProcess: InProcessResult): string {
  const levels = load.filter((r) => r.label.startsWith('default'));
  const meeting = levels.filter((r) => r.requestsPerSecond >= 2000 && r.p99 <= 20);
  const shown = meeting[0] ?? levels.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  const ok = (x: boolean) => (x ? 'met' : 'NOT met');
  return [
    `- ≥ 2,000 single-lead requests/s with p99 ≤ 20 ms: ${ok(meeting.length > 0)} (${meeting.length ? 'e.g.' : 'best:'} ${n(shown.requestsPerSecond)} req/s at ${shown.connections} connection(s), p99 ${ms(shown.p99)} ms)`,
    `- in-process \`scorer.score\` ≤ 0.5 ms median: ${ok(inProcess.score.median <= 0.5)} (${ms(inProcess.score.median)} ms)`,
  ].join('\n');
}
