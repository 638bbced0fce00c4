export { bestAchievableAuc } from './best-achievable-auc.js';
export { describeDataFindings, type FindingsInput } from './data-findings.js';
export { type FormatProfileOptions, formatProfile, profileTableRows, toProfileJSON } from './format-profile.js';
export { findLeakageSuspects, type LeakageSuspect } from './leakage-suspects.js';
export { type LevelRate, levelRates, type MissingnessRates, missingnessRates } from './level-rates.js';
export { type NumericSummary, numericSummary, quantileSorted } from './numeric-summary.js';
export { findPiiSuspects, type PiiCategory, type PiiSuspect } from './pii-suspects.js';
export {
  type ClassBalance,
  type ColumnProfile,
  type DatasetProfile,
  type ProfileOptions,
  profileDataset,
} from './profile-dataset.js';
export { type ColumnAuc, type ColumnAucOptions, singleColumnAuc } from './single-column-auc.js';
export { FUNNEL_ORDER, type StageCount, stageCounts } from './stage-counts.js';
export { type Align, clip, formatTextTable } from './text-table.js';
