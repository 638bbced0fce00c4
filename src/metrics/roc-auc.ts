import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses } from './assert-inputs.js';

export { assertBinaryScores } from './assert-inputs.js';

/** Row order by descending score (stable on ties). */
export function orderByScoreDesc(scores: ArrayLike<number>): Int32Array {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}

/**
 * Area under the ROC curve (scikit-learn's `roc_auc_score` for binary labels):
 * ties between a positive and a negative count one half. Throws when only one
 * class is present, as scikit-learn does.
 */
export function rocAuc(labels: Labels, scores: ArrayLike<number>, sampleWeight?: SampleWeight): number {
  assertBinaryScores(labels, scores, 'rocAuc', sampleWeight);
  const order = orderByScoreDesc(scores);
  let totalPos = 0;
  let totalNeg = 0;
  let area = 0;
  let i = 0;
  while (i < order.length) {
    let groupPos = 0;
    let groupNeg = 0;
    const s = scores[order[i]];
    while (i < order.length && scores[order[i]] === s) {
      const r = order[i];
      const w = sampleWeight ? sampleWeight[r] : 1;
      if (labels[r] === 1) groupPos += w;
      else groupNeg += w;
      i++;
    }
    // Positives in this group outrank every negative below (seen later) and tie with the group's negatives.
    area += groupNeg * (totalPos + 0.5 * groupPos);
    totalPos += groupPos;
    totalNeg += groupNeg;
  }
  assertBothClasses(totalPos, totalNeg, 'rocAuc', 'ROC AUC');
  return area / (totalPos * totalNeg);
}
