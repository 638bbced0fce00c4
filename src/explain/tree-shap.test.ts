import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { GradientBoostingClassifier } from '../models/ensemble/gradient-boosting-classifier.js';
import { RandomForestClassifier } from '../models/ensemble/random-forest-classifier.js';
import { makeSyntheticLeads } from '../models/ensemble/test-support/synthetic-leads.js';
import type { HasTreeEnsemble } from '../models/tree/tree-ensemble-view.js';
import { bruteForceShap } from './test-support/brute-force-shap.js';
import { treeShap, treeShapInto } from './tree-shap.js';

/** Raw output of the model for the rows: what the contributions add up to. */
function rawOutput(model: HasTreeEnsemble & { predictClassProba(X: Matrix): Matrix }, X: Matrix): Matrix {
  if (model instanceof GradientBoostingClassifier) return model.predictRaw(X);
  const view = model.treeEnsemble();
  const P = model.predictClassProba(X);
  if (view.nOutputs === P.cols) return P;
  return new Matrix(
    X.rows,
    1,
    Float64Array.from({ length: X.rows }, (_, i) => P.get(i, 1)),
  );
}

/** Six features (missing values in some), a few rows to explain, one with a missing value. */
const small = makeSyntheticLeads({ rows: 500, seed: 4, numeric: 4, categorical: 1, levels: 2, missing: 0.15 });
const smallMulti = makeSyntheticLeads({ rows: 500, seed: 5, nClasses: 3, numeric: 4, categorical: 1, levels: 2, missing: 0.15 });
const explainRows = (X: Matrix) => {
  const rows = X.selectRows([0, 1, 2, 3, 4, 5, 6, 7]);
  rows.set(0, 1, Number.NaN);
  rows.set(1, 2, Number.NaN);
  return rows;
};

const smallModels: [string, () => Promise<HasTreeEnsemble>, typeof small][] = [
  [
    'binary boosting (log-odds)',
    () => new GradientBoostingClassifier({ nEstimators: 6, maxDepth: 4, learningRate: 0.5 }).fit(small.X, small.y),
    small,
  ],
  [
    'leaf-wise binary boosting with subsampling',
    () =>
      new GradientBoostingClassifier({ nEstimators: 6, maxDepth: 4, maxLeaves: 7, subsample: 0.7, learningRate: 0.5 }).fit(
        small.X,
        small.y,
      ),
    small,
  ],
  [
    'multi-class boosting (raw class scores)',
    () => new GradientBoostingClassifier({ nEstimators: 4, maxDepth: 3, learningRate: 0.5 }).fit(smallMulti.X, smallMulti.y),
    smallMulti,
  ],
  ['binary forest (probability)', () => new RandomForestClassifier({ nEstimators: 5, maxDepth: 4 }).fit(small.X, small.y), small],
  [
    'multi-class forest (class probabilities)',
    () => new RandomForestClassifier({ nEstimators: 5, maxDepth: 4 }).fit(smallMulti.X, smallMulti.y),
    smallMulti,
  ],
];

for (const [label, fit, data] of smallModels) {
  test(`treeShap equals brute-force Shapley values over every feature subset to 1e-9: ${label}`, async () => {
    const model = await fit();
    const view = model.treeEnsemble();
    assert.ok(view.table.maxDepth() <= 4 && view.nFeatures <= 6);
    const X = explainRows(data.X);
    const result = treeShap(model, X);
    assert.equal(result.contributions.length, view.nOutputs);
    for (let i = 0; i < X.rows; i++) {
      const { phi, expected } = bruteForceShap(view, X.row(i));
      for (let k = 0; k < view.nOutputs; k++) {
        assert.ok(Math.abs(result.expectedValue[k] - expected[k]) < 1e-9, `expected value ${k}`);
        for (let j = 0; j < view.nFeatures; j++) {
          const actual = result.contributions[k].get(i, j);
          assert.ok(Math.abs(actual - phi[k][j]) < 1e-9, `row ${i} output ${k} feature ${j}: ${actual} vs ${phi[k][j]}`);
        }
      }
    }
  });
}

const large = makeSyntheticLeads({ rows: 3000, seed: 6, numeric: 8, categorical: 4, levels: 5 });
const largeMulti = makeSyntheticLeads({ rows: 2000, seed: 7, nClasses: 4, numeric: 6, categorical: 2, levels: 4 });

