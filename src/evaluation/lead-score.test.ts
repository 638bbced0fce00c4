import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, NotFittedError } from '../core/errors.js';
import { fromJSON } from '../core/serialization.js';
import { leadScore, leadScores } from './lead-score.js';
import { ScorePercentiles, scorePercentiles } from './score-percentiles.js';

test('leadScore is round(100 · p), halves rounding up on the decimal value', () => {
  assert.deepEqual([0, 0.004, 0.005, 0.123, 0.285, 0.5, 0.999, 1].map(leadScore), [0, 0, 1, 12, 29, 50, 100, 100]);
  assert.deepEqual([...leadScores([0.07, 0.345, 0.9])], [7, 35, 90]);
});

test('leadScore refuses anything that is not a probability', () => {
  assert.throws(
    () => leadScore(1.2),
    (e: unknown) => e instanceof InputError && /is 1\.2; it must lie in \[0, 1\] \(calibrate/.test(e.message),
  );
  assert.throws(() => leadScores([0.1, Number.NaN]), /the probability at row 1 is NaN/);
});

test('scorePercentiles places a score in the reference distribution, ties by kind', () => {
  // Reference: 10, 20, 20, 30, 40. For 20: 1 below, 2 equal.
  const reference = [20, 40, 10, 30, 20];
  assert.deepEqual([...scorePercentiles(reference).transform([5, 10, 20, 25, 40, 99])], [0, 20, 60, 60, 100, 100]);
  assert.equal(scorePercentiles(reference, { kind: 'strict' }).percentile(20), 20);
  assert.equal(scorePercentiles(reference, { kind: 'mean' }).percentile(20), 40);
  assert.equal(scorePercentiles(reference).count, 5);
});

test('a ScorePercentiles JSON round trip gives identical percentiles', () => {
  const reference = Array.from({ length: 1000 }, (_, i) => (i * 37) % 101);
  const fitted = scorePercentiles(reference, { kind: 'mean' });
  const loaded = fromJSON<ScorePercentiles>(JSON.parse(JSON.stringify(fitted)));
  assert.ok(loaded instanceof ScorePercentiles);
  const queries = Array.from({ length: 103 }, (_, k) => k - 1);
  assert.deepEqual(loaded.transform(queries), fitted.transform(queries));
  assert.equal(loaded.params.kind, 'mean');
});

test('ScorePercentiles names what is wrong', () => {
  assert.throws(() => new ScorePercentiles().percentile(1), NotFittedError);
  assert.throws(() => scorePercentiles([]), /no reference scores/);
  assert.throws(() => scorePercentiles([1, Number.NaN]), /score at row 1 is NaN/);
  assert.throws(() => new ScorePercentiles({ kind: 'rank' as never }), /kind is "rank"/);
});
