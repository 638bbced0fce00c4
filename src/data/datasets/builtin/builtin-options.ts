import { InputError } from '../../../core/errors.js';

export interface BuiltinOptions {
  /** Number of leads to generate (default 75,000; a positive integer of at most 5,000,000). */
  leads?: number;
  /** Seed of every random step (default 7; an integer in [0, 4294967295]). Same seed, byte-identical files. */
  seed?: number;
  /**
   * Mean true acceptance probability the model's intercept is solved for (default 0.01, as in the
   * B2B case; e.g. 0.385 for a course-sales-like set). In (0, 0.9].
   */
  positiveRate?: number;
}

export interface ResolvedBuiltinOptions {
  readonly leads: number;
  readonly seed: number;
  readonly positiveRate: number;
}

export const BUILTIN_DEFAULTS: ResolvedBuiltinOptions = Object.freeze({ leads: 75_000, seed: 7, positiveRate: 0.01 });
export const MAX_BUILTIN_LEADS = 5_000_000;
export const MAX_BUILTIN_POSITIVE_RATE = 0.9;

/** Fills defaults and checks every option; throws InputError naming the bad field. */
export function parseBuiltinOptions(options: BuiltinOptions = {}): ResolvedBuiltinOptions {
  const leads = options.leads ?? BUILTIN_DEFAULTS.leads;
  if (typeof leads !== 'number' || !Number.isInteger(leads) || leads < 1 || leads > MAX_BUILTIN_LEADS) {
    throw new InputError(`expected a positive integer of at most ${MAX_BUILTIN_LEADS}, got ${String(leads)}`, {
      field: 'leads',
    });
  }
  const seed = options.seed ?? BUILTIN_DEFAULTS.seed;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InputError(`expected an integer in [0, 4294967295], got ${String(seed)}`, { field: 'seed' });
  }
  const positiveRate = options.positiveRate ?? BUILTIN_DEFAULTS.positiveRate;
  if (
    typeof positiveRate !== 'number' ||
    !Number.isFinite(positiveRate) ||
    positiveRate <= 0 ||
    positiveRate > MAX_BUILTIN_POSITIVE_RATE
  ) {
    throw new InputError(`expected a number in (0, ${MAX_BUILTIN_POSITIVE_RATE}], got ${String(positiveRate)}`, {
      field: 'positiveRate',
    });
  }
  return { leads, seed, positiveRate };
}
