/** A cell value as a map key: Dates by their ISO text, everything else as is. */
export type ValueKey = string | number | boolean;

/** Counts over one column, shared by schema inference and profiling. */
export interface ColumnStats {
  rows: number;
  /** Null, undefined or NaN cells. */
  missing: number;
  /** Count of each distinct present value. */
  counts: Map<ValueKey, number>;
  numbers: number;
  strings: number;
  dates: number;
  booleans: number;
}

/** Whether a cell is missing: null, undefined or NaN. */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/** The map key of a present cell. */
export function valueKey(value: unknown): ValueKey {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Counts missing cells, value types and distinct values of a column. */
export function columnStats(values: ArrayLike<unknown>): ColumnStats {
  const stats: ColumnStats = {
    rows: values.length,
    missing: 0,
    counts: new Map(),
    numbers: 0,
    strings: 0,
    dates: 0,
    booleans: 0,
  };
  const counts = stats.counts;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) {
      stats.missing++;
      continue;
    }
    if (typeof v === 'number') stats.numbers++;
    else if (typeof v === 'string') stats.strings++;
    else if (v instanceof Date) stats.dates++;
    else if (typeof v === 'boolean') stats.booleans++;
    const key = valueKey(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return stats;
}

/** The `k` commonest values, ties broken by value text so the order is stable. */
export function topCounts(stats: ColumnStats, k: number): { value: ValueKey; count: number }[] {
  return [...stats.counts]
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .slice(0, k)
    .map(([value, count]) => ({ value, count }));
}
