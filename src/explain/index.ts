export { describeFeature, isIndicatorName } from './feature-words.js';
export { groupImportances, type ImportanceRow, rankImportances } from './importance.js';
export { describeOddsRatios, oddsRatioTable } from './odds-ratios.js';
export { meanAbsoluteContributions } from './shap-summary.js';
export { type TreeShapOptions, type TreeShapResult, treeShap, treeShapInto } from './tree-shap.js';
