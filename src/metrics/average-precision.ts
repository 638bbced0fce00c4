import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { assertBinaryScores } from './assert-inputs.js';
import { orderByScoreDesc } from './roc-auc.js';

/**
 * Average precision, the PR-AUC of scikit-learn's `average_precision_score`:
 * Σ (Rₙ − Rₙ₋₁) · Pₙ over distinct score thresholds, highest first (no interpolation).
 */
export function averagePrecision(labels: Labels, scores: ArrayLike<number>, sampleWeight?: SampleWeight): number {
  assertBinaryScores(labels, scores, 'averagePrecision', sampleWeight);
  const order = orderByScoreDesc(scores);
  let totalPos = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) totalPos += sampleWeight ? sampleWeight[i] : 1;
  if (totalPos === 0) throw new InputError('averagePrecision: no positive labels; average precision is not defined');
  let tp = 0;
  let fp = 0;
  let prevRecall = 0;
  let ap = 0;
  let i = 0;
  while (i < order.length) {
    const s = scores[order[i]];
    while (i < order.length && scores[order[i]] === s) {
      const r = order[i];
      const w = sampleWeight ? sampleWeight[r] : 1;
      if (labels[r] === 1) tp += w;
      else fp += w;
      i++;
    }
    const recall = tp / totalPos;
    const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
  }
  return ap;
}
