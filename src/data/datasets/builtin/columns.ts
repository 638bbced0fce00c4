/**
 * File and column names of the built-in data set, for presets, loaders and notebooks
 * that refer to them. The CSV files carry exactly these columns in this order.
 */

/** Version of the file layout below; bumped whenever a column or file changes. */
export const BUILTIN_FORMAT_VERSION = 1;

export const BUILTIN_FILES = {
  leads: 'leads.csv',
  events: 'events.csv',
  truth: 'truth.csv',
  generator: 'generator.json',
} as const;

export const BUILTIN_LEAD_COLUMNS = [
  'lead_id',
  'created_at',
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'job_title',
  'country',
  'region',
  'industry',
  'employees',
  'annual_revenue',
  'company_age_years',
  'tech_stack',
  'timeframe',
  'budget',
  'use_case',
  'lead_origin',
  'first_touch_channel',
  'email_opens',
  'email_clicks',
  'newsletter_opt_in',
  'sales_accepted',
  'accepted_at',
  'funnel_stage',
] as const;
export type BuiltinLeadColumn = (typeof BUILTIN_LEAD_COLUMNS)[number];

export const BUILTIN_EVENT_COLUMNS = ['lead_id', 'timestamp', 'channel', 'url', 'title', 'event_type', 'time_on_page_s'] as const;
export type BuiltinEventColumn = (typeof BUILTIN_EVENT_COLUMNS)[number];

export const BUILTIN_TRUTH_COLUMNS = ['lead_id', 'p_true'] as const;
export type BuiltinTruthColumn = (typeof BUILTIN_TRUTH_COLUMNS)[number];

/** Key joining leads, events and truth. */
export const BUILTIN_ID_COLUMN = 'lead_id';
/** The label: 1 when sales accepted the lead. */
export const BUILTIN_TARGET_COLUMN = 'sales_accepted';
/** When the lead entered the CRM: the column for a date-based train/test split. */
export const BUILTIN_CREATED_AT_COLUMN = 'created_at';
/** When sales accepted the lead; events after it must be censored before modelling. */
export const BUILTIN_ACCEPTED_AT_COLUMN = 'accepted_at';
export const BUILTIN_EVENT_TIME_COLUMN = 'timestamp';

/** Columns known only once the outcome is known: never features. */
export const BUILTIN_OUTCOME_COLUMNS = ['sales_accepted', 'accepted_at', 'funnel_stage'] as const;
/** Personal data: identifiers, not features; drop or hash before sharing. */
export const BUILTIN_PII_COLUMNS = ['first_name', 'last_name', 'email', 'phone'] as const;
/** Enrichment columns from a firmographic data vendor; often missing, and their presence is informative. */
export const BUILTIN_ENRICHMENT_COLUMNS = ['employees', 'annual_revenue', 'company_age_years', 'tech_stack'] as const;
/** Fields of the web form; blank or a placeholder when the lead skipped them. */
export const BUILTIN_FORM_COLUMNS = ['timeframe', 'budget', 'use_case'] as const;
/** Placeholder strings that mean "missing" in this data set (besides blank cells). */
export const BUILTIN_MISSING_TOKENS = ['Select', 'N/A', '-', 'unknown'] as const;
/** Separator of the multi-valued `tech_stack` column. */
export const BUILTIN_TECH_STACK_SEPARATOR = ';';
