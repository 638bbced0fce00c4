import { ConfigError, InputError, NotFittedError } from '../../core/errors.js';
import type { Classifier, FitOptions, HasDecisionFunction } from '../../core/estimator.js';
import { type Labels, takeRows, toInt32 } from '../../core/labels.js';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import {
  assertSerialized,
  decodeArray,
  type EncodedArray,
  encodeArray,
  registerKind,
  type SerializedEstimator,
} from '../../core/serialization.js';
import { assertFitInputs, assertPredictInputs } from '../../core/validate.js';
import type { TreeEnsembleView } from '../tree/tree-ensemble-view.js';
import { type EncodedTreeTable, TreeTable } from '../tree/tree-table.js';
import { outputsOf } from './boosting-loss.js';
import { trainBoosting } from './boosting-trainer.js';
import { assertSomeWeight, classWeights, rowWeights } from './class-weight.js';
import { checkEvalSet } from './eval-set.js';
import { type GradientBoostingParams, resolveBoostingParams } from './gradient-boosting-params.js';
import { resolveThreads } from './param-checks.js';
import { argmaxOrThreshold, probabilitiesFromRaw, splitImportances } from './prediction.js';
import { stratifiedHoldout } from './sampling.js';

const KIND = 'GradientBoostingClassifier';
const FORMAT_VERSION = 1;

interface BoostingState {
  nClasses: number;
  nFeatures: number;
  base: Float64Array;
  table: TreeTable;
  nRounds: number;
  bestIteration: number | null;
  evalsResult: { train: number[]; valid: number[] };
}

/** Which rounds to use when predicting: the first `iterations` rounds (default: all kept rounds). */
export interface StageOptions {
  iterations?: number;
}

/**
 * Histogram gradient boosting (XGBoost / LightGBM style) for binary log loss and multi-class
 * softmax: second-order leaf values −G/(H + λ) scaled by the learning rate, depth-wise or
 * leaf-wise trees over quantile bins with a learned direction for missing values, row and column
 * subsampling, class / positive weights, early stopping with the best round kept, and histogram
 * building shared across worker threads.
 *
 * NaN in X is a missing value (at fit and predict time); ±Infinity is refused with an InputError
 * (encode it as NaN or a large finite value). The same seed gives bit-identical models whatever
 * the number of threads.
 */
export class GradientBoostingClassifier implements Classifier<GradientBoostingParams>, HasDecisionFunction {
  readonly kind = KIND;
  readonly params: Readonly<GradientBoostingParams>;
  private state: BoostingState | null = null;

  constructor(params: GradientBoostingParams = {}) {
    this.params = { ...params };
  }

  private fitted(): BoostingState {
    if (!this.state) throw new NotFittedError(KIND);
    return this.state;
  }

  get nClasses(): number {
    return this.fitted().nClasses;
  }

  get nFeatures(): number {
    return this.fitted().nFeatures;
  }

  /** Boosting rounds kept (after early stopping, the best round + 1). */
  get nRounds(): number {
    return this.fitted().nRounds;
  }

  /** 0-based best round found by early stopping, or null when early stopping did not run. */
  get bestIteration(): number | null {
    return this.fitted().bestIteration;
  }

  /** Log loss per round: `valid` on the validation rows, `train` when fit had callbacks. */
  get evalsResult(): { train: number[]; valid: number[] } {
    const r = this.fitted().evalsResult;
    return { train: [...r.train], valid: [...r.valid] };
  }

  async fit(X: Matrix, y: Labels, options: FitOptions = {}): Promise<this> {
    const nClasses = assertFitInputs(X, y, options.sampleWeight, { allowMissing: true, estimator: KIND });
    const p = resolveBoostingParams(this.params);
    const nThreads = resolveThreads(KIND, p.nThreads);
    const labels = toInt32(y);
    const perClass = classWeights(p.classWeight, labels, nClasses, null, KIND);
    if (nClasses > 2 && p.scalePosWeight !== 1) {
      throw new ConfigError(`${KIND}: scalePosWeight is for binary problems; use classWeight for ${nClasses} classes`);
    }
    if (nClasses > 2 && p.baseScore !== null) {
      throw new ConfigError(`${KIND}: baseScore is for binary problems; ${nClasses} classes start from their training shares`);
    }
    if (nClasses === 2) perClass[1] *= p.scalePosWeight;
    let weights = rowWeights(labels, perClass, options.sampleWeight);
    assertSomeWeight(weights, KIND);
    let trainX = X;
    let trainY = labels;
    let valid = options.evalSet ? checkEvalSet(options.evalSet, X.cols, nClasses, KIND) : null;
    if (!valid && p.earlyStoppingRounds !== null && p.validationFraction === 0) {
      throw new ConfigError(
        `${KIND}: earlyStoppingRounds needs validation rows: pass fit an evalSet or set validationFraction > 0`,
      );
    }
    if (!valid && p.earlyStoppingRounds !== null) {
      const split = stratifiedHoldout(labels, nClasses, p.validationFraction, new Rng(p.randomState).fork('validation'));
      valid = {
        X: X.selectRows(split.valid),
        y: takeRows(labels, split.valid),
        weights: options.sampleWeight ? takeRows(Float64Array.from(options.sampleWeight), split.valid) : null,
      };
      trainX = X.selectRows(split.train);
      trainY = takeRows(labels, split.train);
      weights = takeRows(weights, split.train);
    }
    const result = await trainBoosting({
      X: trainX,
      y: trainY,
      weights,
      nClasses,
      valid,
      params: p,
      nThreads,
      callbacks: options.callbacks ?? [],
      signal: options.signal,
    });
    this.state = {
      nClasses,
      nFeatures: X.cols,
      base: result.base,
      table: result.table,
      nRounds: result.nRounds,
      bestIteration: result.bestIteration,
      evalsResult: result.evalsResult,
    };
    return this;
  }

