/**
 * Model benchmark: leadstack's model families against scikit-learn and XGBoost on the same feature
 * matrix (exported from leadstack's pipeline; the Python side reads it) and the same stratified folds.
 *
 *   npm run bench:models [-- --datasets x-education,builtin --models lr,rf,gbdt,nn,rules --folds 5 --json out.json]
 *
 * Prints, per data set and family: ROC-AUC, PR-AUC and log loss (mean ± sd over folds), fit seconds per
 * fold, predict seconds per 100k rows, the leadstack / peer ratios and whether each target holds. The
 * peers run with /usr/bin/python3 (Debian's python3-sklearn, python3-xgboost); they are skipped with a
 * message when missing. Each data set runs in a process of its own, as the peers do: what one data
 * set's models leave behind (the neural net's TensorFlow.js heap, warmed-up threads) does not weigh
 * on the next one's timings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Matrix } from '../../src/core/matrix.js';
import { writeBuiltinDataset } from '../../src/data/datasets/builtin/index.js';
import { datasetLabels } from '../../src/data/datasets/dataset-labels.js';
import { type Dataset, loadDataset } from '../../src/data/datasets/load-dataset.js';
import { Standardizer } from '../../src/features/standardize.js';
import { averagePrecision } from '../../src/metrics/average-precision.js';
import { logLoss } from '../../src/metrics/log-loss.js';
import { rocAuc } from '../../src/metrics/roc-auc.js';
import { LogisticRegression } from '../../src/models/linear/logistic-regression.js';
import { neuralBackend } from '../../src/models/neural/tf-backend.js';
import { datasetRuleMatrix, defaultRules, RuleBasedScorer } from '../../src/models/rules/index.js';
import { prepareDataset } from '../../src/selection/prepare-dataset.js';
import { StratifiedKFold } from '../../src/selection/stratified-k-fold.js';
import { FAMILIES, LR_C } from './families.js';
import { type DatasetRun, type FoldResult, printTables, summarize } from './report.js';

const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: 'x-education,builtin' },
    models: { type: 'string', default: 'lr,rf,gbdt,nn,rules' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
    leads: { type: 'string', default: '75000' },
    'skip-peers': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const seed = Number(values.seed);
const nFolds = Number(values.folds);
const models = values.models!.split(',');
const outRoot = resolve('bench/out/models');
const PREDICT_ROWS = 100_000;

function loadBenchDataset(name: string): Dataset {
  if (name === 'x-education') return loadDataset('x-education', { root: resolve('.') });
  if (name !== 'builtin') throw new Error(`unknown data set ${name}: use x-education or builtin`);
  return loadDataset('builtin', { root: join(outRoot, `builtin-${values.leads}-${seed}`) });
}

/** Rows 0..n−1 of X repeated to `rows` rows: the predict-time workload. */
function tile(X: Matrix, rows: number): Matrix {
  const data = new Float64Array(rows * X.cols);
  for (let i = 0; i < rows; i++) data.set(X.data.subarray((i % X.rows) * X.cols, ((i % X.rows) + 1) * X.cols), i * X.cols);
  return new Matrix(rows, X.cols, data, X.columnNames());
}

function metricsOf(y: Uint8Array, p: Float64Array): Pick<FoldResult, 'rocAuc' | 'prAuc' | 'logLoss'> {
  return { rocAuc: rocAuc(y, p), prAuc: averagePrecision(y, p), logLoss: logLoss(y, p) };
}

