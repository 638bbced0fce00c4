import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importanceChart, learningCurveChart } from './model-charts.js';

test('importanceChart puts the largest bar on top', () => {
  const fig = importanceChart(
    [
      { label: 'a', value: 0.1 },
      { label: 'b', value: 0.5 },
      { label: 'c', value: -0.3 },
    ],
    'Importance',
  );
  assert.deepEqual(fig.data[0].y, ['a', 'c', 'b']);
  assert.deepEqual(fig.data[0].x, [0.1, -0.3, 0.5]);
});

test('learningCurveChart draws training and validation loss and marks the best iteration', () => {
  const fig = learningCurveChart({ train: [0.6, 0.5, 0.4], valid: [0.62, 0.55, 0.57] }, 'Boosting', 'round', 1);
  assert.equal(fig.data.length, 2);
  assert.deepEqual(fig.data[1].y, [0.62, 0.55, 0.57]);
  assert.deepEqual(fig.data[0].x, [1, 2, 3]);
  assert.equal((fig.layout.shapes as { x0: number }[])[0].x0, 2);
});
