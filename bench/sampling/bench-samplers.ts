/**
 * Sampler benchmark: leadstack's imbalance handling against imbalanced-learn on the built-in data
 * set (75,000 leads by default, ~1% positives), inside stratified folds.
 *
 *   npm run bench:sampling [-- --leads 75000 --seed 7 --folds 5 --rounds 200 --strategies none,smote --json out.json]
 *
 * Design. The matrix comes from leadstack's pipeline (prepareDataset, no split) and is exported
 * with the labels and the fold of every row (bench/out/sampling/…/matrix); both sides resample
 * ONLY the training part of each fold, and the test fold is never touched. Each side's
 * resampling runs in a process of its own (resample-worker.ts, peers.py), timed around
 * fitResample / fit_resample only, which also gives each side's peak RSS per strategy. To isolate
 * the sampler from the model, the SAME model — leadstack's GradientBoostingClassifier (200 rounds,
 * depth 4, learning rate 0.05) — is fitted on both sides' resampled training parts: imbalanced-learn's
 * side writes what it produced (the rows it kept or copied, or its synthetic rows) and this script
 * rebuilds the training part from it. Scores on the untouched test fold: ROC-AUC, PR-AUC (average
 * precision) and log loss, mean ± sd over folds. "none" and "class weights" have no sampler (the
 * weights go to the model as sampleWeight). SMOTENC gets the same categorical variables as
 * SmoteNc (each one-hot group as one column of value codes, the binary columns as themselves);
 * its distance differs by design — imbalanced-learn uses continuous columns as they are, leadstack
 * standardizes them by the minority class's std (raw columns such as annual revenue would
 * otherwise decide every neighbour). A second SMOTENC run passes every one-hot column as a
 * categorical of its own (the common call on an encoded matrix; first fold only by default, it is
 * slow — `--columns-folds`) and reports its time, memory and the share of synthetic rows with a
 * one-hot pattern no minority row has. leadstack's resampling is timed after one warm-up run on a
 * small sample (the JIT's compile, like Python's imports, is left out). Peak RSS is each resampling
 * process's VmHWM (its own peak since exec; getrusage would add this process's RSS at fork time).
 * A last line times the neighbour search alone against scikit-learn's brute-force NearestNeighbors
 * on standardized training rows.
 *
 * imbalanced-learn runs with /usr/bin/python3 (Debian's python3-imblearn); it is skipped with a
 * message when missing, or with --skip-peers. `--leads 20000` makes a quick run (~2 minutes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Classifier } from '../../src/core/estimator.js';
import { concatRows, Matrix } from '../../src/core/matrix.js';
import { Rng } from '../../src/core/rng.js';
import { writeBuiltinDataset } from '../../src/data/datasets/builtin/index.js';
import { loadDataset } from '../../src/data/datasets/load-dataset.js';
import { averagePrecision } from '../../src/metrics/average-precision.js';
import { logLoss } from '../../src/metrics/log-loss.js';
import { rocAuc } from '../../src/metrics/roc-auc.js';
import { GradientBoostingClassifier } from '../../src/models/ensemble/gradient-boosting-classifier.js';
import { categoricalGroupsFromSpec } from '../../src/sampling/categorical-structure.js';
import { prepareDataset } from '../../src/selection/prepare-dataset.js';
import { StratifiedKFold } from '../../src/selection/stratified-k-fold.js';
import { foldRows, readF64, readI32 } from './bench-data.js';
import { benchNeighbors } from './bench-neighbors.js';
import { type FoldScore, markdownTable, type SideResult, type StrategyResult, stat } from './report.js';
import { type BenchMeta, foldSeed, STRATEGIES, type TrainingPart } from './strategies.js';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '75000' },
    seed: { type: 'string', default: '7' },
    folds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '200' },
    strategies: { type: 'string', default: STRATEGIES.map((s) => s.key).join(',') },
    'knn-rows': { type: 'string', default: '8000' },
    'columns-folds': { type: 'string', default: '1' },
    'skip-peers': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const leads = Number(values.leads);
const seed = Number(values.seed);
const nFolds = Number(values.folds);
const rounds = Number(values.rounds);
const chosen = STRATEGIES.filter((s) => values.strategies!.split(',').includes(s.key));
const root = resolve('bench/out/sampling', `builtin-${leads}-${seed}`);
const python = '/usr/bin/python3';
const log = (message: string) => console.error(message);

// 1. Data: the built-in data set, leadstack's feature matrix, stratified folds, the categorical structure.
const rawDir = join(root, 'data', 'raw', 'builtin');
if (!existsSync(join(rawDir, 'events.csv'))) {
  mkdirSync(rawDir, { recursive: true });
  log(`generating ${leads} leads…`);
  await writeBuiltinDataset(rawDir, { leads, seed });
}
const prepared = prepareDataset(loadDataset('builtin', { root }), { split: { none: true }, seed });
const X = prepared.train.matrix;
const y = Int32Array.from(prepared.train.labels);
const folds = new StratifiedKFold({ nSplits: nFolds, randomState: seed }).assign(y);
const structure = categoricalGroupsFromSpec(prepared.pipeline.spec, X);
const meta: BenchMeta = {
  rows: X.rows,
  cols: X.cols,
  seed,
  folds: nFolds,
  kNeighbors: 5,
  columnsFolds: Number(values['columns-folds']),
  names: X.columnNames(),
  ...structure,
};
const dataDir = join(root, 'matrix');
mkdirSync(dataDir, { recursive: true });
writeFileSync(join(dataDir, 'X.f64'), new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
writeFileSync(join(dataDir, 'y.i8'), Int8Array.from(y));
writeFileSync(join(dataDir, 'folds.i32'), new Uint8Array(folds.buffer));
writeFileSync(join(dataDir, 'meta.json'), JSON.stringify(meta));
const positives = y.reduce((a, b) => a + b, 0);
const categoricalColumns = structure.oneHotGroups.flat().length + structure.binaryColumns.length;
log(
  `${X.rows} rows × ${X.cols} features, ${positives} positives; ${structure.oneHotGroups.length} one-hot groups and ${structure.binaryColumns.length} binary columns (${categoricalColumns} categorical columns, ${X.cols - categoricalColumns} continuous)`,
);

const peersOk = !values['skip-peers'] && spawnSync(python, ['-c', 'import imblearn'], { encoding: 'utf8' }).status === 0;
if (!values['skip-peers'] && !peersOk) log('imbalanced-learn skipped: /usr/bin/python3 with imblearn is missing');

/** Runs a process that prints JSON lines; returns the parsed lines, or the error. */
function runJsonLines(command: string, args: string[]): { lines: Record<string, number>[]; error?: string } {
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines = run.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  if (run.status !== 0) {
    const last = run.stderr.trim().split('\n').at(-1) ?? `exit ${run.status}`;
    return { lines, error: run.signal ? `killed by ${run.signal}` : last };
  }
  const failed = lines.find((l) => 'error' in l) as { error?: string } | undefined;
  return { lines, error: failed?.error };
}

