export { compareFeatureSets, type FeatureSetResult, type FeatureSetVariant } from './compare-feature-sets.js';
export { type PreparedDataset, type PrepareOptions, prepareDataset, type SplitChoice } from './prepare-dataset.js';
export { type Fold, foldsFromAssignment, StratifiedKFold, type StratifiedKFoldParams } from './stratified-k-fold.js';
export { dateSplit, stratifiedHoldout } from './train-test-split.js';
