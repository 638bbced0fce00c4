import { InputError } from '../core/errors.js';
import { hashString } from '../core/rng.js';
import type { BlockEncoder, LeadInput } from './encoder.js';
import type { HighCardinalityEncoding, HighCardinalityMethod } from './feature-spec.js';
import { countLevels } from './level-counts.js';
import { cleanText } from './normalize-value.js';

export interface HighCardinalityOptions {
  methods: HighCardinalityMethod[];
  /** Prior weight m of the smoothed target mean (default 10). */
  smoothing: number;
  hashBuckets: number;
  /** Fold of each training row for the out-of-fold target encoding (−1: no label, never used). */
  folds: Int32Array | null;
  labels: ArrayLike<number> | null;
}

/** The fitted encoding, and for target encoding each training row's out-of-fold value. */
export interface FittedHighCardinality {
  encoding: HighCardinalityEncoding;
  /** Out-of-fold target encoding of every training row (null without target encoding). */
  outOfFold: Float64Array | null;
}

/** Levels seen at least this often are stored; rarer ones are treated like unseen levels. */
const MIN_STORED_COUNT = 2;

/**
 * Encodings for columns with many levels (company, job title): the share of rows with the
 * level (frequency), the smoothed conversion rate of the level (target; each training row
 * gets the rate computed on the other folds, so its own label never leaks into its
 * feature), and signed feature hashing into a fixed number of buckets.
 */
export function fitHighCardinality(
  column: string,
  caseFold: boolean,
  values: readonly (string | null)[],
  options: HighCardinalityOptions,
): FittedHighCardinality {
  const encoding: HighCardinalityEncoding = { type: 'highCardinality', column, caseFold, methods: [...options.methods] };
  const levels = countLevels(values);
  const stored = [...levels.counts.entries()]
    .filter(([, n]) => n >= MIN_STORED_COUNT)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (options.methods.includes('frequency')) {
    encoding.frequency = {
      levels: stored.map(([l]) => l),
      shares: stored.map(([, n]) => n / levels.rows),
      missingShare: levels.missing / levels.rows,
    };
  }
  if (options.methods.includes('hashing')) encoding.hashing = { buckets: options.hashBuckets };
  let outOfFold: Float64Array | null = null;
  if (options.methods.includes('target')) {
    if (!options.labels || !options.folds) throw new InputError(`target encoding of "${column}" needs labels and folds`);
    const fitted = fitTargetMeans(values, options.labels, options.folds, options.smoothing, new Set(stored.map(([l]) => l)));
    encoding.target = fitted.target;
    outOfFold = fitted.outOfFold;
  }
  return { encoding, outOfFold };
}

interface Tally {
  n: number;
  pos: number;
}

function fitTargetMeans(
  values: readonly (string | null)[],
  labels: ArrayLike<number>,
  folds: Int32Array,
  m: number,
  stored: ReadonlySet<string>,
): { target: NonNullable<HighCardinalityEncoding['target']>; outOfFold: Float64Array } {
  const MISSING = '\u0000missing';
  let k = 0;
  for (const f of folds) if (f + 1 > k) k = f + 1;
  const all = new Map<string, Tally>();
  const perFold = Array.from({ length: k }, () => new Map<string, Tally>());
  const foldTotals = Array.from({ length: k }, () => ({ n: 0, pos: 0 }));
  let n = 0;
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) continue;
    const key = values[i] ?? MISSING;
    add(all, key, y);
    add(perFold[folds[i]], key, y);
    foldTotals[folds[i]].n++;
    foldTotals[folds[i]].pos += y;
    n++;
    pos += y;
  }
  const prior = n > 0 ? pos / n : 0;
  const smooth = (t: Tally | undefined, p: number): number => ((t?.pos ?? 0) + m * p) / ((t?.n ?? 0) + m);
  const outOfFold = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const f = folds[i];
    const key = values[i] ?? MISSING;
    if (f < 0) {
      outOfFold[i] = smooth(all.get(key), prior);
      continue;
    }
    const rest = { n: n - foldTotals[f].n, pos: pos - foldTotals[f].pos };
    const restPrior = rest.n > 0 ? rest.pos / rest.n : prior;
    const whole = all.get(key);
    const inFold = perFold[f].get(key);
    const level = { n: (whole?.n ?? 0) - (inFold?.n ?? 0), pos: (whole?.pos ?? 0) - (inFold?.pos ?? 0) };
    const isStored = values[i] === null || stored.has(key);
    outOfFold[i] = isStored ? smooth(level, restPrior) : restPrior;
  }
  const levels = [...stored].sort();
  return {
    target: {
      prior,
      smoothing: m,
      levels,
      means: levels.map((l) => smooth(all.get(l), prior)),
      missingMean: smooth(all.get(MISSING), prior),
    },
    outOfFold,
  };
}

function add(map: Map<string, Tally>, key: string, y: number): void {
  const t = map.get(key);
  if (t) {
    t.n++;
    t.pos += y;
  } else map.set(key, { n: 1, pos: y });
}

export class HighCardinalityEncoder implements BlockEncoder {
  readonly names: string[] = [];
  readonly group: string;
  private readonly frequency: Map<string, number> | null = null;
  private readonly target: Map<string, number> | null = null;

  constructor(
    private readonly spec: HighCardinalityEncoding,
    private readonly placeholders: ReadonlySet<string>,
  ) {
    this.group = spec.column;
    if (spec.target) {
      this.target = new Map(spec.target.levels.map((l, k) => [l, spec.target!.means[k]]));
      this.names.push(`${spec.column}__target`);
    }
    if (spec.frequency) {
      this.frequency = new Map(spec.frequency.levels.map((l, k) => [l, spec.frequency!.shares[k]]));
      this.names.push(`${spec.column}__frequency`);
    }
    if (spec.hashing) for (let b = 0; b < spec.hashing.buckets; b++) this.names.push(`${spec.column}__hash${b}`);
  }

  /** Position of the target-encoding column within the block (−1 without one). */
  get targetOffset(): number {
    return this.target ? 0 : -1;
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const value = cleanText(lead.get(this.spec.column), this.spec.caseFold, this.placeholders);
    let at = offset;
    if (this.target) {
      const t = this.spec.target!;
      out[at++] = value === null ? t.missingMean : (this.target.get(value) ?? t.prior);
    }
    if (this.frequency) out[at++] = value === null ? this.spec.frequency!.missingShare : (this.frequency.get(value) ?? 0);
    if (this.spec.hashing) {
      const buckets = this.spec.hashing.buckets;
      for (let b = 0; b < buckets; b++) out[at + b] = 0;
      if (value !== null) {
        const h = hashString(value);
        out[at + (h % buckets)] += h & 0x80000000 ? -1 : 1;
      }
    }
  }
}
