import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { GradientBoostingClassifier } from '../models/ensemble/gradient-boosting-classifier.js';
import { RandomForestClassifier } from '../models/ensemble/random-forest-classifier.js';
import { makeSyntheticLeads } from '../models/ensemble/test-support/synthetic-leads.js';
import type { HasTreeEnsemble, TreeEnsembleView } from '../models/tree/tree-ensemble-view.js';
import { treeShap } from './tree-shap.js';

/**
 * The path-dependent value function of one tree: E[f(x) | x_S] where a feature outside S is
 * integrated out by following both children weighted by their training cover.
 */
function conditionalValue(view: TreeEnsembleView, node: number, row: Float64Array, inS: boolean[], out: Float64Array): void {
  const { feature, threshold, defaultLeft, left, right, value, cover, nOutputs } = view.table.data;
  const f = feature[node];
  if (f < 0) {
    for (let k = 0; k < nOutputs; k++) out[k] = value[node * nOutputs + k];
    return;
  }
  if (inS[f]) {
    const v = row[f];
    const goesLeft = v <= threshold[node] || (Number.isNaN(v) && defaultLeft[node] === 1);
    conditionalValue(view, goesLeft ? left[node] : right[node], row, inS, out);
    return;
  }
  const l = new Float64Array(nOutputs);
  const r = new Float64Array(nOutputs);
  conditionalValue(view, left[node], row, inS, l);
  conditionalValue(view, right[node], row, inS, r);
  for (let k = 0; k < nOutputs; k++) out[k] = (cover[left[node]] * l[k] + cover[right[node]] * r[k]) / cover[node];
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/** Shapley values by enumerating every feature subset: φ[output][feature] for one row, and the expected value. */
function bruteForceShap(view: TreeEnsembleView, row: Float64Array): { phi: number[][]; expected: number[] } {
  const M = view.nFeatures;
  const K = view.nOutputs;
  const { treeStart, nOutputs } = view.table.data;
  const phi = Array.from({ length: K }, () => new Array<number>(M).fill(0));
  const expected = Array.from(view.base);
  const value = new Float64Array(nOutputs);
  for (let t = 0; t + 1 < treeStart.length; t++) {
    const vOf = new Map<number, Float64Array>();
    for (let mask = 0; mask < 1 << M; mask++) {
      const inS = Array.from({ length: M }, (_, j) => (mask & (1 << j)) !== 0);
      conditionalValue(view, treeStart[t], row, inS, value);
      vOf.set(mask, value.slice());
    }
    const column = view.treeOutput ? view.treeOutput[t] : 0;
    const add = (target: number[], contributions: Float64Array, factor: number) => {
      if (nOutputs === 1) target[column] += factor * contributions[0];
      else for (let k = 0; k < nOutputs; k++) target[k] += factor * contributions[k];
    };
    const empty = new Array<number>(K).fill(0);
    add(empty, vOf.get(0)!, view.scale);
    empty.forEach((v, k) => {
      expected[k] += v;
    });
    for (let i = 0; i < M; i++) {
      for (let mask = 0; mask < 1 << M; mask++) {
        if (mask & (1 << i)) continue;
        const size = popcount(mask);
        const weight = (factorial(size) * factorial(M - size - 1)) / factorial(M);
        const withI = vOf.get(mask | (1 << i))!;
        const without = vOf.get(mask)!;
        const delta = withI.map((v, k) => v - without[k]);
        const byOutput = new Array<number>(K).fill(0);
        add(byOutput, delta, weight * view.scale);
        byOutput.forEach((v, k) => {
          phi[k][i] += v;
        });
      }
    }
  }
  return { phi, expected };
}

function popcount(mask: number): number {
  let c = 0;
  for (let m = mask; m; m &= m - 1) c++;
  return c;
}

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
});
