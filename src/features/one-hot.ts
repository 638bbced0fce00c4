import type { BlockEncoder, LeadInput } from './encoder.js';
import type { OneHotEncoding } from './feature-spec.js';
import { frequentLevels, type LevelCounts } from './level-counts.js';
import { cleanText } from './normalize-value.js';

export const MISSING_LEVEL = '__missing__';
export const OTHER_LEVEL = '__other__';

/**
 * One-hot encoding: one binary column per level seen at least `minCount` times (at most
 * `maxLevels`, the most frequent), a `__missing__` level when training had missing values,
 * and an `__other__` level for the rare levels and for values never seen in training.
 */
export function fitOneHotEncoding(
  column: string,
  caseFold: boolean,
  levels: LevelCounts,
  minCount: number,
  maxLevels: number,
): OneHotEncoding {
  const kept = frequentLevels(levels, minCount).slice(0, maxLevels);
  return { type: 'oneHot', column, caseFold, levels: kept, missingLevel: levels.missing > 0, otherLevel: true };
}

export class OneHotEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group: string;
  private readonly index: Map<string, number>;
  private readonly missingAt: number;
  private readonly otherAt: number;

  constructor(
    private readonly spec: OneHotEncoding,
    private readonly placeholders: ReadonlySet<string>,
  ) {
    this.index = new Map(spec.levels.map((level, k) => [level, k]));
    this.names = spec.levels.map((level) => `${spec.column}=${level}`);
    this.missingAt = spec.missingLevel ? this.names.push(`${spec.column}=${MISSING_LEVEL}`) - 1 : -1;
    this.otherAt = spec.otherLevel ? this.names.push(`${spec.column}=${OTHER_LEVEL}`) - 1 : -1;
    this.group = spec.column;
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    for (let k = 0; k < this.names.length; k++) out[offset + k] = 0;
    const value = cleanText(lead.get(this.spec.column), this.spec.caseFold, this.placeholders);
    if (value === null) {
      // Missing although training never saw it missing: the "other" bucket.
      const at = this.missingAt >= 0 ? this.missingAt : this.otherAt;
      if (at >= 0) out[offset + at] = 1;
      return;
    }
    const k = this.index.get(value);
    if (k !== undefined) out[offset + k] = 1;
    else if (this.otherAt >= 0) out[offset + this.otherAt] = 1;
  }
}