function makeModel(): Classifier {
  return new GradientBoostingClassifier({ nEstimators: rounds, maxDepth: 4, learningRate: 0.05, randomState: seed, nThreads: 2 });
}

async function score(part: TrainingPart, Xte: Matrix, yte: Uint8Array): Promise<FoldScore> {
  const model = await makeModel().fit(part.X, part.y, part.sampleWeight ? { sampleWeight: part.sampleWeight } : {});
  const p = model.predictProba(Xte);
  return { rocAuc: rocAuc(yte, p), prAuc: averagePrecision(yte, p), logLoss: logLoss(yte, p) };
}

/** imbalanced-learn's training part of fold f, rebuilt from what peers.py wrote. */
function peerPart(dir: string, f: number, Xtr: Matrix, ytr: Int32Array): TrainingPart {
  const indexFile = join(dir, `fold-${f}.idx.i32`);
  if (existsSync(indexFile)) {
    const rows = readI32(indexFile);
    return { X: X.selectRows(rows), y: Int32Array.from(rows, (i) => y[i]) };
  }
  const synthetic = readF64(join(dir, `fold-${f}.X.f64`));
  const labels = Int32Array.from(readFileSync(join(dir, `fold-${f}.y.i8`)));
  const extra = new Matrix(labels.length, X.cols, synthetic, X.columns);
  const yOut = new Int32Array(ytr.length + labels.length);
  yOut.set(ytr);
  yOut.set(labels, ytr.length);
  return { X: concatRows([Xtr, extra]), y: yOut };
}

