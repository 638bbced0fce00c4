import { InputError } from '../core/errors.js';
import type { Labels, SampleWeight } from '../core/labels.js';
import { assertPredictions } from './assert-inputs.js';
import { assertBeta, fBetaFromCounts, ratioOrZero } from './binary-scores.js';
import { resolveClasses } from './confusion-matrix.js';

/** How per-class scores combine: unweighted mean, mean weighted by support, or from pooled counts. */
export type Average = 'macro' | 'weighted' | 'micro';

export interface MultiClassOptions {
  sampleWeight?: SampleWeight;
  /** Classes to score, in order (scikit-learn's `labels`); default: those present in labels or predictions. */
  classes?: readonly number[];
}

export interface AveragedOptions extends MultiClassOptions {
  /** Default 'macro'. */
  average?: Average;
}

/** Per-class precision, recall, F-beta and support (scikit-learn's `precision_recall_fscore_support`, average=None). */
export interface PerClassScores {
  classes: number[];
  precision: number[];
  recall: number[];
  fScore: number[];
  /** (Weighted) number of rows of each class. */
  support: number[];
  /** Pooled counts behind the per-class values, for micro averaging. */
  truePositives: number[];
  predicted: number[];
}

/** Per-class scores for class-index labels; zero denominators give 0, as scikit-learn's default. */
export function precisionRecallFScoreSupport(
  labels: Labels,
  predicted: Labels,
  options: MultiClassOptions & { beta?: number } = {},
): PerClassScores {
  const { sampleWeight, beta = 1 } = options;
  assertPredictions(labels, predicted, 'precisionRecallFScoreSupport', sampleWeight);
  assertBeta(beta, 'precisionRecallFScoreSupport');
  const classes = resolveClasses(labels, predicted, options.classes, 'precisionRecallFScoreSupport');
  const position = new Map<number, number>();
  for (const [i, c] of classes.entries()) position.set(c, i);
  const k = classes.length;
  const tp = new Array<number>(k).fill(0);
  const pred = new Array<number>(k).fill(0);
  const support = new Array<number>(k).fill(0);
  for (let r = 0; r < labels.length; r++) {
    const w = sampleWeight ? sampleWeight[r] : 1;
    const i = position.get(labels[r]);
    const j = position.get(predicted[r]);
    if (i !== undefined) support[i] += w;
    if (j !== undefined) pred[j] += w;
    if (i !== undefined && labels[r] === predicted[r]) tp[i] += w;
  }
  return {
    classes,
    precision: tp.map((t, c) => ratioOrZero(t, pred[c])),
    recall: tp.map((t, c) => ratioOrZero(t, support[c])),
    fScore: tp.map((t, c) => fBetaFromCounts(t, pred[c] - t, support[c] - t, beta)),
    support,
    truePositives: tp,
    predicted: pred,
  };
}

/** Averages the per-class scores of one kind as scikit-learn does. */
function averaged(scores: PerClassScores, kind: 'precision' | 'recall' | 'fScore', average: Average, beta: number): number {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (average === 'micro') {
    const tp = sum(scores.truePositives);
    const pred = sum(scores.predicted);
    const support = sum(scores.support);
    if (kind === 'precision') return ratioOrZero(tp, pred);
    if (kind === 'recall') return ratioOrZero(tp, support);
    return fBetaFromCounts(tp, pred - tp, support - tp, beta);
  }
  const values = scores[kind];
  if (average === 'macro') return sum(values) / values.length;
  if (average === 'weighted') {
    const total = sum(scores.support);
    if (total === 0) return 0;
    return sum(values.map((v, c) => v * scores.support[c])) / total;
  }
  throw new InputError(`average is "${average}", expected 'macro', 'weighted' or 'micro'`);
}

function scoreOf(
  who: string,
  kind: 'precision' | 'recall' | 'fScore',
  labels: Labels,
  predicted: Labels,
  options: AveragedOptions,
  beta = 1,
) {
  const average = options.average ?? 'macro';
  if (average !== 'macro' && average !== 'weighted' && average !== 'micro') {
    throw new InputError(`${who}: average is "${average}", expected 'macro', 'weighted' or 'micro'`);
  }
  assertBeta(beta, who);
  return averaged(precisionRecallFScoreSupport(labels, predicted, { ...options, beta }), kind, average, beta);
}

/** Multi-class precision averaged over classes ('macro' default, 'weighted', 'micro'). */
export function multiClassPrecision(labels: Labels, predicted: Labels, options: AveragedOptions = {}): number {
  return scoreOf('multiClassPrecision', 'precision', labels, predicted, options);
}

/** Multi-class recall averaged over classes ('macro' default, 'weighted', 'micro'). */
export function multiClassRecall(labels: Labels, predicted: Labels, options: AveragedOptions = {}): number {
  return scoreOf('multiClassRecall', 'recall', labels, predicted, options);
}

/** Multi-class F1 averaged over classes ('macro' default, 'weighted', 'micro'). */
export function multiClassF1(labels: Labels, predicted: Labels, options: AveragedOptions = {}): number {
  return scoreOf('multiClassF1', 'fScore', labels, predicted, options);
}

/** Multi-class F-beta averaged over classes ('macro' default, 'weighted', 'micro'). */
export function multiClassFBeta(labels: Labels, predicted: Labels, beta: number, options: AveragedOptions = {}): number {
  return scoreOf('multiClassFBeta', 'fScore', labels, predicted, options, beta);
}
