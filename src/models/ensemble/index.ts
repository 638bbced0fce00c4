export type { ClassWeight } from './class-weight.js';
export { GradientBoostingClassifier, type StageOptions } from './gradient-boosting-classifier.js';
export type { GradientBoostingParams } from './gradient-boosting-params.js';
export { type OobResult, RandomForestClassifier } from './random-forest-classifier.js';
export type { MaxFeatures, RandomForestParams } from './random-forest-params.js';
