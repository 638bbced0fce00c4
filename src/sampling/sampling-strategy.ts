import { ConfigError, InputError } from '../core/errors.js';

/** Named targets, as in imbalanced-learn. */
export type SamplingStrategyName = 'auto' | 'minority' | 'majority' | 'not minority' | 'not majority' | 'all';

/**
 * How many rows of each class a sampler leaves (imbalanced-learn's `sampling_strategy`):
 *
 * - a name: `'auto'` (over-sampling: every class but the majority; under-sampling: every class but
 *   the minority), `'minority'` (over-sampling only), `'majority'` (under-sampling only),
 *   `'not minority'`, `'not majority'`, `'all'` — the targeted classes end with as many rows as the
 *   majority (over-sampling) or the minority (under-sampling);
 * - a ratio in (0, 1], binary labels only: minority rows ÷ majority rows after resampling
 *   (over-sampling grows the minority to ⌊ratio · majority⌋; under-sampling shrinks the majority to
 *   ⌊minority / ratio⌋);
 * - a map class → number of rows after resampling; classes not named keep their rows.
 */
export type SamplingStrategy = SamplingStrategyName | number | Readonly<Record<number, number>>;

/** Whether a sampler adds rows or removes them. */
export type SamplingDirection = 'over' | 'under';

const NAMES: readonly SamplingStrategyName[] = ['auto', 'minority', 'majority', 'not minority', 'not majority', 'all'];

/** Checks the shape of a strategy (not yet against data); throws a ConfigError. */
export function assertSamplingStrategy(strategy: SamplingStrategy, direction: SamplingDirection, who: string): void {
  if (typeof strategy === 'string') {
    if (!NAMES.includes(strategy)) {
      throw new ConfigError(`${who}: samplingStrategy "${strategy}" is not one of ${NAMES.map((n) => `'${n}'`).join(', ')}`);
    }
    if (direction === 'over' && strategy === 'majority') {
      throw new ConfigError(`${who}: samplingStrategy 'majority' cannot be used to over-sample; use 'minority' or 'auto'`);
    }
    if (direction === 'under' && strategy === 'minority') {
      throw new ConfigError(`${who}: samplingStrategy 'minority' cannot be used to under-sample; use 'majority' or 'auto'`);
    }
    return;
  }
  if (typeof strategy === 'number') {
    if (!(strategy > 0 && strategy <= 1)) {
      throw new ConfigError(
        `${who}: a samplingStrategy ratio (minority ÷ majority after resampling) must lie in (0, 1], got ${strategy}`,
      );
    }
    return;
  }
  if (strategy === null || typeof strategy !== 'object' || Array.isArray(strategy)) {
    throw new ConfigError(`${who}: samplingStrategy must be a name, a ratio in (0, 1] or a map class → rows`);
  }
  for (const [key, rows] of Object.entries(strategy)) {
    if (!/^\d+$/.test(key)) throw new ConfigError(`${who}: samplingStrategy key "${key}" is not a class index 0, 1, …`);
    if (!Number.isInteger(rows) || rows < 0) {
      throw new ConfigError(`${who}: samplingStrategy asks for ${rows} rows of class ${key}; use a whole number ≥ 0`);
    }
  }
}

/**
 * Number of rows of each class after resampling, from the counts before (index = class;
 * absent classes have count 0 and stay at 0). Follows imbalanced-learn's rules, including which
 * class is the majority (minority) on ties: the lowest class index with the most (fewest) rows.
 */
export function resolveSamplingStrategy(
  strategy: SamplingStrategy,
  counts: readonly number[],
  direction: SamplingDirection,
  who: string,
): number[] {
  assertSamplingStrategy(strategy, direction, who);
  const classes = counts.flatMap((c, k) => (c > 0 ? [k] : []));
  const majority = classes.reduce((best, k) => (counts[k] > counts[best] ? k : best), classes[0]);
  const minority = classes.reduce((best, k) => (counts[k] < counts[best] ? k : best), classes[0]);
  const target = [...counts];
  if (typeof strategy === 'string') {
    const name = strategy === 'auto' ? (direction === 'over' ? 'not majority' : 'not minority') : strategy;
    const goal = direction === 'over' ? counts[majority] : counts[minority];
    for (const k of classes) {
      const targeted =
        name === 'all' ||
        (name === 'minority' && k === minority) ||
        (name === 'majority' && k === majority) ||
        (name === 'not minority' && k !== minority) ||
        (name === 'not majority' && k !== majority);
      if (targeted) target[k] = goal;
    }
    return target;
  }
  if (typeof strategy === 'number') return ratioTargets(strategy, counts, classes, direction, who, { majority, minority });
  for (const [key, rows] of Object.entries(strategy)) {
    const k = Number(key);
    if (!(counts[k] > 0)) {
      throw new InputError(
        `${who}: samplingStrategy names class ${k}, which has no rows (classes present: ${classes.join(', ')})`,
      );
    }
    if (direction === 'over' && rows < counts[k]) {
      throw new InputError(
        `${who}: over-sampling cannot shrink class ${k} from ${counts[k]} to ${rows} rows; ask for ${counts[k]} or more`,
      );
    }
    if (direction === 'under' && rows > counts[k]) {
      throw new InputError(
        `${who}: under-sampling cannot grow class ${k} from ${counts[k]} to ${rows} rows; ask for ${counts[k]} or fewer`,
      );
    }
    target[k] = rows;
  }
  return target;
}

function ratioTargets(
  ratio: number,
  counts: readonly number[],
  classes: readonly number[],
  direction: SamplingDirection,
  who: string,
  extremes: { majority: number; minority: number },
): number[] {
  if (classes.length !== 2) {
    throw new InputError(
      `${who}: a samplingStrategy ratio needs binary labels, but y holds ${classes.length} classes; pass a map class → rows`,
    );
  }
  const target = [...counts];
  if (direction === 'over') {
    const k = classes.find((c) => c !== extremes.majority)!;
    // imbalanced-learn: int(n_majority · ratio − n_class) new rows, which must be positive.
    const added = Math.trunc(counts[extremes.majority] * ratio - counts[k]);
    if (added <= 0) {
      throw new InputError(
        `${who}: ratio ${ratio} asks for ${Math.floor(counts[extremes.majority] * ratio)} rows of class ${k}, which already has ${counts[k]}; over-sampling can only add rows — increase the ratio`,
      );
    }
    target[k] = counts[k] + added;
  } else {
    const k = classes.find((c) => c !== extremes.minority)!;
    const kept = Math.trunc(counts[extremes.minority] / ratio);
    if (kept > counts[k]) {
      throw new InputError(
        `${who}: ratio ${ratio} asks for ${kept} rows of class ${k}, which has only ${counts[k]}; under-sampling can only remove rows — increase the ratio`,
      );
    }
    target[k] = kept;
  }
  return target;
}
