/** Summary of the present values of a numeric column. */
export interface NumericSummary {
  /** Present (non-missing) values summarized. */
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator, as pandas' describe); 0 for one value. */
  sd: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * Mean, standard deviation, min, quartiles and max of the numbers in `values`,
 * skipping null, undefined and NaN (they are counted as missing elsewhere, never
 * as zeros). Quartiles interpolate linearly between order statistics (NumPy's and
 * pandas' default). Null when there is no present value.
 */
export function numericSummary(values: ArrayLike<unknown>): NumericSummary | null {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && !Number.isNaN(v)) present.push(v);
  }
  if (present.length === 0) return null;
  const sorted = Float64Array.from(present).sort();
  const n = sorted.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (sorted[i] - mean) / (i + 1);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i] - mean) ** 2;
  return {
    count: n,
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: sorted[0],
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[n - 1],
  };
}

/** Quantile of sorted values with linear interpolation (type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