  /** Raw scores (log-odds for binary; one score per class for multi-class): rows × outputs. */
  predictRaw(X: Matrix, options: StageOptions = {}): Matrix {
    const s = this.fitted();
    assertPredictInputs(X, s.nFeatures, { allowMissing: true, estimator: KIND });
    const K = outputsOf(s.nClasses);
    const rounds = this.roundsFor(options);
    const out = new Float64Array(X.rows * K);
    for (let i = 0; i < X.rows; i++) out.set(s.base, i * K);
    const threads = resolveThreads(KIND, this.params.nThreads ?? null);
    s.table.accumulate(X.data, X.cols, 0, X.rows, 0, rounds * K, out, K, K > 1 ? treeColumns(rounds * K, K) : null, threads);
    return new Matrix(X.rows, K, out);
  }

  /** Log-odds of the positive class (binary models). */
  decisionFunction(X: Matrix, options: StageOptions = {}): Float64Array {
    if (this.fitted().nClasses !== 2) {
      throw new InputError(`${KIND}: decisionFunction is for binary models; use predictRaw for one score per class`);
    }
    return this.predictRaw(X, options).data;
  }

  predictProba(X: Matrix, options: StageOptions = {}): Float64Array {
    if (this.fitted().nClasses !== 2) {
      throw new InputError(`${KIND}: predictProba is for binary models; use predictClassProba for ${this.nClasses} classes`);
    }
    const raw = this.predictRaw(X, options).data;
    return raw.map((z) => 1 / (1 + Math.exp(-z)));
  }

  predictClassProba(X: Matrix, options: StageOptions = {}): Matrix {
    return probabilitiesFromRaw(this.predictRaw(X, options), this.fitted().nClasses);
  }

  /** Class probabilities after each round (rows × classes per round), computed incrementally. */
  *stagedPredictClassProba(X: Matrix): Generator<Matrix> {
    const s = this.fitted();
    assertPredictInputs(X, s.nFeatures, { allowMissing: true, estimator: KIND });
    const K = outputsOf(s.nClasses);
    const raw = new Float64Array(X.rows * K);
    for (let i = 0; i < X.rows; i++) raw.set(s.base, i * K);
    const columns = K > 1 ? treeColumns(s.nRounds * K, K) : null;
    for (let r = 0; r < s.nRounds; r++) {
      s.table.accumulate(X.data, X.cols, 0, X.rows, r * K, (r + 1) * K, raw, K, columns);
      yield probabilitiesFromRaw(new Matrix(X.rows, K, raw.slice()), s.nClasses);
    }
  }

  predict(X: Matrix, threshold = 0.5): Int32Array {
    const P = this.predictClassProba(X);
    return argmaxOrThreshold(P, threshold);
  }

  /** Per-feature importance: 'gain' (total split gain, normalised to sum 1) or 'split' (number of splits). */
  featureImportances(type: 'gain' | 'split' = 'gain'): Float64Array {
    const s = this.fitted();
    return splitImportances(s.table, s.nFeatures, type);
  }

  treeEnsemble(): TreeEnsembleView {
    const s = this.fitted();
    const K = outputsOf(s.nClasses);
    return {
      table: s.table,
      nFeatures: s.nFeatures,
      nOutputs: K,
      treeOutput: K > 1 ? treeColumns(s.table.nTrees, K) : null,
      scale: 1,
      base: s.base.slice(),
      output: K === 1 ? 'log-odds' : 'raw-score',
    };
  }

  private roundsFor(options: StageOptions): number {
    const s = this.fitted();
    const r = options.iterations ?? s.nRounds;
    if (!Number.isInteger(r) || r < 0 || r > s.nRounds) {
      throw new InputError(`${KIND}: iterations must be an integer in [0, ${s.nRounds}], got ${r}`);
    }
    return r;
  }

  toJSON(): SerializedEstimator<GradientBoostingParams> {
    const s = this.fitted();
    return {
      kind: KIND,
      formatVersion: FORMAT_VERSION,
      params: { ...this.params },
      state: {
        nClasses: s.nClasses,
        nFeatures: s.nFeatures,
        base: encodeArray(s.base),
        table: s.table.toJSON(),
        nRounds: s.nRounds,
        bestIteration: s.bestIteration,
        evalsResult: s.evalsResult,
      },
    };
  }

  static fromJSON(json: SerializedEstimator): GradientBoostingClassifier {
    assertSerialized(json, KIND, FORMAT_VERSION);
    const st = json.state as Omit<BoostingState, 'base' | 'table'> & { base: EncodedArray; table: EncodedTreeTable };
    const model = new GradientBoostingClassifier(json.params as GradientBoostingParams);
    model.state = {
      nClasses: st.nClasses,
      nFeatures: st.nFeatures,
      base: decodeArray<Float64Array>(st.base),
      table: TreeTable.fromJSON(st.table),
      nRounds: st.nRounds,
      bestIteration: st.bestIteration,
      evalsResult: st.evalsResult,
    };
    return model;
  }
}

registerKind(KIND, (json) => GradientBoostingClassifier.fromJSON(json));

function treeColumns(nTrees: number, K: number): Int32Array {
  const out = new Int32Array(nTrees);
  for (let t = 0; t < nTrees; t++) out[t] = t % K;
  return out;
}
