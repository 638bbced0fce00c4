import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashString, Rng } from './rng.js';

test('Rng gives the same stream for the same seed and different streams for different seeds', () => {
  const a = new Rng(42);
  const b = new Rng(42);
  const c = new Rng(43);
  const sa = Array.from({ length: 20 }, () => a.next());
  const sb = Array.from({ length: 20 }, () => b.next());
  const sc = Array.from({ length: 20 }, () => c.next());
  assert.deepEqual(sa, sb);
  assert.notDeepEqual(sa, sc);
});

test('Rng.next is uniform on [0, 1): mean 0.5, variance 1/12', () => {
  const rng = new Rng(1);
  const n = 200_000;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = rng.next();
    assert.ok(v >= 0 && v < 1);
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  assert.ok(Math.abs(mean - 0.5) < 0.005, `mean ${mean}`);
  assert.ok(Math.abs(sumSq / n - mean * mean - 1 / 12) < 0.002);
});

test('Rng.normal has mean 0 and sd 1', () => {
  const rng = new Rng(2);
  const n = 100_000;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = rng.normal();
    sum += v;
    sumSq += v * v;
  }
  assert.ok(Math.abs(sum / n) < 0.02);
  assert.ok(Math.abs(Math.sqrt(sumSq / n) - 1) < 0.02);
});

test('Rng.poisson matches its mean for small and large rates', () => {
  const rng = new Rng(3);
  for (const rate of [0.5, 4, 80]) {
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += rng.poisson(rate);
    assert.ok(Math.abs(sum / 20_000 - rate) < rate * 0.05 + 0.02, `rate ${rate}: ${sum / 20_000}`);
  }
});

test('Rng.permutation holds every index once', () => {
  const p = new Rng(4).permutation(1000);
  assert.deepEqual(
    [...p].sort((x, y) => x - y),
    Array.from({ length: 1000 }, (_, i) => i),
  );
});

test('Rng.weightedIndex follows the weights', () => {
  const rng = new Rng(5);
  const counts = [0, 0, 0];
  for (let i = 0; i < 30_000; i++) counts[rng.weightedIndex([1, 0, 3])]++;
  assert.equal(counts[1], 0);
  assert.ok(Math.abs(counts[2] / counts[0] - 3) < 0.2);
});

test('Rng.fork gives reproducible independent streams', () => {
  const a = new Rng(9).fork('x');
  const b = new Rng(9).fork('x');
  const c = new Rng(9).fork('y');
  assert.equal(a.next(), b.next());
  assert.notEqual(new Rng(9).fork('x').next(), c.next());
});

test('hashString is the 32-bit FNV-1a hash', () => {
  assert.equal(hashString(''), 0x811c9dc5);
  assert.equal(hashString('a'), 0xe40c292c);
});
