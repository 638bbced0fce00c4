export { BinMapper, MAX_BINS } from './bin-mapper.js';
export { BinnedDataset, type FeatureLayout, featureBinLookup, NO_SKIP } from './binned-dataset.js';
export { bundleFeatures, type FeatureBinStats } from './feature-bundler.js';
export { HistogramEvaluator, type HistogramEvaluatorOptions } from './histogram-evaluator.js';
export { SampledEvaluator, type SampledEvaluatorOptions } from './sampled-evaluator.js';
export {
  isBetterSplit,
  newtonValue,
  nodeScore,
  SPLIT_BIN,
  SPLIT_DEFAULT_LEFT,
  SPLIT_FEATURE,
  SPLIT_GAIN,
  SPLIT_LEFT,
  type SplitParams,
  splitRecordSize,
} from './split-finder.js';
export type { HasTreeEnsemble, TreeEnsembleView } from './tree-ensemble-view.js';
export {
  forEachLeaf,
  type GrowNode,
  type GrowthLimits,
  type NodeEvaluator,
  type SplitRequest,
  TreeGrower,
} from './tree-grower.js';
export { type EncodedTreeTable, TreeTable, type TreeTableData } from './tree-table.js';
export { growNodeLeaf, type LeafValueFn, TreeTableBuilder } from './tree-table-builder.js';
export { defaultThreads, startWorker, workerUrl } from './worker-url.js';