const categorical = [...structure.oneHotGroups.flat(), ...structure.binaryColumns];

/** Share of the synthetic rows (after the first `inputRows`) holding a value other than 0 or 1 in a one-hot or binary column. */
function fractionalShare(part: TrainingPart, inputRows: number): number {
  let rows = 0;
  for (let r = inputRows; r < part.X.rows; r++) {
    const o = r * part.X.cols;
    if (categorical.some((j) => part.X.data[o + j] !== 0 && part.X.data[o + j] !== 1)) rows++;
  }
  return rows / Math.max(1, part.X.rows - inputRows);
}

// 2. Strategies: resample (both sides, timed in their own processes), fit the same model, score the test fold.
const results: StrategyResult[] = [];
const fractional = new Map<string, [number, number | null]>();
for (const strategy of chosen) {
  log(`${strategy.label}…`);
  const ours = runJsonLines(process.execPath, [
    '--expose-gc',
    '--import',
    'tsx',
    resolve('bench/sampling/resample-worker.ts'),
    dataDir,
    strategy.key,
  ]);
  if (ours.error) throw new Error(`leadstack ${strategy.key} failed: ${ours.error}`);
  const oursSide: SideResult = {
    side: 'leadstack',
    resampleSeconds: ours.lines.filter((l) => 'fold' in l).map((l) => l.seconds),
    rows: ours.lines.filter((l) => 'fold' in l).map((l) => l.rows),
    scores: [],
    peakRssMb: strategy.key === 'none' ? null : (ours.lines.at(-1)?.peak_rss_mb ?? null),
  };
  const sides: SideResult[] = [oursSide];
  let peerSide: SideResult | null = null;
  const peerDir = join(root, 'imblearn', strategy.key);
  if (strategy.peer && peersOk) {
    rmSync(peerDir, { recursive: true, force: true });
    mkdirSync(peerDir, { recursive: true });
    const t0 = performance.now();
    const peer = runJsonLines(python, [resolve('bench/sampling/peers.py'), 'resample', dataDir, strategy.peer, peerDir]);
    log(`  imbalanced-learn: ${((performance.now() - t0) / 1000).toFixed(1)} s${peer.error ? ` (${peer.error})` : ''}`);
    const foldLines = peer.lines.filter((l) => 'fold' in l);
    peerSide = {
      side: 'imbalanced-learn',
      resampleSeconds: foldLines.map((l) => l.seconds),
      rows: foldLines.map((l) => l.rows),
      scores: [],
      peakRssMb: peer.lines.at(-1)?.peak_rss_mb ?? null,
      ...(peer.error ? { error: peer.error } : {}),
    };
    sides.push(peerSide);
  }
  for (let f = 0; f < nFolds; f++) {
    const { train, test } = foldRows(folds, f);
    const Xtr = X.selectRows(train);
    const ytr = Int32Array.from(train, (i) => y[i]);
    const Xte = X.selectRows(test);
    const yte = Uint8Array.from(test, (i) => y[i]);
    const oursPart = strategy.prepare(Xtr, ytr, new Rng(foldSeed(seed, f)), meta);
    oursSide.scores.push(await score(oursPart, Xte, yte));
    const theirsPart = peerSide && !peerSide.error ? peerPart(peerDir, f, Xtr, ytr) : null;
    if (theirsPart) peerSide!.scores.push(await score(theirsPart, Xte, yte));
    if (f === 0 && strategy.key.startsWith('smote')) {
      fractional.set(strategy.key, [
        fractionalShare(oursPart, Xtr.rows),
        theirsPart ? fractionalShare(theirsPart, Xtr.rows) : null,
      ]);
    }
    log(
      `  fold ${f}: AUC ${oursSide.scores[f].rocAuc.toFixed(4)}${peerSide?.scores[f] ? ` / imblearn ${peerSide.scores[f].rocAuc.toFixed(4)}` : ''}`,
    );
  }
  rmSync(peerDir, { recursive: true, force: true });
  results.push({ key: strategy.key, label: strategy.label, sides });
}

