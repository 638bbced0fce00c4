/** Which value of which column means "converted". */
export interface TargetConfig {
  column: string;
  /** The value meaning converted (compared as text, case-insensitively, or as a number when both sides are numbers). */
  positive: string | number;
}

/** Where the web / marketing events of each lead are, and what their columns are called. */
export interface EventsConfig {
  /** Events file (CSV or JSON lines), relative to the config file. */
  path: string;
  /** Column holding the lead id (matches the leads' `id` column). */
  leadId: string;
  /** Column holding the event time (ISO date-time). */
  time: string;
  url?: string;
  title?: string;
  channel?: string;
  type?: string;
  /** Column holding the time spent, in seconds. */
  duration?: string;
}

/** A file of true conversion probabilities (synthetic data sets only). */
export interface TruthConfig {
  path: string;
  /** Lead id column (default: the leads' `id`). */
  leadId?: string;
  /** Probability column (default "p_true"). */
  probability?: string;
}

/**
 * How to read a CRM export: the JSON file a user writes next to their data. Every
 * list is optional and defaults to empty; `placeholders` defaults to
 * `DEFAULT_PLACEHOLDERS`.
 */
export interface DatasetConfig {
  name: string;
  /** Leads file (CSV or JSON lines), relative to the config file. Optional when the file is given separately. */
  leads?: string;
  target: TargetConfig;
  /** Unique lead id column. */
  id?: string;
  /** When the lead was created (for time-based splits). */
  date?: string;
  /** When the outcome became known; a post-outcome column by definition. */
  labelTime?: string;
  /** Columns removed at load time (other ids, free-text notes). */
  drop: string[];
  /** Columns filled in after the outcome (they leak it): kept for analysis, never used as features. */
  postOutcome: string[];
  /** Columns with personal data: never used as features, masked in reports. */
  pii: string[];
  /** Values read as missing (trimmed, case-insensitive). */
  placeholders: string[];
  /** Columns whose values are trimmed and lower-cased before use. */
  caseFold: string[];
  /** Answers the lead typed into a form. */
  formFields: string[];
  /** Attributes added by a data vendor (firmographics). */
  enrichmentFields: string[];
  /** Multi-class funnel stage column. */
  stage?: string;
  events?: EventsConfig;
  truth?: TruthConfig;
}

/** Top-level fields of a dataset config, in documentation order. */
export const DATASET_CONFIG_FIELDS = [
  'name',
  'leads',
  'target',
  'id',
  'date',
  'labelTime',
  'drop',
  'postOutcome',
  'pii',
  'placeholders',
  'caseFold',
  'formFields',
  'enrichmentFields',
  'stage',
  'events',
  'truth',
] as const;

export const TARGET_FIELDS = ['column', 'positive'] as const;
export const EVENTS_FIELDS = ['path', 'leadId', 'time', 'url', 'title', 'channel', 'type', 'duration'] as const;
export const TRUTH_FIELDS = ['path', 'leadId', 'probability'] as const;

/** Config fields that hold one column name of the leads table. */
export const SINGLE_COLUMN_FIELDS = ['id', 'date', 'labelTime', 'stage'] as const;
/** Config fields that hold lists of column names of the leads table. */
export const COLUMN_LIST_FIELDS = ['drop', 'postOutcome', 'pii', 'caseFold', 'formFields', 'enrichmentFields'] as const;
