/**
 * LogisticRegression against scikit-learn: coefficients, and the coefficient table against
 * numpy/scipy. Reference values: bench/fixtures/lr-fixture.json, written by
 * bench/fixtures/make-lr-fixture.py.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Matrix } from '../../core/matrix.js';
import type { CoefficientRow } from './coefficient-summary.js';
import { LogisticRegression } from './logistic-regression.js';
import type { LogisticRegressionParams, LogisticSolver, Penalty } from './logistic-regression-params.js';

interface FixtureCase {
  name: string;
  data: 'binary' | 'multiclass';
  sampleWeight: number[] | null;
  params: { penalty: Penalty; C?: number; l1_ratio?: number; fit_intercept?: boolean; class_weight?: 'balanced' | number[] };
  coef: number[][];
  intercept: number[];
  summary?: Record<'standardError' | 'z' | 'pValue' | 'lower' | 'upper' | 'oddsRatio', (number | null)[]> & {
    covariance: string;
    oddsRatioLower: (number | null)[];
    oddsRatioUpper: (number | null)[];
  };
}

const fixture: { sklearn: string; data: Record<string, { X: number[][]; y: number[] }>; cases: FixtureCase[] } = JSON.parse(
  readFileSync(new URL('../../../bench/fixtures/lr-fixture.json', import.meta.url), 'utf8'),
);

function paramsOf(c: FixtureCase, extra: LogisticRegressionParams = {}): LogisticRegressionParams {
  const p = c.params;
  return {
    penalty: p.penalty,
    C: p.C,
    l1Ratio: p.l1_ratio,
    fitIntercept: p.fit_intercept,
    classWeight: p.class_weight ?? null,
    ...extra,
  };
}

async function fitCase(c: FixtureCase, extra: LogisticRegressionParams = {}): Promise<LogisticRegression> {
  const data = fixture.data[c.data];
  const model = new LogisticRegression(paramsOf(c, extra));
  return model.fit(Matrix.fromRows(data.X), data.y, { sampleWeight: c.sampleWeight ?? undefined });
}

function largestCoefficientGap(model: LogisticRegression, c: FixtureCase): number {
  const expected = c.coef.flat();
  let gap = 0;
  model.coef.data.forEach((v, j) => {
    gap = Math.max(gap, Math.abs(v - expected[j]));
  });
  c.intercept.forEach((v, k) => {
    gap = Math.max(gap, Math.abs(model.intercept[k] - v));
  });
  return gap;
}

/** Solvers that handle the case's penalty and number of classes. */
function solversFor(c: FixtureCase): LogisticSolver[] {
  const smooth = c.params.penalty === 'l2' || c.params.penalty === 'none';
  const binary = c.data === 'binary';
  return (['lbfgs', 'newton-cholesky', 'newton-cd', 'owlqn'] as const).filter(
    (s) => (smooth || s === 'newton-cd' || s === 'owlqn') && (binary || s !== 'newton-cholesky'),
  );
}

test(`the fixture covers every penalty, weights and multinomial fits (scikit-learn ${fixture.sklearn})`, () => {
  const penalties = new Set(fixture.cases.map((c) => c.params.penalty));
  assert.deepEqual([...penalties].sort(), ['elasticnet', 'l1', 'l2', 'none']);
  assert.ok(fixture.cases.some((c) => c.sampleWeight && c.params.class_weight));
  assert.ok(fixture.cases.some((c) => c.data === 'multiclass' && c.params.penalty === 'l1'));
});

for (const c of fixture.cases) {
  test(`LogisticRegression with default settings matches scikit-learn's coefficients within 1e-4: ${c.name}`, async () => {
    const model = await fitCase(c);
    assert.equal(model.converged, true, model.convergenceWarning ?? '');
    const gap = largestCoefficientGap(model, c);
    assert.ok(gap < 1e-4, `largest coefficient gap ${gap}`);
  });

  test(`every applicable solver matches scikit-learn within 1e-6 at a tight tolerance: ${c.name}`, async () => {
    for (const solver of solversFor(c)) {
      const model = await fitCase(c, { solver, tol: 1e-10, maxIter: 5000 });
      const gap = largestCoefficientGap(model, c);
      assert.ok(gap < 1e-6, `${solver}: largest coefficient gap ${gap} after ${model.nIter} iterations`);
    }
  });

  const reference = c.summary;
  if (!reference) continue;
  test(`the coefficient table (se, z, p, 95% CI, odds ratio) matches numpy/scipy: ${c.name}`, async () => {
    const model = await fitCase(c, { tol: 1e-10, computeStatistics: true });
    const summary = model.summary();
    assert.equal(summary.covariance, reference.covariance);
    assert.equal(summary.confidenceLevel, 0.95);
    const fields = ['standardError', 'z', 'pValue', 'lower', 'upper', 'oddsRatio', 'oddsRatioLower', 'oddsRatioUpper'] as const;
    assert.equal(summary.rows.length, reference.standardError.length);
    summary.rows.forEach((row: CoefficientRow, r) => {
      for (const field of fields) {
        const expected = reference[field][r];
        const actual = row[field];
        if (expected === null) {
          assert.ok(Number.isNaN(actual), `${row.feature} ${field}: expected NaN, got ${actual}`);
          assert.match(row.note ?? '', /shrunk to exactly zero by the L1 penalty/);
          continue;
        }
        const tolerance = field === 'pValue' ? 1e-8 * Math.max(expected, 1e-300) + 1e-12 : 1e-7 * (1 + Math.abs(expected));
        assert.ok(Math.abs(actual - expected) <= tolerance, `${row.feature} ${field}: ${actual} vs ${expected}`);
      }
    });
    // summary(X, y) recomputes the same table from the training data.
    const data = fixture.data[c.data];
    const again = model.summary(Matrix.fromRows(data.X), data.y, { sampleWeight: c.sampleWeight ?? undefined });
    assert.deepEqual(again.rows, summary.rows);
  });
}

test('the coefficient table lists one row per class and feature for multinomial models, without statistics', async () => {
  const c = fixture.cases.find((k) => k.data === 'multiclass')!;
  const model = await fitCase(c, { computeStatistics: true });
  const summary = model.summary();
  assert.equal(summary.covariance, 'none');
  assert.equal(summary.rows.length, 3 * 5);
  assert.deepEqual(
    summary.rows.filter((r) => r.isIntercept).map((r) => r.classIndex),
    [0, 1, 2],
  );
  for (const row of summary.rows) {
    assert.ok(Number.isNaN(row.standardError) && Number.isNaN(row.oddsRatio));
    assert.match(row.note!, /binary models only/);
  }
  assert.match(summary.notes[0], /exp\(coefₖ − coefₗ\)/);
});
