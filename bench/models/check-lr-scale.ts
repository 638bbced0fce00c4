/**
 * LogisticRegression on a large synthetic lead-like matrix: does every solver converge,
 * how long does it take, and do the solvers agree?
 *
 *   node --import tsx bench/models/check-lr-scale.ts [--rows 200000] [--categorical 30] [--levels 9] [--numeric 30]
 *
 * The matrix has `categorical` one-hot blocks of `levels` columns (skewed level
 * frequencies, like CRM picklists) and `numeric` Gaussian columns, all standardized as
 * the feature pipeline would; labels come from a seeded logistic model. Defaults give
 * 200,000 × 300. Each fit is reported with its solver, time, iterations, convergence and
 * ‖gradient‖∞; the l2 fit is run with newton-cholesky and lbfgs and their coefficients
 * compared.
 */
import { parseArgs } from 'node:util';
import { Matrix } from '../../src/core/matrix.js';
import { Rng } from '../../src/core/rng.js';
import { rocAuc } from '../../src/metrics/index.js';
import { LogisticRegression, type LogisticRegressionParams } from '../../src/models/linear/index.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    categorical: { type: 'string', default: '30' },
    levels: { type: 'string', default: '9' },
    numeric: { type: 'string', default: '30' },
  },
});
const rows = Number(values.rows);
const nCat = Number(values.categorical);
const levels = Number(values.levels);
const nNum = Number(values.numeric);

function makeLeads(seed: number): { X: Matrix; y: Int32Array } {
  const rng = new Rng(seed);
  const d = nCat * levels + nNum;
  const X = new Matrix(rows, d);
  const beta = Float64Array.from({ length: d }, () => rng.normal(0, 0.4));
  const levelWeights = Array.from({ length: levels }, (_, l) => 1 / (l + 1));
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = -1;
    for (let c = 0; c < nCat; c++) {
      const j = c * levels + rng.weightedIndex(levelWeights);
      X.set(i, j, 1);
      z += beta[j];
    }
    for (let k = 0; k < nNum; k++) {
      const j = nCat * levels + k;
      const v = rng.normal();
      X.set(i, j, v);
      z += beta[j] * v;
    }
    y[i] = rng.bernoulli(1 / (1 + Math.exp(-z))) ? 1 : 0;
  }
  standardize(X);
  return { X, y };
}

function standardize(X: Matrix): void {
  for (let j = 0; j < X.cols; j++) {
    let mean = 0;
    let sq = 0;
    for (let i = 0; i < X.rows; i++) mean += X.get(i, j);
    mean /= X.rows;
    for (let i = 0; i < X.rows; i++) sq += (X.get(i, j) - mean) ** 2;
    const sd = Math.sqrt(sq / X.rows) || 1;
    for (let i = 0; i < X.rows; i++) X.set(i, j, (X.get(i, j) - mean) / sd);
  }
}

async function run(label: string, X: Matrix, y: Int32Array, params: LogisticRegressionParams): Promise<LogisticRegression> {
  const model = new LogisticRegression(params);
  const t0 = performance.now();
  await model.fit(X, y);
  const seconds = (performance.now() - t0) / 1000;
  const auc = model.nClasses === 2 ? rocAuc(y, model.predictProba(X)) : accuracy(y, model.predict(X));
  const nonZero = model.coef.data.filter((v) => v !== 0).length;
  console.log(
    `${label.padEnd(38)} ${seconds.toFixed(2).padStart(6)} s  nIter ${String(model.nIter).padStart(4)}  converged ${model.converged}  ‖g‖∞ ${model.gradientNorm.toExponential(1)}  ${model.nClasses === 2 ? 'AUC' : 'accuracy'} ${auc.toFixed(4)}  non-zero ${nonZero}/${model.coef.data.length}`,
  );
  return model;
}

function accuracy(labels: Int32Array, predicted: Int32Array): number {
  let hits = 0;
  for (let i = 0; i < labels.length; i++) hits += labels[i] === predicted[i] ? 1 : 0;
  return hits / labels.length;
}

const t0 = performance.now();
const { X, y } = makeLeads(42);
console.log(`built ${X.rows} × ${X.cols} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const newton = await run('l2 C=1 newton-cholesky', X, y, { C: 1, solver: 'newton-cholesky' });
await run('l2 C=1 auto', X, y, { C: 1 });
const lbfgs = await run('l2 C=1 lbfgs', X, y, { C: 1, solver: 'lbfgs' });
let diff = 0;
newton.coef.data.forEach((v, j) => {
  diff = Math.max(diff, Math.abs(v - lbfgs.coef.data[j]));
});
console.log(`  max |coef diff| newton-cholesky vs lbfgs: ${diff.toExponential(2)}`);
await run('l1 C=0.01 auto', X, y, { penalty: 'l1', C: 0.01 });
await run('elasticnet C=0.05 l1Ratio=0.5 auto', X, y, { penalty: 'elasticnet', C: 0.05, l1Ratio: 0.5 });
await run('l1 C=0.01 owlqn', X, y, { penalty: 'l1', C: 0.01, solver: 'owlqn' });
const y3 = Int32Array.from(y, (v, i) => (v === 1 ? 1 : X.get(i, X.cols - 1) > 0.5 ? 2 : 0));
await run('multinomial (3 classes) l2 auto', X, y3, { C: 1 });
await run('multinomial (3 classes) l1 C=0.01 auto', X, y3, { penalty: 'l1', C: 0.01 });
