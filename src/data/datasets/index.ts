export { assertConfigMatchesTable, type ConfigMatchContext } from './assert-config-matches-table.js';
export {
  DATASET_CONFIG_FIELDS,
  type DatasetConfig,
  type EventsConfig,
  type TargetConfig,
  type TruthConfig,
} from './dataset-config.js';
export { datasetLabels, numericColumn } from './dataset-labels.js';
export { firstLeadWithPath, type LeadRecord, leadRecord, recordAt } from './lead-records.js';
export { type Dataset, type LoadDatasetOptions, loadDataset } from './load-dataset.js';
export { loadDatasetConfig, type ParseDatasetConfigOptions, parseDatasetConfig } from './parse-dataset-config.js';
export {
  BUILTIN_DATA_DIR,
  DATASET_PRESETS,
  type DatasetPreset,
  isPresetName,
  type PresetFiles,
  type PresetLocateOptions,
  presetConfig,
  presetNames,
  X_EDUCATION_ENV,
  X_EDUCATION_PLACES,
} from './presets.js';
export { type ResolveDatasetOptions, type ResolvedDataset, resolveDataset } from './resolve-dataset.js';
export { MIN_SAMPLE_PER_CLASS, sampleLeadRows } from './sample-leads.js';
export { scanTargetLabels, type TargetScan, toTargetLabels } from './target-labels.js';
