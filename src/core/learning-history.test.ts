import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LearningHistory } from './learning-history.js';

test('LearningHistory keeps the losses it is given, in order', () => {
  const h = new LearningHistory();
  h.onIterationEnd(0, { trainLoss: 0.6, validLoss: 0.7 });
  h.onIterationEnd(1, { trainLoss: 0.5 });
  assert.deepEqual(h.train, [0.6, 0.5]);
  assert.deepEqual(h.valid, [0.7]);
});
