import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { assertBinaryLabels } from '../metrics/index.js';
import { formatCount } from './format-share.js';

export interface TrainingDataOptions {
  /** Fewest leads of each class (converted, not converted) for stable metrics. Default 40. */
  minPerClass?: number;
  /** Cross-validation folds when there is enough data. Default 5. */
  folds?: number;
  /** Folds when a class is below minPerClass. Default 3. */
  fallbackFolds?: number;
}

/** Whether labelled leads are enough to train and evaluate, and what to do about it. */
export interface TrainingDataAssessment {
  /** 'ok': enough data; 'warning': train, but metrics are unstable; 'error': too few to train or cross-validate. */
  status: 'ok' | 'warning' | 'error';
  /** status === 'ok'. */
  ok: boolean;
  rows: number;
  conversions: number;
  nonConversions: number;
  conversionRate: number;
  minPerClass: number;
  /** Cross-validation folds to use (0 when status is 'error'). */
  folds: number;
  /** Whether reports should show confidence intervals next to every metric. */
  showConfidenceIntervals: boolean;
  /** One sentence naming the counts and what was done. */
  message: string;
  /** What callers do about it, one short phrase each. */
  actions: string[];
}

/**
 * The minimum-data gate before training: counts each class and compares the smaller with
 * `minPerClass`. Below it, training goes ahead with fewer cross-validation folds and
 * confidence intervals on every metric; with fewer leads in a class than folds (or none),
 * a model cannot be cross-validated at all.
 */
export function assessTrainingData(labels: Labels, options: TrainingDataOptions = {}): TrainingDataAssessment {
  const who = 'assessTrainingData';
  const { minPerClass = 40, folds = 5, fallbackFolds = 3 } = options;
  for (const [name, value, least] of [
    ['minPerClass', minPerClass, 1],
    ['folds', folds, 2],
    ['fallbackFolds', fallbackFolds, 2],
  ] as const) {
    if (!Number.isInteger(value) || value < least)
      throw new InputError(`${who}: ${name} is ${value}; it must be a whole number ≥ ${least}`);
  }
  assertBinaryLabels(labels, who);
  let conversions = 0;
  for (let i = 0; i < labels.length; i++) conversions += labels[i];
  const rows = labels.length;
  const nonConversions = rows - conversions;
  const counts = { rows, conversions, nonConversions, conversionRate: rows > 0 ? conversions / rows : 0, minPerClass };
  const smaller = Math.min(conversions, nonConversions);
  const what = conversions <= nonConversions ? 'conversions' : 'non-converted leads';
  const few = `only ${formatCount(smaller)} ${what}`;
  const fallback = Math.min(fallbackFolds, folds);
  if (smaller < Math.max(2, fallback)) {
    const message =
      rows === 0
        ? 'no labelled leads: a model needs converted and non-converted leads to learn from'
        : smaller === 0
          ? `no ${what} among ${formatCount(rows)} leads: a model needs both converted and non-converted leads`
          : `${few}: at least ${fallback} per class are needed to cross-validate (${minPerClass} recommended); label more leads before training`;
    return {
      status: 'error',
      ok: false,
      ...counts,
      folds: 0,
      showConfidenceIntervals: true,
      message,
      actions: ['label more leads'],
    };
  }
  if (smaller < minPerClass) {
    const message =
      `${few}: fewer than ${minPerClass} per class; metrics will be unstable, ` +
      `cross-validation falls back to ${fallback} folds, confidence intervals are shown`;
    const actions = [`cross-validate with ${fallback} folds`, 'show confidence intervals', 'label more leads for stable metrics'];
    return { status: 'warning', ok: false, ...counts, folds: fallback, showConfidenceIntervals: true, message, actions };
  }
  const used = Math.min(folds, smaller);
  const message = `${formatCount(conversions)} conversions and ${formatCount(nonConversions)} non-converted leads: enough to train and cross-validate with ${used} folds`;
  return { status: 'ok', ok: true, ...counts, folds: used, showConfidenceIntervals: false, message, actions: [] };
}