// 3. Synthetic rows with fractional categories; SMOTENC the common way (every one-hot column its own categorical): time, memory, invalid rows.
const notes: string[] = [];
const pct = (v: number | null): string => (v === null ? '—' : `${(100 * v).toFixed(1)}%`);
for (const [key, [ours, theirs]] of fractional) {
  notes.push(
    `${key === 'smote' ? 'SMOTE' : 'SMOTE-NC'}, fold 0: ${pct(ours)} of leadstack's and ${pct(theirs)} of imbalanced-learn's synthetic rows hold a value other than 0 or 1 in a one-hot or binary column.`,
  );
}
let columnsRun: Record<string, unknown> | null = null;
if (peersOk && chosen.some((s) => s.key === 'smote-nc')) {
  log('SMOTENC with every one-hot column as a categorical…');
  const run = runJsonLines(python, [resolve('bench/sampling/peers.py'), 'resample', dataDir, 'smote-nc-columns', root]);
  const foldLines = run.lines.filter((l) => 'fold' in l);
  const ours = results.find((r) => r.key === 'smote-nc')!.sides[0];
  columnsRun = {
    seconds: foldLines.map((l) => l.seconds),
    invalidShare: foldLines.map((l) => l.invalid_share),
    peakRssMb: run.lines.at(-1)?.peak_rss_mb ?? null,
    error: run.error ?? null,
  };
  notes.push(
    run.error
      ? `imbalanced-learn's SMOTENC with each of the ${structure.oneHotGroups.flat().length} one-hot columns as its own categorical failed: ${run.error} (peak RSS ${Number(columnsRun.peakRssMb).toFixed(0)} MB).`
      : `imbalanced-learn's SMOTENC with each of the ${structure.oneHotGroups.flat().length} one-hot columns as its own categorical (${foldLines.length} fold${foldLines.length === 1 ? '' : 's'}): ${stat(foldLines.map((l) => l.seconds)).mean.toFixed(2)} s per fold, peak RSS ${Number(columnsRun.peakRssMb).toFixed(0)} MB (leadstack's SmoteNc: ${stat(ours.resampleSeconds).mean.toFixed(2)} s, ${ours.peakRssMb?.toFixed(0)} MB); ${(100 * stat(foldLines.map((l) => l.invalid_share)).mean).toFixed(1)}% of its synthetic rows hold a one-hot pattern no minority row has (e.g. no level at all in a group where every minority row has one) — leadstack's SmoteNc: none by construction (tested).`,
  );
}

// 4. The neighbour search alone.
const knn = benchNeighbors(X, folds, Number(values['knn-rows']), 5, join(root, 'knn'), peersOk ? python : null);
notes.push(knn.note);

const table = markdownTable(results);
const header = `Sampler benchmark — built-in data, ${X.rows.toLocaleString('en-US')} leads × ${X.cols} features, ${positives} positives (${((100 * positives) / X.rows).toFixed(2)}%), ${nFolds} stratified folds, seed ${seed}. Model on every training part: leadstack GradientBoostingClassifier (${rounds} rounds, depth 4, lr 0.05); scores on the untouched test folds (mean ± sd). SMOTE / SMOTE-NC: k = 5, 'auto' (minority up to the majority). Categorical structure: ${structure.oneHotGroups.length} one-hot groups, ${structure.binaryColumns.length} binary columns.`;
console.log(`${header}\n\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}`);
if (values.json) {
  const summary = {
    leads,
    seed,
    folds: nFolds,
    rounds,
    rows: X.rows,
    cols: X.cols,
    positives,
    structure: { oneHotGroups: structure.oneHotGroups.length, binaryColumns: structure.binaryColumns.length },
    results,
    smoteNcColumns: columnsRun,
    knn,
    notes,
    table,
  };
  writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
}
