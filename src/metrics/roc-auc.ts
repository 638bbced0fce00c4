import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';

/** Row order by descending score (stable on ties). */
export function orderByScoreDesc(scores: ArrayLike<number>): Int32Array {
  const order = new Int32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}

export function assertBinaryScores(labels: Labels, scores: ArrayLike<number>, who: string, weights?: SampleWeight): void {
  if (labels.length !== scores.length) {
    throw new InputError(`${who}: ${labels.length} labels but ${scores.length} scores`);
  }
  if (weights && weights.length !== labels.length) {
    throw new InputError(`${who}: ${labels.length} labels but ${weights.length} sample weights`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new InputError(`${who}: label at row ${i} is ${labels[i]}, expected 0 or 1`);
    if (Number.isNaN(scores[i])) throw new InputError(`${who}: score at row ${i} is NaN`);
  }
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
  if (totalPos === 0 || totalNeg === 0) {
    throw new InputError('rocAuc: only one class is present in labels; ROC AUC is not defined');
  }
  return area / (totalPos * totalNeg);
}
