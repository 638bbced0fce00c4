/** Training counts of a categorical column's cleaned values. */
export interface LevelCounts {
  counts: Map<string, number>;
  missing: number;
  rows: number;
}

export function countLevels(values: readonly (string | null)[]): LevelCounts {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { counts, missing, rows: values.length };
}

/** Levels seen at least `minCount` times, most frequent first (ties alphabetical). */
export function frequentLevels(levels: LevelCounts, minCount: number): string[] {
  return [...levels.counts.entries()]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([level]) => level);
}
