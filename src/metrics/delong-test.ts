import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses, assertLength } from './assert-inputs.js';
import { normalQuantile, normalSf } from './normal-distribution.js';

export interface DelongOptions {
  /** 1 − confidence level of the interval for the difference. Default 0.05. */
  alpha?: number;
}

/** DeLong's test of two correlated ROC AUCs measured on the same rows. */
export interface DelongResult {
  aucA: number;
  aucB: number;
  /** aucA − aucB. */
  difference: number;
  /** DeLong variances of each AUC and their covariance. */
  varianceA: number;
  varianceB: number;
  covariance: number;
  /** Standard error of the difference. */
  standardError: number;
  /** difference / standardError (±Infinity when the difference is non-zero but has no variance, 0 when both are 0). */
  z: number;
  /** Two-sided p-value of H0: equal AUCs. */
  pValue: number;
  /** Normal-theory (1 − alpha) interval for the difference. */
  low: number;
  high: number;
}

/**
 * DeLong, DeLong & Clarke-Pearson (1988) test for two ROC AUCs on the same labels, with
 * the O(n log n) midrank algorithm of Sun & Xu (2014). Structural components
 * V10 (per positive) and V01 (per negative) use the Mann–Whitney kernel (ties count ½);
 * S = S10/m + S01/n with S10, S01 the sample covariances (n − 1 denominator) of the
 * components across the two scores.
 */
export function delongTest(
  labels: Labels,
  scoresA: ArrayLike<number>,
  scoresB: ArrayLike<number>,
  options: DelongOptions = {},
): DelongResult {
  const who = 'delongTest';
  const { alpha = 0.05 } = options;
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`${who}: alpha is ${alpha}; it must lie strictly between 0 and 1`);
  assertBinaryScores(labels, scoresA, who);
  assertLength(scoresB, labels.length, who, 'scoresB');
  assertBinaryScores(labels, scoresB, who);
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < labels.length; i++) (labels[i] === 1 ? positives : negatives).push(i);
  const m = positives.length;
  const n = negatives.length;
  assertBothClasses(m, n, who, 'the DeLong test');
  if (m < 2 || n < 2)
    throw new InputError(`${who}: needs at least 2 positive and 2 negative rows for a variance (got ${m} and ${n})`);
  const a = structuralComponents(scoresA, positives, negatives);
  const b = structuralComponents(scoresB, positives, negatives);
  const varianceA = covariance(a.v10, a.v10) / m + covariance(a.v01, a.v01) / n;
  const varianceB = covariance(b.v10, b.v10) / m + covariance(b.v01, b.v01) / n;
  const cov = covariance(a.v10, b.v10) / m + covariance(a.v01, b.v01) / n;
  const difference = a.auc - b.auc;
  const standardError = Math.sqrt(Math.max(0, varianceA + varianceB - 2 * cov));
  const z =
    standardError > 0 ? difference / standardError : difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY;
  const half = normalQuantile(1 - alpha / 2) * standardError;
  return {
    aucA: a.auc,
    aucB: b.auc,
    difference,
    varianceA,
    varianceB,
    covariance: cov,
    standardError,
    z,
    pValue: Math.min(1, 2 * normalSf(Math.abs(z))),
    low: difference - half,
    high: difference + half,
  };
}

interface Components {
  auc: number;
  v10: Float64Array;
  v01: Float64Array;
}

/** AUC and DeLong components from midranks: V10ᵢ = (Tzᵢ − Txᵢ)/n, V01ⱼ = 1 − (Tz_{m+j} − Tyⱼ)/m. */
function structuralComponents(scores: ArrayLike<number>, positives: number[], negatives: number[]): Components {
  const m = positives.length;
  const n = negatives.length;
  const x = Float64Array.from(positives, (r) => scores[r]);
  const y = Float64Array.from(negatives, (r) => scores[r]);
  const z = new Float64Array(m + n);
  z.set(x);
  z.set(y, m);
  const tx = midranks(x);
  const ty = midranks(y);
  const tz = midranks(z);
  let rankSum = 0;
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    rankSum += tz[i];
    v10[i] = (tz[i] - tx[i]) / n;
  }
  for (let j = 0; j < n; j++) v01[j] = 1 - (tz[m + j] - ty[j]) / m;
  return { auc: (rankSum - (m * (m + 1)) / 2) / (m * n), v10, v01 };
}

/** 1-based ranks with ties given their mean rank. */
export function midranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => values[p] - values[q]);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && values[order[j]] === values[order[i]]) j++;
    const rank = 0.5 * (i + j - 1) + 1;
    for (let k = i; k < j; k++) ranks[order[k]] = rank;
    i = j;
  }
  return ranks;
}

/** Sample covariance with an n − 1 denominator. */
function covariance(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  let mu = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mu += u[i];
    mv += v[i];
  }
  mu /= n;
  mv /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (u[i] - mu) * (v[i] - mv);
  return s / (n - 1);
}
