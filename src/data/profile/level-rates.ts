import { isMissing, type ValueKey, valueKey } from '../schema/column-stats.js';

/** Conversion among the leads with one level of a column. */
export interface LevelRate {
  /** The level's value; null for the missing level and for the other levels lumped together. */
  value: ValueKey | null;
  /** 'value' for a listed level, 'other' for the rest lumped together, 'missing' for missing values. */
  level: 'value' | 'other' | 'missing';
  /** Labelled leads with this level. */
  count: number;
  positives: number;
  /** positives / count. */
  rate: number;
}

/** Conversion when the column is missing versus filled: missingness as information. */
export interface MissingnessRates {
  missing: { count: number; rate: number | null };
  present: { count: number; rate: number | null };
}

/**
 * Conversion rate by level over labelled rows (labels 1 / 0; −1 ignored): the
 * `maxLevels` commonest levels, the remaining ones lumped as 'other', and missing
 * values as a level of their own.
 */
export function levelRates(values: ArrayLike<unknown>, labels: ArrayLike<number>, maxLevels = 10): LevelRate[] {
  const tally = new Map<ValueKey, [number, number]>();
  const missing: [number, number] = [0, 0];
  for (let i = 0; i < values.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) continue;
    const v = values[i];
    const cell = isMissing(v) ? missing : cellOf(tally, valueKey(v));
    cell[0]++;
    cell[1] += y;
  }
  const sorted = [...tally].sort((a, b) => b[1][0] - a[1][0] || String(a[0]).localeCompare(String(b[0])));
  const rates: LevelRate[] = sorted
    .slice(0, maxLevels)
    .map(([value, [count, positives]]) => rate(value, 'value', count, positives));
  const rest = sorted.slice(maxLevels);
  if (rest.length > 0) {
    const count = rest.reduce((s, [, c]) => s + c[0], 0);
    const positives = rest.reduce((s, [, c]) => s + c[1], 0);
    rates.push(rate(null, 'other', count, positives));
  }
  if (missing[0] > 0) rates.push(rate(null, 'missing', missing[0], missing[1]));
  return rates;
}

/** Conversion among labelled rows where the column is missing and where it is filled. */
export function missingnessRates(values: ArrayLike<unknown>, labels: ArrayLike<number>): MissingnessRates {
  const counts = [0, 0, 0, 0]; // missing n, missing positives, present n, present positives
  for (let i = 0; i < values.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) continue;
    const k = isMissing(values[i]) ? 0 : 2;
    counts[k]++;
    counts[k + 1] += y;
  }
  const share = (n: number, p: number): number | null => (n > 0 ? p / n : null);
  return {
    missing: { count: counts[0], rate: share(counts[0], counts[1]) },
    present: { count: counts[2], rate: share(counts[2], counts[3]) },
  };
}

function cellOf(tally: Map<ValueKey, [number, number]>, key: ValueKey): [number, number] {
  let cell = tally.get(key);
  if (!cell) tally.set(key, (cell = [0, 0]));
  return cell;
}

function rate(value: ValueKey | null, level: LevelRate['level'], count: number, positives: number): LevelRate {
  return { value, level, count, positives, rate: count > 0 ? positives / count : 0 };
}
