import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../../core/matrix.js';
import { LogisticRegression } from './logistic-regression.js';
import { normalCdf, normalQuantile, twoSidedPValue } from './normal-distribution.js';

/** Rows of a 2 × 2 table: `counts[x][y]` leads with feature value x and outcome y. */
function twoByTwo(counts: number[][]): { X: Matrix; y: number[] } {
  const rows: number[][] = [];
  const y: number[] = [];
  for (const x of [0, 1]) {
    for (const label of [0, 1]) {
      for (let k = 0; k < counts[x][label]; k++) {
        rows.push([x]);
        y.push(label);
      }
    }
  }
  return { X: Matrix.fromRows(rows, ['emailed']), y };
}

test('an unpenalised one-feature model reproduces the 2 × 2 table: odds ratio ad/bc and se √(1/a + 1/b + 1/c + 1/d)', async () => {
  const [a, b, c, d] = [40, 10, 25, 25]; // x = 0: 40 no, 10 yes; x = 1: 25 no, 25 yes
  const { X, y } = twoByTwo([
    [a, b],
    [c, d],
  ]);
  const model = await new LogisticRegression({ penalty: 'none', tol: 1e-12, computeStatistics: true }).fit(X, y);
  const [coef, intercept] = model.summary().rows;
  const oddsRatio = (a * d) / (b * c);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const z = Math.log(oddsRatio) / se;
  const q = normalQuantile(0.975);
  const close = (actual: number, expected: number, what: string) =>
    assert.ok(Math.abs(actual - expected) <= 1e-9 * (1 + Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
  assert.equal(coef.feature, 'emailed');
  close(coef.oddsRatio, oddsRatio, 'odds ratio');
  close(coef.coefficient, Math.log(oddsRatio), 'coefficient');
  close(coef.standardError, se, 'standard error');
  close(coef.z, z, 'z');
  close(coef.pValue, 2 * (1 - normalCdf(Math.abs(z))), 'p-value');
  close(coef.lower, Math.log(oddsRatio) - q * se, 'lower');
  close(coef.oddsRatioUpper, Math.exp(Math.log(oddsRatio) + q * se), 'odds ratio upper');
  assert.equal(intercept.feature, '(intercept)');
  close(intercept.coefficient, Math.log(b / a), 'intercept');
  close(intercept.standardError, Math.sqrt(1 / a + 1 / b), 'intercept standard error');
  assert.equal(coef.note, null);
  assert.match(model.summary().notes[0], /Fisher information/);
});

test('the confidence level widens the interval by the matching normal quantile', async () => {
  const { X, y } = twoByTwo([
    [30, 12],
    [18, 20],
  ]);
  const model = await new LogisticRegression({ penalty: 'none', computeStatistics: true }).fit(X, y);
  const row = model.summary(undefined, undefined, { confidenceLevel: 0.99 }).rows[0];
  assert.ok(Math.abs((row.upper - row.coefficient) / row.standardError - 2.5758293035489004) < 1e-12);
});

test('a one-hot column set plus the intercept is not identifiable: no standard error, and a note that says why', async () => {
  // Two levels that always sum to 1 duplicate the intercept.
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 80; i++) {
    const level = i % 2;
    rows.push([level, 1 - level, (i % 7) / 7]);
    y.push((i * 37) % 5 < 2 + level ? 1 : 0);
  }
  const model = await new LogisticRegression({ penalty: 'none', computeStatistics: true }).fit(
    Matrix.fromRows(rows, ['web', 'phone', 'visits']),
    y,
  );
  const summary = model.summary();
  const byName = new Map(summary.rows.map((r) => [r.feature, r]));
  for (const name of ['web', 'phone', '(intercept)']) {
    assert.ok(Number.isNaN(byName.get(name)!.standardError), `${name} has no standard error`);
    assert.match(byName.get(name)!.note!, /not identifiable.*drop one of them/);
  }
  assert.ok(byName.get('visits')!.standardError > 0, 'the other coefficients keep theirs');
  assert.match(summary.notes.join(' '), /singular/);
});

test('normal distribution helpers agree with scipy to near machine precision, far tail included', () => {
  const pValues: [number, number][] = [
    [0, 1],
    [0.5, 0.6170750774519738],
    [1.959963984540054, 0.05],
    [3, 0.0026997960632601866],
    [5, 5.733031437583866e-7],
    [10, 1.523970604832094e-23],
    [20, 5.507248237212311e-89],
    [37, 1.1451142445047853e-299],
  ];
  for (const [z, p] of pValues) {
    assert.ok(Math.abs(twoSidedPValue(z) - p) <= 1e-12 * p, `p(${z}) = ${twoSidedPValue(z)}, scipy ${p}`);
    assert.equal(twoSidedPValue(-z), twoSidedPValue(z));
  }
  const quantiles: [number, number][] = [
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.5, 0],
    [1e-10, -6.361340902404056],
    [0.9, 1.2815515655446004],
  ];
  for (const [p, q] of quantiles) assert.ok(Math.abs(normalQuantile(p) - q) <= 1e-14 * (1 + Math.abs(q)), `Φ⁻¹(${p})`);
  assert.equal(normalQuantile(0), Number.NEGATIVE_INFINITY);
  assert.ok(Number.isNaN(twoSidedPValue(Number.NaN)));
});
