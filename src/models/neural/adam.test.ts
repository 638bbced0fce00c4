import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Adam } from './adam.js';
import { ImprovementMonitor } from './improvement-monitor.js';

test('Adam: the first step moves each parameter by the learning rate against the gradient sign', () => {
  const theta = Float64Array.of(1, 1, 1);
  new Adam(3, 0.01).step(theta, Float64Array.of(0.5, -2, 0));
  assert.ok(Math.abs(theta[0] - 0.99) < 1e-7);
  assert.ok(Math.abs(theta[1] - 1.01) < 1e-7);
  assert.equal(theta[2], 1);
});

test('Adam: minimises a quadratic', () => {
  const theta = Float64Array.of(3, -2);
  const adam = new Adam(2, 0.1);
  for (let i = 0; i < 500; i++) adam.step(theta, Float64Array.of(2 * (theta[0] - 1), 2 * (theta[1] + 1)));
  assert.ok(Math.abs(theta[0] - 1) < 1e-3 && Math.abs(theta[1] + 1) < 1e-3);
});

test('Adam: the L2 decay applies to the masked parameters only', () => {
  const theta = Float64Array.of(2, 2);
  new Adam(2, 0.01).step(theta, Float64Array.of(0, 0), 0.5, Uint8Array.of(1, 0));
  assert.ok(Math.abs(theta[0] - 1.99) < 1e-7, 'decay gradient 0.5 · 2 moves the first parameter');
  assert.equal(theta[1], 2);
});

test('ImprovementMonitor: counts epochs without a tol-sized drop, keeps the lowest loss, treats NaN as no improvement', () => {
  const monitor = new ImprovementMonitor(0.1, 2);
  assert.equal(monitor.update(0, 1), false);
  assert.equal(monitor.update(1, 0.95), false, 'smaller than tol: stale 1, but the new best');
  assert.equal(monitor.bestEpoch, 1);
  assert.equal(monitor.update(2, Number.NaN), true, 'stale 2 = patience');
  assert.equal(monitor.bestLoss, 0.95);
  assert.ok(monitor.isBest(1));
});
