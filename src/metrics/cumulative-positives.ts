import type { Labels } from '../core/labels.js';
import { orderByScoreDesc } from './roc-auc.js';

/** Positives captured by the k highest-scored rows, for every k, with ties shared out evenly. */
export interface CumulativePositives {
  /** `captured[k]`: expected positives among the top k rows (k = 0..n). */
  captured: Float64Array;
  /** Scores sorted decreasing (`sortedScores[k]` is the score at rank k). */
  sortedScores: Float64Array;
}

/**
 * Expected positives among the top k rows when rows with equal scores are taken in random
 * order: a run of tied rows holding p positives over m rows contributes p/m per row. The
 * result then depends only on the scores, never on row order — which matters for tree
 * models, whose few distinct scores make many ties. Inputs are assumed valid.
 */
export function cumulativePositives(labels: Labels, scores: ArrayLike<number>): CumulativePositives {
  const order = orderByScoreDesc(scores);
  const n = order.length;
  const captured = new Float64Array(n + 1);
  const sortedScores = Float64Array.from(order, (r) => scores[r]);
  let start = 0;
  while (start < n) {
    let end = start;
    let positives = 0;
    while (end < n && sortedScores[end] === sortedScores[start]) positives += labels[order[end++]];
    const before = captured[start];
    const size = end - start;
    for (let t = 1; t < size; t++) captured[start + t] = before + (positives * t) / size;
    captured[end] = before + positives;
    start = end;
  }
  return { captured, sortedScores };
}
