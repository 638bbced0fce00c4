import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { makeRng, type RandomState } from '../core/rng.js';
import type { Fold } from './stratified-k-fold.js';

/**
 * A stratified hold-out split: `testSize` of each class (rounded, at least one row of a
 * class with two or more) goes to the test rows, chosen by a seeded shuffle. Both index
 * lists are sorted, so the rows keep their file order.
 */
export function stratifiedHoldout(y: Labels, testSize = 0.2, randomState: RandomState = 0): Fold {
  if (!(testSize > 0 && testSize < 1)) throw new InputError(`testSize must be between 0 and 1 (exclusive), got ${testSize}`);
  const rng = makeRng(randomState);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const rows = byClass.get(y[i]);
    if (rows) rows.push(i);
    else byClass.set(y[i], [i]);
  }
  const test: number[] = [];
  const train: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const rows = byClass.get(label)!;
    rng.shuffle(rows);
    const n = rows.length < 2 ? 0 : Math.max(1, Math.round(testSize * rows.length));
    for (let k = 0; k < rows.length; k++) (k < n ? test : train).push(rows[k]);
  }
  return { train: Int32Array.from(train).sort(), test: Int32Array.from(test).sort() };
}

/** Rows created before `cutoff` (ms since the epoch) train, the rest test; rows without a date are refused. */
export function dateSplit(times: ArrayLike<number>, cutoff: number): Fold {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < times.length; i++) {
    if (!Number.isFinite(times[i]))
      throw new InputError(`row ${i + 1} has no date, so it cannot be placed before or after the split date`);
    (times[i] < cutoff ? train : test).push(i);
  }
  if (train.length === 0 || test.length === 0) {
    throw new InputError(
      `the split date leaves ${train.length === 0 ? 'no training' : 'no test'} rows; choose a date inside the data's range`,
    );
  }
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
