import { rocAuc } from '../../metrics/roc-auc.js';
import { parseIsoDate } from '../parse-iso-date.js';
import { isMissing, valueKey } from '../schema/column-stats.js';
import type { ColumnKind } from '../schema/infer-column-kind.js';
import { stratifiedFolds } from './stratified-folds.js';

/** How well one column alone ranks converted leads above the others. */
export interface ColumnAuc {
  /** ROC-AUC over every labelled row, a missing value being a level (or rank) of its own. */
  auc: number;
  /** ROC-AUC over the rows where the column is filled; null when nothing is missing or too few such rows have each class. */
  aucPresent: number | null;
  /** Numeric and date columns: whether higher or lower values go with conversion. */
  direction?: 'higher' | 'lower';
}

export interface ColumnAucOptions {
  /** Folds of the out-of-fold target encoding of non-numeric columns (default 5). */
  folds?: number;
  seed?: number;
}

/** Rows of each class needed among the filled rows to compute `aucPresent`. */
const MIN_CLASS_ROWS = 10;

/**
 * Single-column ROC-AUC, the leakage screen. A numeric or date column scores rows
 * by its values; a missing value ranks below all values or above them, whichever
 * separates better, and the AUC is reported as max(AUC, 1 − AUC), direction aside.
 * Any other column scores a row by the conversion rate of its level computed out of
 * fold (k folds, stratified, seeded; unseen levels get the training rate), so a
 * column with a distinct value per row scores about 0.5 instead of a trivial 1.
 * `labels` holds 1, 0, or −1 (unlabelled; ignored). Null when only one class is labelled.
 */
export function singleColumnAuc(
  values: ArrayLike<unknown>,
  kind: ColumnKind,
  labels: ArrayLike<number>,
  options: ColumnAucOptions = {},
): ColumnAuc | null {
  const rows: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === 0 || labels[i] === 1) rows.push(i);
  const y = Int8Array.from(rows, (r) => labels[r]);
  if (!hasBothClasses(y, 1)) return null;
  const present = rows.map((r) => !isMissing(values[r]));
  const presentRows = rows.filter((_, k) => present[k]);
  const yPresent = Int8Array.from(presentRows, (r) => labels[r]);
  const canScorePresent = presentRows.length < rows.length && hasBothClasses(yPresent, MIN_CLASS_ROWS);
  if (kind === 'numeric' || kind === 'date') {
    const x = Float64Array.from(rows, (r) => toNumber(values[r]));
    const best = numericAuc(x, y);
    const filled = canScorePresent
      ? numericAuc(
          Float64Array.from(presentRows, (r) => toNumber(values[r])),
          yPresent,
        )
      : null;
    return { auc: best.auc, aucPresent: filled?.auc ?? null, direction: best.direction };
  }
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 0;
  const auc = rocAuc(
    y,
    outOfFoldRates(
      rows.map((r) => values[r]),
      y,
      folds,
      seed,
    ),
  );
  const aucPresent = canScorePresent
    ? rocAuc(
        yPresent,
        outOfFoldRates(
          presentRows.map((r) => values[r]),
          yPresent,
          folds,
          seed,
        ),
      )
    : null;
  return { auc, aucPresent };
}

function hasBothClasses(y: Int8Array, atLeast: number): boolean {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i];
  return positives >= atLeast && y.length - positives >= atLeast;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return parseIsoDate(value.trim());
  return Number.NaN;
}

/** Best of "missing lowest" and "missing highest", as max(AUC, 1 − AUC). */
function numericAuc(x: Float64Array, y: Int8Array): { auc: number; direction: 'higher' | 'lower' } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let missing = 0;
  for (const v of x) {
    if (Number.isNaN(v)) missing++;
    else {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (missing === x.length) return { auc: 0.5, direction: 'higher' };
  const fills = missing === 0 ? [0] : [min - 1, max + 1];
  let best = { auc: -1, direction: 'higher' as 'higher' | 'lower' };
  for (const fill of fills) {
    const a = rocAuc(
      y,
      x.map((v) => (Number.isNaN(v) ? fill : v)),
    );
    const score = Math.max(a, 1 - a);
    if (score > best.auc) best = { auc: score, direction: a >= 0.5 ? 'higher' : 'lower' };
  }
  return best;
}

/** Each row's level conversion rate, estimated on the other folds (missing is a level). */
function outOfFoldRates(values: unknown[], y: Int8Array, k: number, seed: number): Float64Array {
  const codes = new Int32Array(values.length);
  const index = new Map<unknown, number>();
  values.forEach((v, i) => {
    const key = isMissing(v) ? null : valueKey(v);
    let code = index.get(key);
    if (code === undefined) index.set(key, (code = index.size));
    codes[i] = code;
  });
  const folds = stratifiedFolds(y, k, seed);
  const levels = index.size;
  const count = new Float64Array(levels * k);
  const positive = new Float64Array(levels * k);
  const foldCount = new Float64Array(k);
  const foldPositive = new Float64Array(k);
  for (let i = 0; i < values.length; i++) {
    count[codes[i] * k + folds[i]]++;
    positive[codes[i] * k + folds[i]] += y[i];
    foldCount[folds[i]]++;
    foldPositive[folds[i]] += y[i];
  }
  const levelCount = new Float64Array(levels);
  const levelPositive = new Float64Array(levels);
  for (let c = 0; c < levels; c++) {
    for (let f = 0; f < k; f++) {
      levelCount[c] += count[c * k + f];
      levelPositive[c] += positive[c * k + f];
    }
  }
  const total = values.length;
  const totalPositive = foldPositive.reduce((a, b) => a + b, 0);
  const scores = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = codes[i];
    const f = folds[i];
    const n = levelCount[c] - count[c * k + f];
    scores[i] = n > 0 ? (levelPositive[c] - positive[c * k + f]) / n : (totalPositive - foldPositive[f]) / (total - foldCount[f]);
  }
  return scores;
}
