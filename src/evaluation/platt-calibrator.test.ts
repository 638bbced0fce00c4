import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, NotFittedError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { fromJSON } from '../core/serialization.js';
import { PlattCalibrator } from './platt-calibrator.js';

const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: got ${actual}, expected ${expected}`);

test('without target smoothing, two score levels are fitted exactly: slope log 3 / log 4 on the log-odds', () => {
  // 1 of 4 leads converts at 0.2 (log-odds −log 4) and 3 of 4 at 0.8 (+log 4): σ(a·log 4 + b) = 3/4 needs b = 0, a = log 3 / log 4.
  const scores = [0.2, 0.2, 0.2, 0.2, 0.8, 0.8, 0.8, 0.8];
  const labels = [1, 0, 0, 0, 1, 1, 1, 0];
  const calibrator = new PlattCalibrator({ targetSmoothing: false }).fit(scores, labels);
  near(calibrator.slope, Math.log(3) / Math.log(4), 1e-12, 'slope');
  near(calibrator.intercept, 0, 1e-12, 'intercept');
  const [low, high] = calibrator.transform([0.2, 0.8]);
  near(low, 0.25, 1e-12, 'P at 0.2');
  near(high, 0.75, 1e-12, 'P at 0.8');
});

test('a constant score is calibrated to the mean of Platt’s smoothed targets', () => {
  // Two conversions, one non-conversion: targets 3/4 and 1/3, mean (2·3/4 + 1/3)/3 = 11/18; unsmoothed 2/3.
  const smoothed = new PlattCalibrator({ input: 'raw' }).fit([0, 0, 0], [1, 1, 0]);
  near(smoothed.transform([0])[0], 11 / 18, 1e-12, 'smoothed');
  const plain = new PlattCalibrator({ input: 'raw', targetSmoothing: false }).fit([0, 0, 0], [1, 1, 0]);
  near(plain.transform([0])[0], 2 / 3, 1e-12, 'plain');
});

test('an already calibrated model gets a slope near 1 and an intercept near 0 on the log-odds', () => {
  const rng = new Rng(8);
  const scores = Array.from({ length: 20000 }, () => 1 / (1 + Math.exp(-rng.normal(-1, 1.5))));
  const labels = scores.map((p) => (rng.bernoulli(p) ? 1 : 0));
  const calibrator = new PlattCalibrator().fit(scores, labels);
  near(calibrator.slope, 1, 0.05, 'slope');
  near(calibrator.intercept, 0, 0.05, 'intercept');
  assert.ok(calibrator.nIter < 15, `${calibrator.nIter} Newton iterations`);
});

test('an over-confident model is pulled towards the base rate, keeping the ranking', () => {
  const rng = new Rng(9);
  const truth = Array.from({ length: 3000 }, () => rng.normal(-1, 1));
  const labels = truth.map((z) => (rng.bernoulli(1 / (1 + Math.exp(-z))) ? 1 : 0));
  const scores = truth.map((z) => 1 / (1 + Math.exp(-3 * z)));
  const calibrator = new PlattCalibrator().fit(scores, labels);
  near(calibrator.slope, 1 / 3, 0.05, 'slope');
  const out = calibrator.transform([0.01, 0.5, 0.99]);
  assert.ok(out[0] > 0.01 && out[2] < 0.99 && out[0] < out[1] && out[1] < out[2]);
});

test('unit sample weights equal no weights; integer weights equal repeated rows', () => {
  const rng = new Rng(10);
  const scores = Array.from({ length: 300 }, () => rng.next());
  const labels = scores.map((p) => (rng.bernoulli(p) ? 1 : 0));
  const plain = new PlattCalibrator().fit(scores, labels);
  const unit = new PlattCalibrator().fit(scores, labels, new Float64Array(300).fill(1));
  assert.deepEqual([unit.slope, unit.intercept], [plain.slope, plain.intercept]);
  const weights = scores.map((_, i) => 1 + (i % 3));
  const weighted = new PlattCalibrator().fit(scores, labels, weights);
  const repeated = new PlattCalibrator().fit(
    scores.flatMap((s, i) => Array(weights[i]).fill(s)),
    labels.flatMap((y, i) => Array(weights[i]).fill(y)),
  );
  near(weighted.slope, repeated.slope, 1e-10, 'slope');
  near(weighted.intercept, repeated.intercept, 1e-10, 'intercept');
});

test('a PlattCalibrator JSON round trip transforms bit-identically', () => {
  const rng = new Rng(11);
  const scores = Array.from({ length: 200 }, () => rng.next());
  const labels = scores.map((p) => (rng.bernoulli(p * p) ? 1 : 0));
  for (const input of ['logit', 'raw'] as const) {
    const calibrator = new PlattCalibrator({ input }).fit(scores, labels);
    const loaded = fromJSON<PlattCalibrator>(JSON.parse(JSON.stringify(calibrator)));
    assert.ok(loaded instanceof PlattCalibrator);
    assert.deepEqual(loaded.params, calibrator.params);
    assert.deepEqual(loaded.transform(scores), calibrator.transform(scores));
  }
});

test('PlattCalibrator names what is wrong with its inputs', () => {
  assert.throws(() => new PlattCalibrator().transform([0.5]), NotFittedError);
  const fails = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (e: unknown) => e instanceof InputError && pattern.test(e.message));
  fails(
    () => new PlattCalibrator().fit([0.2, 1.7], [0, 1]),
    /score at row 1 is 1\.7, outside \[0, 1\]; for scores that are not probabilities use input: 'raw'/,
  );
  fails(() => new PlattCalibrator().fit([0.2, 0.7], [0, 0]), /only one class is present/);
  fails(() => new PlattCalibrator().fit([0.2, 0.7], [0, 1], [1, 0]), /only one class is present/);
  fails(() => new PlattCalibrator().fit([0.2], [0, 1]), /2 labels but 1 scores/);
  fails(() => new PlattCalibrator({ input: 'probit' as never }), /input is "probit"/);
  const fitted = new PlattCalibrator({ input: 'raw' }).fit([-2, 3], [0, 1]);
  fails(() => fitted.transform([Number.POSITIVE_INFINITY]), /score at row 0 is Infinity/);
});
