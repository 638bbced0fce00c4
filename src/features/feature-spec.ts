import type { Taxonomy } from './taxonomy.js';

/** Version of the FeatureSpec JSON layout; loading refuses other versions. */
export const FEATURE_SPEC_VERSION = 1;

/** A numeric column: the value, a fill for missing values, and optionally a missing indicator. */
export interface NumericEncoding {
  type: 'numeric';
  column: string;
  /** Written in place of a missing (or unreadable) value. */
  fill: number;
  /** Emit `<column>__missing` (1 when missing). */
  indicator: boolean;
}

/** A Yes/No-like column as 0/1 (missing → 0, with an indicator when missing occurred in training). */
export interface BooleanEncoding {
  type: 'boolean';
  column: string;
  indicator: boolean;
}

/** One binary feature per kept level, plus `__missing__` and `__other__` (rare and unseen levels). */
export interface OneHotEncoding {
  type: 'oneHot';
  column: string;
  caseFold: boolean;
  levels: string[];
  missingLevel: boolean;
  otherLevel: boolean;
}

export type HighCardinalityMethod = 'target' | 'frequency' | 'hashing';

/** A column with many levels: smoothed target encoding, frequency encoding and/or feature hashing. */
export interface HighCardinalityEncoding {
  type: 'highCardinality';
  column: string;
  caseFold: boolean;
  methods: HighCardinalityMethod[];
  /** Share of training rows per level (unseen levels: 0; missing: the missing share). */
  frequency?: { levels: string[]; shares: number[]; missingShare: number };
  /** Smoothed conversion rate per level: (positives + m·prior) / (count + m); unseen and missing levels get their own. */
  target?: { prior: number; smoothing: number; levels: string[]; means: number[]; missingMean: number };
  /** Signed hashing trick into this many buckets (no levels stored). */
  hashing?: { buckets: number };
}

/** A list-valued column ("Jira;GitLab;AWS"): one binary feature per common token, plus a count and a missing indicator. */
export interface MultiValueEncoding {
  type: 'multiValue';
  column: string;
  caseFold: boolean;
  separator: string;
  tokens: string[];
}

/** An e-mail column reduced to what its domain says: free-mail or business, and missing. The address itself is never kept. */
export interface EmailDomainEncoding {
  type: 'emailDomain';
  column: string;
}

export type ColumnEncoding =
  | NumericEncoding
  | BooleanEncoding
  | OneHotEncoding
  | HighCardinalityEncoding
  | MultiValueEncoding
  | EmailDomainEncoding;

/** Share of a group of fields that is missing (form) or present (enrichment). */
export interface FieldGroupShare {
  name: 'form.missingShare' | 'enrichment.coverage';
  fields: string[];
}

/** When each lead's features are observed: a window after creation, or one fixed time. */
export type Observation = { windowDays: number } | { at: string };

/** Features of the lead's creation time and of the time between its touchpoints. */
export interface TimeSpec {
  /** The lead's creation-date column. */
  created: string;
  observation: Observation;
}

/** The columns of the event log, and everything learned from the training events. */
export interface EventSpec {
  columns: { leadId: string; time: string; url?: string; title?: string; channel?: string; type?: string; duration?: string };
  /** Drop events at or after the lead's label time (and after the observation point). */
  censor: boolean;
  /** Event types with their own count (others are counted as `other`). */
  types: string[];
  /** Types that count as a form fill. */
  formFillTypes: string[];
  channels: string[];
  /** A new session starts after this many minutes without events. */
  sessionGapMinutes: number;
  /** Counts and durations are log1p-transformed (trees do not care; linear models prefer it). */
  countTransform: 'log1p' | 'raw';
  taxonomy: Taxonomy;
  /** TF-IDF of the lead's pages over this vocabulary (idf from the training leads). */
  terms: { vocabulary: string[]; idf: number[] };
  /** Channel × slot and page type × slot features for the first `slots` touchpoints; null when disabled. */
  pathSlots: { slots: number; coverage: number; channels: string[]; pageTypes: string[] } | null;
}

/** Why a column is not a feature. */
export type ExclusionReason =
  | 'target'
  | 'id'
  | 'dropped'
  | 'label time'
  | 'funnel stage'
  | 'post-outcome'
  | 'leakage'
  | 'personal data'
  | 'date'
  | 'free text'
  | 'empty'
  | 'constant';

export interface ExcludedColumn {
  column: string;
  reason: ExclusionReason;
  detail: string;
}

/** A column that may carry the outcome: its single-column AUC and whether it was used anyway (opt-in). */
export interface LeakageFinding {
  column: string;
  auc: number | null;
  aucPresent: number | null;
  configured: boolean;
  included: boolean;
  reasons: string[];
}

/**
 * Everything a fitted feature pipeline learned, as plain JSON: levels, fill values,
 * encodings, vocabularies, taxonomy, slot count, scaler and the output column order.
 * The same spec turns a training table and a single incoming lead into identical rows.
 * It holds no personal data.
 */
export interface FeatureSpec {
  kind: 'FeatureSpec';
  formatVersion: number;
  dataset: {
    name: string;
    id?: string;
    target: { column: string; positive: string | number };
    labelTime?: string;
    placeholders: string[];
  };
  columns: ColumnEncoding[];
  groups: FieldGroupShare[];
  time: TimeSpec | null;
  events: EventSpec | null;
  /** Standardization of every output column: (x − mean) / scale. */
  scaler: { mean: number[]; scale: number[] } | null;
  /** Output columns, in order, with the group each belongs to (for reports and explanations). */
  features: { names: string[]; groups: string[] };
  excluded: ExcludedColumn[];
  leakage: LeakageFinding[];
  /** Deliberate exceptions: columns used although excluded or suspect by default. */
  optIns: { leakage: string[] };
  training: { rows: number; positives: number | null; events: number; censoredEvents: number; seed: number };
}
