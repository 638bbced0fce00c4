/**
 * Scoring benchmark: a GBDT champion trained on the built-in data scores a large generated file of
 * new leads with their events, through `scoreFile` with one and two threads, with and without
 * reasons; then the in-process latency of `Scorer.score`, the split of one lead's cost into
 * transform / predict / explain, and the explanation step next to XGBoost's exact Tree SHAP
 * (`pred_contribs=True`) on the same matrix.
 *
 *   npm run bench:scoring [-- --train 20000 --leads 200000 --seed 7 --repeat 2 --latency 3000 --skip-peer --json out.json]
 *
 * Inputs are generated once under bench/out/scoring. Other processes share the machine: each
 * batch run is repeated and reported as a range; CPU time (all threads) is reported beside the
 * wall time.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreFile } from '../../src/artifact/score-file.js';
import { Scorer } from '../../src/artifact/scorer.js';
import { Matrix } from '../../src/core/matrix.js';
import { readCsvBatches } from '../../src/data/csv/csv-batches.js';
import { datasetLabels } from '../../src/data/datasets/dataset-labels.js';
import { loadDataset } from '../../src/data/datasets/load-dataset.js';
import { LeadReasoner } from '../../src/explain/lead-reasoner.js';
import { treeShap, treeShapInto } from '../../src/explain/tree-shap.js';
import { FeaturePipeline } from '../../src/features/pipeline.js';
import type { HasTreeEnsemble } from '../../src/models/tree/tree-ensemble-view.js';
import { scoringFixture } from './scoring-fixture.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: '20000' },
    leads: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '7' },
    repeat: { type: 'string', default: '2' },
    latency: { type: 'string', default: '3000' },
    sample: { type: 'string', default: '5000' },
    'skip-peer': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const seed = Number(values.seed);
const repeat = Number(values.repeat);
const out = resolve('bench/out/scoring');
const fixture = await scoringFixture({
  trainLeads: Number(values.train),
  scoreLeads: Number(values.leads),
  seed,
  log: (m) => console.log(m),
});
const scorer = await Scorer.load(fixture.model);
const cpuSeconds = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const range = (xs: number[], digits: number): string => {
  const lo = Math.min(...xs).toFixed(digits);
  const hi = Math.max(...xs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};

// 1. Batch scoring of the file.
interface BatchRun {
  reasons: number;
  threads: number;
  leadsPerSecond: number[];
  cpuMsPerLead: number[];
  sha256: string;
}
const batchRuns: BatchRun[] = [];
const now = new Date('2026-01-01T00:00:00Z');
for (const reasons of [3, 0]) {
  for (const threads of [1, 2]) {
    const run: BatchRun = { reasons, threads, leadsPerSecond: [], cpuMsPerLead: [], sha256: '' };
    for (let r = 0; r < repeat; r++) {
      const target = join(out, `scored-r${reasons}-t${threads}.csv`);
      const cpu = cpuSeconds();
      const summary = await scoreFile(scorer, {
        input: fixture.leads,
        events: fixture.events,
        out: target,
        reasons,
        threads,
        now,
      });
      run.cpuMsPerLead.push((1000 * (cpuSeconds() - cpu)) / summary.read);
      run.leadsPerSecond.push(summary.leadsPerSecond);
      run.sha256 = createHash('sha256').update(readFileSync(target)).digest('hex');
      console.log(`scored: ${reasons} reasons, ${threads} thread(s): ${Math.round(summary.leadsPerSecond)} leads/s`);
    }
    batchRuns.push(run);
  }
}

// 2. A sample of leads with their events, as an integration sends them (raw text).
const sampleSize = Math.max(Number(values.sample), Number(values.latency));
const sample = await readSample(fixture.leads, fixture.events, sampleSize);

/** The first `n` leads of the file and their events, as records of raw text. */
async function readSample(leadsFile: string, eventsFile: string, n: number) {
  const leads: Record<string, string>[] = [];
  for await (const batch of readCsvBatches(createReadStream(leadsFile), { file: leadsFile, batchSize: 5000 })) {
    for (const row of batch.rows) if (leads.length < n) leads.push(Object.fromEntries(batch.header.map((h, c) => [h, row[c]])));
    if (leads.length >= n) break;
  }
  const byLead = new Map(leads.map((l) => [l.lead_id, [] as Record<string, string>[]]));
  for await (const batch of readCsvBatches(createReadStream(eventsFile), { file: eventsFile, batchSize: 20_000 })) {
    const c = batch.header.indexOf('lead_id');
    for (const row of batch.rows) byLead.get(row[c])?.push(Object.fromEntries(batch.header.map((h, k) => [h, row[k]])));
  }
  return leads.map((lead) => ({ lead, events: byLead.get(lead.lead_id) ?? [] }));
}