async function runDataset(name: string): Promise<DatasetRun> {
  if (
    name === 'builtin' &&
    !existsSync(join(outRoot, `builtin-${values.leads}-${seed}`, 'data', 'raw', 'builtin', 'events.csv'))
  ) {
    const dir = join(outRoot, `builtin-${values.leads}-${seed}`, 'data', 'raw', 'builtin');
    mkdirSync(dir, { recursive: true });
    await writeBuiltinDataset(dir, { leads: Number(values.leads), seed });
  }
  const data = loadBenchDataset(name);
  const labels = datasetLabels(data);
  const prepared = prepareDataset(data, { split: { none: true }, seed });
  const X = prepared.train.matrix;
  const y = Int32Array.from(labels);
  const folds = new StratifiedKFold({ nSplits: nFolds, randomState: seed }).assign(y);
  const dir = join(outRoot, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
  writeFileSync(join(dir, 'y.i8'), Int8Array.from(labels));
  writeFileSync(join(dir, 'folds.i32'), new Uint8Array(folds.buffer));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ rows: X.rows, cols: X.cols, seed, C: LR_C, names: X.columnNames() }));
  console.error(`${name}: ${X.rows} rows × ${X.cols} features, ${labels.reduce((a, b) => a + b, 0)} positives`);
  const results: FoldResult[] = [];
  const big = tile(X, PREDICT_ROWS);
  for (const family of FAMILIES.filter((f) => models.includes(f.key))) {
    for (let f = 0; f < nFolds; f++) {
      const train = Int32Array.from(y.keys()).filter((i) => folds[i] !== f);
      const test = Int32Array.from(y.keys()).filter((i) => folds[i] === f);
      let Xtr = X.selectRows(train);
      let Xte = X.selectRows(test);
      let Xbig = big;
      if (family.standardize) {
        const s = new Standardizer().fit(Xtr);
        [Xtr, Xte, Xbig] = [s.transform(Xtr), s.transform(Xte), s.transform(big)];
      }
      const model = family.make(seed);
      let t = performance.now();
      await model.fit(
        Xtr,
        Int32Array.from(train, (i) => y[i]),
      );
      const fitS = (performance.now() - t) / 1000;
      const p = model.predictProba(Xte);
      t = performance.now();
      model.predictProba(Xbig);
      const predictS = (performance.now() - t) / 1000;
      results.push({
        impl: 'leadstack',
        family: family.key,
        fold: f,
        fitS,
        predictS,
        ...metricsOf(
          Uint8Array.from(test, (i) => labels[i]),
          p,
        ),
      });
      console.error(`  ${family.key} fold ${f}: fit ${fitS.toFixed(2)} s, AUC ${results.at(-1)!.rocAuc.toFixed(4)}`);
    }
  }
  if (models.includes('rules')) {
    const rules = defaultRules(name)!;
    const R = datasetRuleMatrix(rules, data);
    for (let f = 0; f < nFolds; f++) {
      const train = Int32Array.from(y.keys()).filter((i) => folds[i] !== f);
      const test = Int32Array.from(y.keys()).filter((i) => folds[i] === f);
      const t = performance.now();
      const model = await new RuleBasedScorer({ rules }).fit(
        R.selectRows(train),
        Int32Array.from(train, (i) => y[i]),
      );
      const fitS = (performance.now() - t) / 1000;
      const p = model.predictProba(R.selectRows(test));
      results.push({
        impl: 'leadstack',
        family: 'rules',
        fold: f,
        fitS,
        predictS: Number.NaN,
        ...metricsOf(
          Uint8Array.from(test, (i) => labels[i]),
          p,
        ),
      });
    }
  }
  let coefDiff: number | null = null;
  let lbfgsGap: number | null = null;
  const peers = FAMILIES.filter((f) => models.includes(f.key)).flatMap((f) => f.peers);
  if (!values['skip-peers'] && peers.length) {
    const check = spawnSync('/usr/bin/python3', ['-c', 'import sklearn, xgboost'], { encoding: 'utf8' });
    if (check.status !== 0)
      console.error(
        'peers skipped: /usr/bin/python3 with scikit-learn and xgboost is missing (LEADSTACK_SETUP_PEERS=1 npm run setup)',
      );
    else {
      const list = models.includes('lr') ? [...peers, 'coef'] : peers;
      const run = spawnSync('/usr/bin/python3', [resolve('bench/models/peers.py'), dir, list.join(','), '2'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (run.status !== 0) throw new Error(`peers failed:\n${run.stderr}`);
      for (const line of run.stdout.trim().split('\n')) {
        const r = JSON.parse(line);
        if (r.peer === 'coef') {
          const Z = new Standardizer().fit(X).transform(X);
          const ours = await new LogisticRegression({ penalty: 'l2', C: LR_C, tol: 1e-12, maxIter: 5000 }).fit(Z, y);
          const coef = ours.coef.data;
          lbfgsGap = r.lbfgs_gap;
          coefDiff = Math.abs(ours.intercept[0] - r.intercept);
          r.coef.forEach((c: number, j: number) => {
            coefDiff = Math.max(coefDiff!, Math.abs(c - coef[j]));
          });
          continue;
        }
        results.push({
          impl: r.peer,
          family: FAMILIES.find((f) => f.peers.includes(r.peer))!.key,
          fold: r.fold,
          fitS: r.fit_s,
          predictS: r.predict_s_100k,
          rocAuc: r.roc_auc,
          prAuc: r.pr_auc,
          logLoss: r.log_loss,
        });
      }
    }
  }
  return {
    name,
    rows: X.rows,
    cols: X.cols,
    positives: labels.reduce((a, b) => a + b, 0),
    summaries: summarize(results),
    coefDiff,
    lbfgsGap,
  };
}

/** Runs one data set in a child process (same flags) and reads its run back. */
function runDatasetApart(name: string): DatasetRun {
  const out = join(outRoot, `run-${name}-${process.pid}.json`);
  const args = process.argv
    .slice(2)
    .filter((_, k, a) => !['--datasets', '--json'].includes(a[k]) && !['--datasets', '--json'].includes(a[k - 1]));
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...args, '--datasets', name, '--json', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`bench:models on ${name} failed (exit ${child.status})`);
  const run = JSON.parse(readFileSync(out, 'utf8')).datasets[0] as DatasetRun;
  rmSync(out);
  return run;
}

const backend = await neuralBackend();
const names = values.datasets!.split(',');
const all: DatasetRun[] = [];
for (const name of names) all.push(names.length > 1 ? runDatasetApart(name) : await runDataset(name));
printTables(all, FAMILIES, { folds: nFolds, seed, backend });
if (values.json) writeFileSync(values.json, `${JSON.stringify({ seed, folds: nFolds, backend, datasets: all }, null, 2)}\n`);
