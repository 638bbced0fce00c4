import type { Rng } from '../../../core/rng.js';

/** Logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Index drawn with probability proportional to exp(logits[i]). */
export function pickSoftmax(rng: Rng, logits: readonly number[]): number {
  let max = -Infinity;
  for (const l of logits) if (l > max) max = l;
  let total = 0;
  for (const l of logits) total += Math.exp(l - max);
  let r = rng.next() * total;
  for (let i = 0; i < logits.length; i++) {
    r -= Math.exp(logits[i] - max);
    if (r < 0) return i;
  }
  return logits.length - 1;
}

/** Binomial draw by summing Bernoulli trials (n is small here: e-mail clicks out of opens). */
export function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

/** Index into a cumulative weight array (last entry = total) by binary search. */
export function pickCumulative(rng: Rng, cumulative: Float64Array): number {
  const target = rng.next() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Running sums of `weights`. */
export function toCumulative(weights: ArrayLike<number>): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) out[i] = total += weights[i];
  return out;
}

/** Clamps x into [low, high]. */
export function clamp(x: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, x));
}
