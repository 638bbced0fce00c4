export { averagePrecision } from './average-precision.js';
export { logLoss, multiClassLogLoss } from './log-loss.js';
export { orderByScoreDesc, rocAuc } from './roc-auc.js';
