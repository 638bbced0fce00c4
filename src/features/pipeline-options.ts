import { InputError } from '../core/errors.js';
import type { HighCardinalityMethod, Observation } from './feature-spec.js';
import type { NumericFill } from './missingness.js';
import type { Taxonomy } from './taxonomy.js';

/** An encoding forced for one column instead of the automatic choice. */
export type ColumnEncodingChoice = 'oneHot' | HighCardinalityMethod | HighCardinalityMethod[];

/** How a feature pipeline is fitted. Every field is optional; defaults in brackets. */
export interface PipelineOptions {
  /** Fill of missing numeric values: { constant: −1 } or 'median' [{ constant: -1 }]. */
  numericFill?: NumericFill;
  /** A level needs at least this share of training rows to get its own one-hot column [0.001]… */
  minFrequency?: number;
  /** …and at least this many rows [10]. */
  minCount?: number;
  /** One-hot columns per categorical column at most; a column with more frequent levels is high-cardinality [30]. */
  maxLevels?: number;
  /** Encodings forced per column, e.g. { company: 'hashing', job_title: ['target', 'frequency'] }. */
  encodings?: Record<string, ColumnEncodingChoice>;
  /** Prior weight of the smoothed target encoding [10]. */
  targetSmoothing?: number;
  /** Folds of the out-of-fold target encoding [5]. */
  targetFolds?: number;
  /** Buckets of feature hashing [32]. */
  hashBuckets?: number;
  /** Leakage guard: AUC threshold [0.9] and the columns deliberately allowed although post-outcome or suspect [[]]. */
  leakage?: { threshold?: number; allow?: string[] };
  /** Use this e-mail column only through the free-mail / business-domain transform. */
  emailDomain?: string;
  /** When features are observed: { windowDays } after creation, or a fixed { at } time [{ windowDays: 30 }]. */
  observation?: Observation;
  /** Drop events at or after the lead's label time [true]. */
  censor?: boolean;
  /** Path slots: coverage that decides K [0.9] and its maximum [10]; false to leave them out. */
  pathSlots?: { coverage?: number; maxSlots?: number } | false;
  /** TF-IDF page words per lead [30]; 0 to leave them out. */
  termVocabulary?: number;
  /** A taxonomy to apply (edited JSON); proposed from the training pages when absent. */
  taxonomy?: Taxonomy;
  /** Event types that count as a form fill [types containing "form", "submit", "signup" or "register"]. */
  formFillTypes?: string[];
  /** Minutes without events that end a session [30]. */
  sessionGapMinutes?: number;
  /** log1p counts and durations ['log1p']. */
  countTransform?: 'log1p' | 'raw';
  /** Standardize every output column (for linear models and neural nets) [false]. */
  scale?: boolean;
  /** Seed of the target-encoding folds and the leakage screen [0]. */
  seed?: number;
}

export type ResolvedPipelineOptions = Required<
  Omit<PipelineOptions, 'emailDomain' | 'taxonomy' | 'formFillTypes' | 'leakage' | 'pathSlots'>
> & {
  emailDomain?: string;
  taxonomy?: Taxonomy;
  formFillTypes?: string[];
  leakage: { threshold: number; allow: string[] };
  pathSlots: { coverage: number; maxSlots: number } | false;
};

export function resolvePipelineOptions(options: PipelineOptions = {}): ResolvedPipelineOptions {
  const fail = (field: string, message: string): never => {
    throw new InputError(message, { field });
  };
  const share = (field: string, v: number): number =>
    Number.isFinite(v) && v >= 0 && v <= 1 ? v : fail(field, `expected a share between 0 and 1, got ${v}`);
  const count = (field: string, v: number, min = 0): number =>
    Number.isInteger(v) && v >= min ? v : fail(field, `expected a whole number ≥ ${min}, got ${v}`);
  const observation = options.observation ?? { windowDays: 30 };
  if ('windowDays' in observation && !(observation.windowDays > 0))
    fail('observation.windowDays', 'expected a positive number of days');
  if ('at' in observation && Number.isNaN(Date.parse(observation.at)))
    fail('observation.at', `expected an ISO date-time, got "${observation.at}"`);
  const slots =
    options.pathSlots === false
      ? false
      : { coverage: options.pathSlots?.coverage ?? 0.9, maxSlots: options.pathSlots?.maxSlots ?? 10 };
  if (slots) {
    share('pathSlots.coverage', slots.coverage);
    count('pathSlots.maxSlots', slots.maxSlots, 1);
  }
  return {
    numericFill: options.numericFill ?? { constant: -1 },
    minFrequency: share('minFrequency', options.minFrequency ?? 0.001),
    minCount: count('minCount', options.minCount ?? 10, 1),
    maxLevels: count('maxLevels', options.maxLevels ?? 30, 1),
    encodings: options.encodings ?? {},
    targetSmoothing: options.targetSmoothing ?? 10,
    targetFolds: count('targetFolds', options.targetFolds ?? 5, 2),
    hashBuckets: count('hashBuckets', options.hashBuckets ?? 32, 2),
    leakage: {
      threshold: share('leakage.threshold', options.leakage?.threshold ?? 0.9),
      allow: [...(options.leakage?.allow ?? [])],
    },
    emailDomain: options.emailDomain,
    observation,
    censor: options.censor ?? true,
    pathSlots: slots,
    termVocabulary: count('termVocabulary', options.termVocabulary ?? 30),
    taxonomy: options.taxonomy,
    formFillTypes: options.formFillTypes,
    sessionGapMinutes: options.sessionGapMinutes ?? 30,
    countTransform: options.countTransform ?? 'log1p',
    scale: options.scale ?? false,
    seed: options.seed ?? 0,
  };
}