// 3. In-process latency: one lead per call.
const latency: Record<string, { median: number; p99: number }> = {};
for (const reasons of [3, 0]) {
  const times: number[] = [];
  const n = Number(values.latency);
  for (let k = 0; k < n + 300; k++) {
    const item = sample[k % n];
    const start = performance.now();
    scorer.score(item.lead, item.events, { reasons, now });
    if (k >= 300) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  latency[reasons] = { median: times[times.length >> 1], p99: times[Math.floor(0.99 * times.length)] };
}

// 4. Where a lead's time goes, on a batch of the sample (one thread).
const batch = sample.slice(0, Number(values.sample));
const pipeline = FeaturePipeline.fromJSON(scorer.artifact.spec);
const model = scorer.artifact.model as typeof scorer.artifact.model & HasTreeEnsemble;
const width = pipeline.featureNames.length;
const X = new Matrix(batch.length, width, new Float64Array(batch.length * width), pipeline.featureNames);
const phi = new Float64Array(batch.length * width);
const reasoner = new LeadReasoner(scorer.artifact.explainer.names, scorer.artifact.explainer.groups);
const stageRuns: Record<string, number[]> = { validate: [], transform: [], predict: [], explain: [], reasons: [] };
const stages: [string, () => void][] = [
  [
    'validate',
    () => {
      for (const item of batch) scorer.validate(item);
    },
  ],
  [
    'transform',
    () => {
      for (let i = 0; i < batch.length; i++) pipeline.transformOneInto(batch[i].lead, batch[i].events, X.data, i * width);
    },
  ],
  ['predict', () => model.predictProba(X)],
  ['explain', () => treeShapInto(model, X, [phi])],
  [
    'reasons',
    () => {
      for (let i = 0; i < batch.length; i++)
        reasoner.reasons(phi.subarray(i * width, (i + 1) * width), X.data.subarray(i * width, (i + 1) * width), {
          scoreGap: 5,
          lead: batch[i].lead,
        });
    },
  ],
];
for (let r = 0; r < 4; r++) {
  for (const [name, run] of stages) {
    const start = performance.now();
    run();
    if (r > 0) stageRuns[name].push((1000 * (performance.now() - start)) / batch.length);
  }
}

// 5. Tree SHAP: tabulated vs recursive, and XGBoost's pred_contribs on the same matrix.
const shapRuns = { tabulated: [] as number[], recursive: [] as number[] };
const fewer = X.selectRows(Array.from({ length: Math.min(500, X.rows) }, (_, i) => i));
for (let r = 0; r < 3; r++) {
  let start = performance.now();
  treeShap(model, X);
  shapRuns.tabulated.push((1e3 * (performance.now() - start)) / X.rows);
  start = performance.now();
  treeShap(model, fewer, { algorithm: 'recursive' });
  shapRuns.recursive.push((1e3 * (performance.now() - start)) / fewer.rows);
}
const peer = values['skip-peer'] ? null : runPeer();

function runPeer(): Record<string, number | number[] | string> | null {
  const python = '/usr/bin/python3';
  if (spawnSync(python, ['-c', 'import xgboost, numpy'], { encoding: 'utf8' }).status !== 0) {
    console.log('peer skipped: /usr/bin/python3 with xgboost and numpy is missing');
    return null;
  }
  const dir = join(out, 'peer');
  mkdirSync(dir, { recursive: true });
  const training = loadDataset('builtin', { root: fixture.trainRoot });
  const train = pipeline.transform(training.leads, training.events).matrix;
  writeFileSync(join(dir, 'train.f64'), new Uint8Array(train.data.buffer, train.data.byteOffset, train.data.byteLength));
  writeFileSync(join(dir, 'train.i8'), datasetLabels(training));
  writeFileSync(join(dir, 'explain.f64'), new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ trainRows: train.rows, explainRows: X.rows, cols: width, seed }));
  const run = spawnSync(python, [resolve('bench/scoring/peer_contribs.py'), dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`peer failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

// Report.
const view = model.treeEnsemble();
const scored = batchRuns.find((r) => r.reasons === 3 && r.threads === 1)!;
const identical = batchRuns.every((r) => r.sha256 === batchRuns.find((s) => s.reasons === r.reasons)!.sha256);
console.log(
  `\nScoring with the built-in GBDT champion (${view.table.nTrees} trees, depth ≤ ${view.table.maxDepth()}, ${width} features, trained on ${Number(values.train).toLocaleString('en-US')} leads); ` +
    `${Number(values.leads).toLocaleString('en-US')} new leads with events; ${availableParallelism()} cores; ${repeat} run(s) each\n`,
);
console.log('| scoreFile | threads | leads/s | ms per lead (wall) | CPU ms per lead (all threads) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of batchRuns) {
  console.log(
    `| ${r.reasons ? `with ${r.reasons} reasons per direction` : 'without reasons'} | ${r.threads} | ${range(r.leadsPerSecond.map(Math.round), 0)} | ${range(
      r.leadsPerSecond.map((v) => 1000 / v),
      4,
    )} | ${range(r.cpuMsPerLead, 4)} |`,
  );
}
console.log(
  `\nOutput with 2 threads identical to 1 thread (SHA-256): ${identical ? 'yes' : 'NO'} (${scored.sha256.slice(0, 12)}…)\n`,
);
console.log('| in-process Scorer.score, one lead with its events | median ms | p99 ms |');
console.log('|---|---:|---:|');
for (const reasons of [3, 0])
  console.log(
    `| ${reasons ? 'with reasons' : 'without reasons'} | ${latency[reasons].median.toFixed(3)} | ${latency[reasons].p99.toFixed(3)} |`,
  );
console.log(`\n| split of a batch of ${batch.length.toLocaleString('en-US')} leads (one thread) | µs per lead |`);
console.log('|---|---:|');
for (const [name, label] of [
  ['validate', 'validate'],
  ['transform', 'transform (features from fields and events)'],
  ['predict', 'predict'],
  ['explain', 'explain: exact Tree SHAP'],
  ['reasons', 'explain: reasons from the contributions'],
])
  console.log(`| ${label} | ${range(stageRuns[name], 1)} |`);
console.log(`\n| exact Tree SHAP on the same ${X.rows.toLocaleString('en-US')} × ${width} matrix | µs per row |`);
console.log('|---|---:|');
console.log(`| leadstack, precomputed path tables, 1 thread | ${range(shapRuns.tabulated, 1)} |`);
console.log(`| leadstack, recursive Algorithm 2 (before), 1 thread | ${range(shapRuns.recursive, 0)} |`);
if (peer) {
  const us = (key: string) => range(peer[key] as number[], 1);
  console.log(`| XGBoost ${peer.version} pred_contribs, comparable model, 1 thread | ${us('contribs_us_1')} |`);
  console.log(`| XGBoost pred_contribs, 2 threads | ${us('contribs_us_2')} |`);
  console.log(`| XGBoost predict (no contributions), 1 thread | ${us('predict_us_1')} |`);
  console.log(
    `\nThe XGBoost model: 300 trees of depth 4 fitted on the same training matrix (mean ${(peer.mean_leaves as number).toFixed(1)} leaves per tree, vs ${(view.table.data.feature.filter((f) => f < 0).length / view.table.nTrees).toFixed(1)} here); additivity error ${(peer.additivity_max_error as number).toExponential(1)} (float32).`,
  );
}
const withReasons2 = batchRuns.find((r) => r.reasons === 3 && r.threads === 2)!;
const withoutReasons2 = batchRuns.find((r) => r.reasons === 0 && r.threads === 2)!;
const verdict = (run: BatchRun): string => (Math.max(...run.leadsPerSecond) >= 50_000 ? 'met' : 'not met');
console.log(
  `\nTargets: in-process score ≤ 0.5 ms median: ${latency[3].median <= 0.5 ? 'met' : 'not met'} (${latency[3].median.toFixed(3)} ms); ` +
    `batch ≥ 50,000 leads/s with reasons: ${verdict(withReasons2)} (${range(withReasons2.leadsPerSecond.map(Math.round), 0)} leads/s with 2 threads); ` +
    `without reasons (--reasons 0): ${verdict(withoutReasons2)} (${range(withoutReasons2.leadsPerSecond.map(Math.round), 0)} leads/s).`,
);
if (values.json)
  writeFileSync(values.json, `${JSON.stringify({ batchRuns, latency, stages: stageRuns, shap: shapRuns, peer }, null, 2)}\n`);
