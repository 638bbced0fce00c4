import { InputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';

/** Fewest rows of each class a sample keeps (when the data has that many). */
export const MIN_SAMPLE_PER_CLASS = 5;

/**
 * Rows of a seeded stratified sample of `size` leads: each class keeps its share
 * (rounded), but at least `MIN_SAMPLE_PER_CLASS` rows, so a 1%-positive data set
 * sampled to 200 leads still has positives to learn from. Returns sorted row indices
 * (the sample keeps the file order); all rows when `size` is at least the row count.
 * `labels` holds 0 or 1 per row.
 */
export function sampleLeadRows(labels: ArrayLike<number>, size: number, seed = 0): Int32Array {
  if (!Number.isInteger(size) || size < 2)
    throw new InputError(`sample size must be an integer ≥ 2, got ${size}`, { field: 'sample' });
  if (size >= labels.length) return Int32Array.from({ length: labels.length }, (_, i) => i);
  const byClass: number[][] = [[], []];
  for (let i = 0; i < labels.length; i++) byClass[labels[i] === 1 ? 1 : 0].push(i);
  const [negatives, positives] = byClass;
  const floor = (count: number): number => Math.min(count, MIN_SAMPLE_PER_CLASS, Math.floor(size / 2));
  let takePositive = Math.round((size * positives.length) / labels.length);
  takePositive = Math.max(takePositive, floor(positives.length));
  takePositive = Math.min(takePositive, positives.length, size - floor(negatives.length));
  const takeNegative = Math.min(size - takePositive, negatives.length);
  const rng = new Rng(seed);
  const chosen = [...pick(positives, takePositive, rng.fork('positive')), ...pick(negatives, takeNegative, rng.fork('negative'))];
  return Int32Array.from(chosen).sort();
}

/** `k` items drawn without replacement (partial Fisher–Yates). */
function pick(items: number[], k: number, rng: Rng): number[] {
  const pool = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}