const largeModels: [string, () => Promise<HasTreeEnsemble & { predictClassProba(X: Matrix): Matrix }>, typeof large][] = [
  [
    'boosting, 150 rounds of depth 6',
    () => new GradientBoostingClassifier({ nEstimators: 150, maxDepth: 6, subsample: 0.8 }).fit(large.X, large.y),
    large,
  ],
  [
    '4-class boosting',
    () => new GradientBoostingClassifier({ nEstimators: 40, maxDepth: 5 }).fit(largeMulti.X, largeMulti.y),
    largeMulti,
  ],
  ['a forest of 40 fully grown trees', () => new RandomForestClassifier({ nEstimators: 40 }).fit(large.X, large.y), large],
  [
    'a 4-class forest',
    () => new RandomForestClassifier({ nEstimators: 20, maxDepth: 12 }).fit(largeMulti.X, largeMulti.y),
    largeMulti,
  ],
];

for (const [label, fit, data] of largeModels) {
  test(`treeShap is additive: expected value + Σ contributions = raw output to 1e-9, ${label}`, async () => {
    const model = await fit();
    const X = data.X.selectRows(Array.from({ length: 150 }, (_, i) => i * 13));
    const { contributions, expectedValue } = treeShap(model, X);
    const raw = rawOutput(model, X);
    assert.equal(contributions.length, raw.cols);
    for (let k = 0; k < raw.cols; k++) {
      for (let i = 0; i < X.rows; i++) {
        let total = expectedValue[k];
        for (let j = 0; j < X.cols; j++) total += contributions[k].get(i, j);
        assert.ok(Math.abs(total - raw.get(i, k)) < 1e-9, `row ${i} output ${k}: ${total} vs ${raw.get(i, k)}`);
      }
    }
    assert.deepEqual(contributions[0].columns, X.columns);
  });

  test(`treeShap with precomputed path tables agrees with the recursive algorithm to 1e-9, ${label}`, async () => {
    const model = await fit();
    const X = data.X.selectRows(Array.from({ length: 40 }, (_, i) => i * 29));
    const tabulated = treeShap(model, X);
    const recursive = treeShap(model, X, { algorithm: 'recursive' });
    for (let k = 0; k < tabulated.contributions.length; k++) {
      assert.ok(Math.abs(tabulated.expectedValue[k] - recursive.expectedValue[k]) < 1e-9);
      const a = tabulated.contributions[k].data;
      const b = recursive.contributions[k].data;
      for (let j = 0; j < a.length; j++) assert.ok(Math.abs(a[j] - b[j]) < 1e-9, `output ${k} entry ${j}: ${a[j]} vs ${b[j]}`);
    }
  });
}

test('treeShap expected value of a forest without bootstrap is its mean prediction over the training rows', async () => {
  const model = await new RandomForestClassifier({ nEstimators: 10, maxDepth: 5, bootstrap: false }).fit(small.X, small.y);
  const { expectedValue, output } = treeShap(model, small.X.selectRows([0]));
  assert.equal(output, 'probability');
  const p = model.predictProba(small.X);
  assert.ok(Math.abs(expectedValue[0] - p.reduce((a, b) => a + b, 0) / p.length) < 1e-12);
});

test('treeShap gives features the trees never split on a contribution of exactly zero', async () => {
  const X = Matrix.fromColumns([small.X.column(0), new Float64Array(small.X.rows).fill(3), small.X.column(1)]);
  const model = await new GradientBoostingClassifier({ nEstimators: 10, maxDepth: 3 }).fit(X, small.y);
  const { contributions, output } = treeShap(model, X);
  assert.equal(output, 'log-odds');
  for (let i = 0; i < X.rows; i++) assert.equal(contributions[0].get(i, 1), 0);
});

test('treeShap refuses a matrix of the wrong width or with infinite values', async () => {
  const model = await new GradientBoostingClassifier({ nEstimators: 2, maxDepth: 2 }).fit(small.X, small.y);
  assert.throws(
    () => treeShap(model, new Matrix(1, 3)),
    (e: Error) => e instanceof InputError && /3 features.*fitted on 6/.test(e.message),
  );
  const X = small.X.selectRows([0, 1]);
  X.set(1, 2, Number.POSITIVE_INFINITY);
  assert.throws(() => treeShap(model, X), /infinite value at row 1, column 2/);
  // A caller that refused infinite values itself (as predictProba does) asks for no second look.
  const out = [new Float64Array(X.rows * X.cols)];
  assert.throws(() => treeShapInto(model, X, out), /infinite value at row 1, column 2/);
  assert.doesNotThrow(() => treeShapInto(model, X, out, { finite: true }));
  assert.throws(() => model.predictProba(X), /infinite/, 'the model refuses them');
});
