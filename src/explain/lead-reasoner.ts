import { describeFeature, isIndicatorName } from './feature-words.js';
import { MIN_POINTS, type Reason, type ReasonOptions, roundPoints } from './lead-reasons.js';

/**
 * `leadReasons` prepared once for a model's features: each feature's group as an index, and its
 * words and indicator test computed on first use, so that explaining a lead is one pass over its
 * contributions with no maps or strings built for groups that do not make a reason. Same result
 * as `leadReasons` for the same inputs.
 */
export class LeadReasoner {
  private readonly groupOf: Int32Array;
  private readonly groupNames: string[] = [];
  private readonly groupWords: string[] = [];
  private readonly featureWords: (string | undefined)[];
  /** 0: not known yet, 1: an indicator (one-hot, missingness, set membership), 2: not one. */
  private readonly indicator: Uint8Array;
  private readonly sums: Float64Array;
  private readonly strongest: Int32Array;
  /** |contribution| of each group's strongest feature, and each group's points (scratch of `reasons`). */
  private readonly strongestSize: Float64Array;
  private readonly pointsOf: Float64Array;
  private readonly seen: Int32Array;
  private readonly order: Int32Array;
  private stamp = 0;

  /**
   * `indicators: 'all'` reads every feature as a yes/no fact (a rule that fired or not);
   * otherwise a feature is an indicator when its name says so (one-hot level, missingness flag).
   */
  constructor(
    readonly names: readonly string[],
    readonly groups: readonly string[],
    options: { indicators?: 'auto' | 'all' } = {},
  ) {
    const index = new Map<string, number>();
    this.groupOf = Int32Array.from(groups, (g) => {
      let k = index.get(g);
      if (k === undefined) {
        k = this.groupNames.push(g) - 1;
        this.groupWords.push(g.replace(/_/g, ' '));
        index.set(g, k);
      }
      return k;
    });
    this.featureWords = new Array(names.length);
    this.indicator = new Uint8Array(names.length).fill(options.indicators === 'all' ? 1 : 0);
    const nGroups = this.groupNames.length;
    this.sums = new Float64Array(nGroups);
    this.strongest = new Int32Array(nGroups);
    this.strongestSize = new Float64Array(nGroups);
    this.pointsOf = new Float64Array(nGroups);
    this.seen = new Int32Array(nGroups);
    this.order = new Int32Array(nGroups);
  }

  /** The lead's top positive and negative reasons (see `leadReasons`). */
  reasons(
    contributions: ArrayLike<number>,
    values: ArrayLike<number>,
    options: ReasonOptions,
  ): { positive: Reason[]; negative: Reason[] } {
    const { groupOf, sums, strongest, strongestSize, seen, order, pointsOf } = this;
    const stamp = ++this.stamp;
    let found = 0;
    let total = 0;
    for (let j = 0; j < contributions.length; j++) {
      const c = contributions[j];
      if (c === 0) continue;
      total += c;
      const g = groupOf[j];
      const size = c < 0 ? -c : c;
      if (seen[g] !== stamp) {
        seen[g] = stamp;
        order[found++] = g;
        sums[g] = c;
        strongest[g] = j;
        strongestSize[g] = size;
      } else {
        sums[g] += c;
        if (size > strongestSize[g]) {
          strongest[g] = j;
          strongestSize[g] = size;
        }
      }
    }
    // Points per unit of contribution: never negative, so a driver's points have its contribution's sign.
    const perUnit = Math.abs(total) > 1e-12 ? Math.max(0, options.scoreGap / total) : 0;
    const top = options.top ?? 3;
    // The strongest groups each way, kept in order as they come: a stable sort's first `top`.
    const positive: number[] = [];
    const negative: number[] = [];
    for (let k = 0; k < found; k++) {
      const g = order[k];
      const p = points(sums[g], perUnit);
      pointsOf[g] = p;
      // A driver worth less than a hundredth of a point does not make a reason.
      if (!(Math.abs(p) >= MIN_POINTS || perUnit === 0)) continue;
      if (sums[g] > 0) keepStrongest(positive, g, sums[g], sums, 1, top);
      else if (sums[g] < 0) keepStrongest(negative, g, -sums[g], sums, -1, top);
    }
    const reasons = { positive: new Array<Reason>(positive.length), negative: new Array<Reason>(negative.length) };
    for (let k = 0; k < positive.length; k++) reasons.positive[k] = this.reason(positive[k], values, options);
    for (let k = 0; k < negative.length; k++) reasons.negative[k] = this.reason(negative[k], values, options);
    return reasons;
  }

  /** Group g's reason (its sum, strongest feature and points from the last `reasons` pass). */
  private reason(g: number, values: ArrayLike<number>, options: ReasonOptions): Reason {
    const feature = this.strongest[g];
    return {
      group: this.groupNames[g],
      text: this.text(g, feature, values[feature], options),
      points: this.pointsOf[g],
      contribution: this.sums[g],
    };
  }

  /** "industry: software", "visits to pricing pages", "not: timeframe is 0-3 months" … */
  private text(g: number, feature: number, value: number, options: ReasonOptions): string {
    if (this.indicator[feature] === 0) this.indicator[feature] = isIndicatorName(this.names[feature]) ? 1 : 2;
    const isIndicator = this.indicator[feature] === 1;
    if (isIndicator && value === 1) return this.words(feature);
    const group = this.groupNames[g];
    const lead = options.lead;
    const raw = lead && Object.hasOwn(lead, group) ? lead[group] : undefined;
    if (raw !== undefined) {
      const given = raw === null ? '' : String(raw).trim();
      const text = given === '' || options.placeholders?.has(given.toLowerCase()) ? 'not given' : given;
      return `${this.groupWords[g]}: ${text}`;
    }
    if (isIndicator) return `not: ${this.words(feature)}`;
    return this.words(feature);
  }

  private words(feature: number): string {
    let words = this.featureWords[feature];
    if (words === undefined) this.featureWords[feature] = words = describeFeature(this.names[feature]);
    return words;
  }
}

/**
 * Puts group g (strength `strength` = sign × its sum) into `kept`, the strongest groups so far,
 * strongest first, at most `top`: after an equal one already there, as a stable sort would.
 */
function keepStrongest(kept: number[], g: number, strength: number, sums: Float64Array, sign: number, top: number): void {
  let i = kept.length;
  while (i > 0 && strength > sign * sums[kept[i - 1]]) i--;
  if (i >= top) return;
  // Shift the weaker ones down one place (the last falls off when `top` are kept).
  let k = kept.length < top ? kept.length : top - 1;
  for (; k > i; k--) kept[k] = kept[k - 1];
  kept[i] = g;
}

/** Score points of a contribution (see `roundPoints`). */
function points(contribution: number, perUnit: number): number {
  return roundPoints(contribution * perUnit);
}
