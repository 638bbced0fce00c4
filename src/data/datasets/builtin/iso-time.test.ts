import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../../core/rng.js';
import { formatIsoSecond } from './iso-time.js';

test('formatIsoSecond matches Date.toISOString without milliseconds', () => {
  const rng = new Rng(5);
  const seconds = [0, 86_399, 86_400, Date.UTC(2024, 1, 29, 23, 59, 59) / 1000, Date.UTC(2025, 11, 31, 0, 0, 1) / 1000];
  for (let k = 0; k < 500; k++) seconds.push(1_700_000_000 + rng.int(100_000_000));
  for (const s of seconds) assert.equal(formatIsoSecond(s), new Date(s * 1000).toISOString().replace('.000Z', 'Z'));
  assert.equal(formatIsoSecond(Date.UTC(2025, 2, 14, 9, 21, 33) / 1000), '2025-03-14T09:21:33Z');
});
