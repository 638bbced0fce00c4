export { parseBooleanLike } from './boolean-like.js';
export { censorEvents } from './censoring.js';
export { emailDomain, FREE_MAIL_DOMAINS } from './email-domain.js';
export type { LeadEvent } from './event-log.js';
export {
  type ColumnEncoding,
  type EventSpec,
  type ExcludedColumn,
  FEATURE_SPEC_VERSION,
  type FeatureSpec,
  type LeakageFinding,
  type Observation,
} from './feature-spec.js';
export {
  conversionByFeatureValue,
  encodingTable,
  excludedTable,
  featureGroupTable,
  indicatorConversion,
  leadBeforeAfter,
  pathOrderExample,
  taxonomyTable,
} from './inspect.js';
export { type FeatureInput, type FeatureMatrix, FeaturePipeline, requiredColumns, type TransformOneOptions } from './pipeline.js';
export type { ColumnEncodingChoice, PipelineOptions } from './pipeline-options.js';
export {
  PREPARED_FORMAT,
  PREPARED_VERSION,
  type PreparedData,
  type PreparedFormat,
  type PreparedPart,
  readPreparedPart,
  writePreparedData,
} from './prepared-data.js';
export { Standardizer } from './standardize.js';
export {
  DEFAULT_PAGE_TYPES,
  HOME_PAGE_TYPE,
  OTHER_PAGE_TYPE,
  parseTaxonomy,
  type Taxonomy,
  TaxonomyMatcher,
  type TaxonomySegment,
} from './taxonomy.js';
export { type PageVisit, proposeTaxonomy } from './taxonomy-proposal.js';
export { pageKey, textTokens, urlTokens } from './url-tokens.js';
