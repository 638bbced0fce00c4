import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { calibrationReport } from './calibration-report.js';
import { PlattCalibrator } from './platt-calibrator.js';

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: got ${actual}, expected ${expected}`);

test('calibrationReport on scikit-learn’s documented example, before and after', () => {
  const labels = [0, 0, 0, 0, 1, 1, 1, 1, 1];
  const before = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];
  const report = calibrationReport(labels, before, labels, 3);
  // Bins (0, ⅓], (⅓, ⅔], (⅔, 1] hold 3, 2 and 4 leads: observed 0, ½, 1 vs predicted 0.2, 0.525, 0.85.
  assert.deepEqual([...report.before.curve.counts], [3, 2, 4]);
  near(report.before.ece, (3 * 0.2 + 2 * 0.025 + 4 * 0.15) / 9, 'ECE before');
  near(report.before.brier, 0.5625 / 9, 'Brier before');
  near(report.before.meanPredicted, 5.05 / 9, 'mean predicted');
  assert.equal(report.after.brier, 0);
  assert.equal(report.after.ece, 0);
  assert.deepEqual([...report.after.curve.bins], [0, 2]);
  near(report.observedRate, 5 / 9, 'observed rate');
  assert.deepEqual([report.nBins, report.strategy], [3, 'uniform']);
});

test('Platt scaling fitted on out-of-fold scores lowers the calibration error on new leads', () => {
  const rng = new Rng(14);
  const draw = (n: number) => {
    const truth = Array.from({ length: n }, () => rng.normal(-1.5, 1));
    const labels = truth.map((z) => (rng.bernoulli(1 / (1 + Math.exp(-z))) ? 1 : 0));
    return { labels, scores: truth.map((z) => 1 / (1 + Math.exp(-2.5 * z - 1))) };
  };
  const outOfFold = draw(4000);
  const holdOut = draw(4000);
  const calibrator = new PlattCalibrator().fit(outOfFold.scores, outOfFold.labels);
  const report = calibrationReport(holdOut.labels, holdOut.scores, calibrator.transform(holdOut.scores), {
    nBins: 10,
    strategy: 'quantile',
  });
  assert.equal(report.strategy, 'quantile');
  assert.ok(report.after.ece < report.before.ece / 3, `ECE ${report.before.ece} → ${report.after.ece}`);
  assert.ok(report.after.brier < report.before.brier);
  assert.ok(report.after.logLoss < report.before.logLoss);
});

test('calibrationReport names a length mismatch', () => {
  assert.throws(() => calibrationReport([0, 1], [0.2, 0.8], [0.5]), /2 labels but 1 probabilities after calibration/);
  assert.throws(() => calibrationReport([0, 1], [0.2, 1.8], [0.5, 0.5]), /probability at row 1 is 1\.8/);
});
