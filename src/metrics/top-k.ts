import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses } from './assert-inputs.js';
import { cumulativePositives } from './cumulative-positives.js';

/** What the k highest-scored leads hold: the list a sales team can call today. */
export interface TopK {
  k: number;
  /** Positives among the top k (fractional when tied scores straddle rank k). */
  positives: number;
  /** positives / k. */
  precision: number;
  /** positives / all positives. */
  recall: number;
}

/**
 * Precision and recall among the k highest scores. Rows tied with the k-th score are
 * counted in proportion (the expectation over random tie-breaking), so the result does
 * not depend on row order.
 */
export function topK(labels: Labels, scores: ArrayLike<number>, k: number): TopK {
  const who = 'topK';
  assertBinaryScores(labels, scores, who);
  const n = labels.length;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new InputError(`${who}: k is ${k}; it must be a whole number from 1 to the number of rows (${n})`);
  }
  const { captured } = cumulativePositives(labels, scores);
  const totalPositives = captured[n];
  assertBothClasses(totalPositives, 1, who, 'top-k recall');
  const positives = captured[k];
  return { k, positives, precision: positives / k, recall: positives / totalPositives };
}

/** Precision among the k highest scores (see `topK`). */
export function topKPrecision(labels: Labels, scores: ArrayLike<number>, k: number): number {
  return topK(labels, scores, k).precision;
}

/** Share of all positives found among the k highest scores (see `topK`). */
export function topKRecall(labels: Labels, scores: ArrayLike<number>, k: number): number {
  return topK(labels, scores, k).recall;
}
