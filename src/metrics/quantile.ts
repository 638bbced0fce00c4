/**
 * Quantiles with NumPy's default ("linear", Hyndman & Fan type 7) method, computed with
 * NumPy's exact floating-point steps so bin edges derived from them agree bit for bit
 * with `np.percentile` and `np.linspace` (a value sitting exactly on an edge then lands
 * in the same bin as in scikit-learn).
 */

/** `np.linspace(start, stop, num)`: `i · step + start`, the last point set to `stop`. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const step = (stop - start) / div;
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (num > 1) out[num - 1] = stop;
  else if (num === 1) out[0] = start;
  return out;
}

/**
 * The q-quantile (q in [0, 1]) of values already sorted ascending, as `np.quantile`
 * computes it: virtual index (n − 1)·q, then NumPy's two-sided linear interpolation.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return sorted[n - 1];
  if (virtual < 0) return sorted[0];
  const previous = Math.floor(virtual);
  const gamma = virtual - previous;
  const a = sorted[previous];
  const b = sorted[previous + 1];
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** `np.percentile(values, p)` for p in [0, 100] (the division by 100 is NumPy's own step). */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  return quantileSorted(sorted, p / 100);
}

/** Ascending copy of the values as a Float64Array. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}
