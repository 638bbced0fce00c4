/**
 * Feature pipeline benchmark: leadstack's FeaturePipeline against a pandas + scikit-learn peer on the
 * same built-in data (75,000 leads and their events by default).
 *
 *   npm run bench:features [-- --leads 75000 --seed 7 --json out.json]
 *
 * Measures load, fit + transform of every lead with its events, the latency of one incoming lead
 * through `transformOne` (raw CSV record and raw events, as an integration sends them), and peak
 * memory. The peer runs in its own process (/usr/bin/python3); it is skipped with a message when
 * pandas or scikit-learn is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBuiltinDataset } from '../../src/data/datasets/builtin/index.js';
import { loadDataset } from '../../src/data/datasets/load-dataset.js';
import { FeaturePipeline } from '../../src/features/pipeline.js';
import { groupBy, readRawRecords } from '../../src/features/test-support/raw-records.js';

const { values } = parseArgs({
  options: { leads: { type: 'string', default: '75000' }, seed: { type: 'string', default: '7' }, json: { type: 'string' } },
});
const leads = Number(values.leads);
const seed = Number(values.seed);
const root = resolve('bench/out/features');
const dir = join(root, `builtin-${leads}-${seed}`, 'data', 'raw', 'builtin');
if (!existsSync(join(dir, 'events.csv'))) {
  mkdirSync(dir, { recursive: true });
  await writeBuiltinDataset(dir, { leads, seed });
}

const mb = (bytes: number) => bytes / 1e6;
let t = performance.now();
const data = loadDataset('builtin', { root: join(root, `builtin-${leads}-${seed}`) });
const loadS = (performance.now() - t) / 1000;
t = performance.now();
const { pipeline, train } = FeaturePipeline.fitTransform(data, { seed });
const fitS = (performance.now() - t) / 1000;
// Peak memory of loading and fitting (before the raw records below are read for the latency test).
const peakMb = mb(process.resourceUsage().maxRSS * 1024);
const rawLeads = readRawRecords(join(dir, 'leads.csv'));
const rawEvents = groupBy(readRawRecords(join(dir, 'events.csv')), 'lead_id');
const latencies: number[] = [];
for (let k = 0; k < 3000; k++) {
  const lead = rawLeads[(k * 7919) % rawLeads.length];
  const events = rawEvents.get(lead.lead_id) ?? [];
  const start = performance.now();
  pipeline.transformOne(lead, events);
  if (k >= 500) latencies.push(performance.now() - start);
}
latencies.sort((a, b) => a - b);
const ours = {
  load_s: loadS,
  fit_transform_s: fitS,
  transform_one_ms_median: latencies[latencies.length >> 1],
  transform_one_ms_p99: latencies[Math.floor(0.99 * latencies.length)],
  features: train.matrix.cols,
  peak_rss_mb: peakMb,
};

let peer: Record<string, number> | null = null;
const python = '/usr/bin/python3';
const check = spawnSync(python, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' });
if (check.status !== 0)
  console.log(
    'peer skipped: /usr/bin/python3 with pandas and scikit-learn is missing (npm run setup with LEADSTACK_SETUP_PEERS=1)',
  );
else {
  const run = spawnSync(python, [resolve('bench/features/peer_pipeline.py'), dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`peer failed: ${run.stderr}`);
  peer = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

const rows: [string, keyof typeof ours, number][] = [
  ['load leads + events CSV (s)', 'load_s', 2],
  ['fit + transform, all leads (s)', 'fit_transform_s', 2],
  ['transform one lead, median (ms)', 'transform_one_ms_median', 3],
  ['transform one lead, p99 (ms)', 'transform_one_ms_p99', 3],
  ['features', 'features', 0],
  ['peak memory, load + fit (MB)', 'peak_rss_mb', 0],
];
console.log(
  `\nFeature pipeline on the built-in data: ${leads.toLocaleString('en-US')} leads, ${data.events?.numRows().toLocaleString('en-US')} events, seed ${seed}\n`,
);
console.log(`| measure | leadstack | pandas + scikit-learn | leadstack / peer |`);
console.log(`|---|---:|---:|---:|`);
for (const [label, key, digits] of rows) {
  const a = ours[key];
  const b = peer?.[key];
  const ratio = b === undefined || b === 0 ? '—' : (a / b).toFixed(2);
  console.log(`| ${label} | ${a.toFixed(digits)} | ${b === undefined ? '—' : b.toFixed(digits)} | ${ratio} |`);
}
console.log(
  '\nThe peer builds a subset (no path slots, taxonomy, TF-IDF, time features or list columns); its one-lead time is the one-hot encoder alone.',
);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ leads, seed, leadstack: ours, peer }, null, 2)}\n`);
