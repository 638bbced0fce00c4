import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logLossFromLogits, probabilitiesFromLogits, sigmoid } from './logit-math.js';

test('probabilitiesFromLogits: sigmoid columns for binary, softmax rows summing to 1 otherwise', () => {
  const binary = probabilitiesFromLogits(Float32Array.of(0, 2), 2, 2);
  assert.deepEqual(Array.from(binary.data), [0.5, 0.5, 1 - sigmoid(2), sigmoid(2)]);
  const multi = probabilitiesFromLogits(Float32Array.of(1, 2, 3, 1000, 0, -1000), 2, 3);
  const e = [Math.exp(-2), Math.exp(-1), 1];
  const s = e[0] + e[1] + e[2];
  assert.deepEqual(
    Array.from(multi.row(0)),
    e.map((v) => v / s),
  );
  assert.deepEqual(Array.from(multi.row(1)), [1, 0, 0], 'large logits do not overflow');
});

test('logLossFromLogits: log 2 at zero logits, weights give a weighted mean, extreme logits stay finite', () => {
  assert.equal(logLossFromLogits(Float32Array.of(0, 0), 1, [0, 1], null), Math.LN2);
  const weighted = logLossFromLogits(Float32Array.of(0, 3), 1, [1, 1], [1, 3]);
  assert.ok(Math.abs(weighted - (Math.LN2 + 3 * Math.log1p(Math.exp(-3))) / 4) < 1e-15);
  assert.equal(logLossFromLogits(Float32Array.of(-200), 1, [1], null), 200);
  assert.ok(Math.abs(logLossFromLogits(Float32Array.of(0, 0, 0), 3, [2], null) - Math.log(3)) < 1e-15);
  assert.ok(Number.isNaN(logLossFromLogits(Float32Array.of(1), 1, [1], [0])), 'no weight, no loss');
});
