/**
 * The built-in data set: a seeded simulator of a B2B SaaS marketing-to-sales funnel, modelled
 * on a software vendor whose ~76k marketing leads saw ~1% accepted by sales.
 *
 * - leads.csv: synthetic PII, messy job titles and channels, firmographic enrichment that is
 *   mostly missing (its presence is informative), incomplete forms, lead origin (trade shows
 *   and events have no web events), e-mail engagement, and the outcome columns
 *   (sales_accepted, accepted_at, funnel_stage).
 * - events.csv: ordered web paths on the vendor's sites, long-tailed in length; accepted
 *   leads also have customer activity after accepted_at, which must be censored.
 * - truth.csv: p_true = P(accepted | pre-acceptance record), whose AUC is the Bayes ceiling.
 * - generator.json: parameters, counts and achieved rates.
 *
 * Same options, same bytes.
 */
export {
  BUILTIN_DEFAULTS,
  type BuiltinOptions,
  MAX_BUILTIN_LEADS,
  MAX_BUILTIN_POSITIVE_RATE,
  parseBuiltinOptions,
  type ResolvedBuiltinOptions,
} from './builtin-options.js';
export {
  BUILTIN_ACCEPTED_AT_COLUMN,
  BUILTIN_CREATED_AT_COLUMN,
  BUILTIN_ENRICHMENT_COLUMNS,
  BUILTIN_EVENT_COLUMNS,
  BUILTIN_EVENT_TIME_COLUMN,
  BUILTIN_FILES,
  BUILTIN_FORM_COLUMNS,
  BUILTIN_FORMAT_VERSION,
  BUILTIN_ID_COLUMN,
  BUILTIN_LEAD_COLUMNS,
  BUILTIN_MISSING_TOKENS,
  BUILTIN_OUTCOME_COLUMNS,
  BUILTIN_PII_COLUMNS,
  BUILTIN_TARGET_COLUMN,
  BUILTIN_TECH_STACK_SEPARATOR,
  BUILTIN_TRUTH_COLUMNS,
  type BuiltinEventColumn,
  type BuiltinLeadColumn,
  type BuiltinTruthColumn,
} from './columns.js';
export { eventCells } from './event-cells.js';
export type { EventTable } from './event-table.js';
export {
  type BuiltinCounts,
  type BuiltinDataset,
  type BuiltinLeadTable,
  type BuiltinTruth,
  generateBuiltinDataset,
} from './generate-builtin-dataset.js';
export { PAGE_KINDS as BUILTIN_PAGE_KINDS, SITE_PAGES as BUILTIN_SITE_PAGES, type SitePage } from './site-catalogue.js';
export {
  CHANNELS as BUILTIN_CHANNELS,
  EVENT_TYPES as BUILTIN_EVENT_TYPES,
  FUNNEL_STAGES as BUILTIN_FUNNEL_STAGES,
  LEAD_ORIGINS as BUILTIN_LEAD_ORIGINS,
} from './taxonomy.js';
export { type BuiltinSummary, writeBuiltinDataset } from './write-builtin-dataset.js';
