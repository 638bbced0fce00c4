import { InputError, NotFittedError } from '../../core/errors.js';
import type { Classifier, FitOptions } from '../../core/estimator.js';
import { type Labels, toInt32 } from '../../core/labels.js';
import { Matrix } from '../../core/matrix.js';
import {
  assertSerialized,
  decodeArray,
  type EncodedArray,
  encodeArray,
  registerKind,
  type SerializedEstimator,
} from '../../core/serialization.js';
import { assertFitInputs, assertPredictInputs } from '../../core/validate.js';
import { rocAuc } from '../../metrics/roc-auc.js';
import type { TreeEnsembleView } from '../tree/tree-ensemble-view.js';
import { type EncodedTreeTable, TreeTable } from '../tree/tree-table.js';
import { assertSomeWeight } from './class-weight.js';
import { checkEvalSet } from './eval-set.js';
import { trainForest } from './forest-trainer.js';
import { impurityImportances } from './impurity-importance.js';
import type { OutOfBag } from './out-of-bag.js';
import { resolveThreads } from './param-checks.js';
import { argmaxOrThreshold } from './prediction.js';
import { type RandomForestParams, resolveForestParams } from './random-forest-params.js';

const KIND = 'RandomForestClassifier';
const FORMAT_VERSION = 1;

/** Out-of-bag results (scikit-learn's oob_score_ and oob_decision_function_). */
export interface OobResult {
  /** Class probabilities per row from the trees that left the row out (rows × classes; NaN when none did). */
  decision: Float64Array;
  /** Accuracy of the out-of-bag predictions (rows with at least one out-of-bag tree). */
  accuracy: number;
  /** ROC-AUC of the out-of-bag P(class 1), binary forests only (else null). */
  rocAuc: number | null;
  /** Rows without any out-of-bag tree. */
  rowsWithout: number;
}

interface ForestState {
  nClasses: number;
  nFeatures: number;
  table: TreeTable;
  oob: OobResult | null;
}

/**
 * Random forest (scikit-learn's RandomForestClassifier): bootstrap samples, `maxFeatures`
 * features drawn at every split, fully grown Gini trees by default, leaves holding class
 * distributions, probability = mean of the trees' distributions. Split finding uses quantile
 * bins (up to 255 per feature, missing values in their own bin with a learned direction); trees
 * grow in parallel on worker threads.
 *
 * NaN in X is a missing value (at fit and predict time); ±Infinity is refused with an InputError
 * (encode it as NaN or a large finite value). Tree t always grows from the t-th seed drawn from
 * `randomState`, so the forest is bit-identical whatever the number of threads.
 */
export class RandomForestClassifier implements Classifier<RandomForestParams> {
  readonly kind = KIND;
  readonly params: Readonly<RandomForestParams>;
  private state: ForestState | null = null;

  constructor(params: RandomForestParams = {}) {
    this.params = { ...params };
  }

  private fitted(): ForestState {
    if (!this.state) throw new NotFittedError(KIND);
    return this.state;
  }

  get nClasses(): number {
    return this.fitted().nClasses;
  }

  get nFeatures(): number {
    return this.fitted().nFeatures;
  }

  get nTrees(): number {
    return this.fitted().table.nTrees;
  }

  /** Out-of-bag score and decision (fit with oobScore: true), else throws. */
  get oob(): OobResult {
    const oob = this.fitted().oob;
    if (!oob) throw new InputError(`${KIND}: out-of-bag results need oobScore: true (and bootstrap) when fitting`);
    return oob;
  }

  async fit(X: Matrix, y: Labels, options: FitOptions = {}): Promise<this> {
    const nClasses = assertFitInputs(X, y, options.sampleWeight, { allowMissing: true, estimator: KIND });
    const p = resolveForestParams(this.params);
    const nThreads = resolveThreads(KIND, p.nThreads);
    const labels = toInt32(y);
    const sampleWeight = options.sampleWeight ? Float64Array.from(options.sampleWeight) : null;
    if (sampleWeight) assertSomeWeight(sampleWeight, KIND);
    const result = await trainForest({
      X,
      y: labels,
      nClasses,
      sampleWeight,
      params: p,
      nThreads,
      callbacks: options.callbacks ?? [],
      valid: options.evalSet ? checkEvalSet(options.evalSet, X.cols, nClasses, KIND) : null,
      signal: options.signal,
    });
    this.state = {
      nClasses,
      nFeatures: X.cols,
      table: result.table,
      oob: p.oobScore && result.oob ? summarizeOob(result.oob, labels) : null,
    };
    return this;
  }

  predictClassProba(X: Matrix): Matrix {
    const s = this.fitted();
    assertPredictInputs(X, s.nFeatures, { allowMissing: true, estimator: KIND });
    const K = s.nClasses === 2 ? 1 : s.nClasses;
    const sum = new Float64Array(X.rows * K);
    const trees = s.table.nTrees;
    s.table.accumulate(X.data, X.cols, 0, X.rows, 0, trees, sum, K, null, resolveThreads(KIND, this.params.nThreads ?? null));
    if (K > 1)
      return new Matrix(
        X.rows,
        K,
        sum.map((v) => v / trees),
      );
    const out = new Float64Array(X.rows * 2);
    for (let i = 0; i < X.rows; i++) {
      const p = sum[i] / trees;
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    }
    return new Matrix(X.rows, 2, out);
  }

  predictProba(X: Matrix): Float64Array {
    if (this.fitted().nClasses !== 2) {
      throw new InputError(`${KIND}: predictProba is for binary models; use predictClassProba for ${this.nClasses} classes`);
    }
    const P = this.predictClassProba(X);
    const out = new Float64Array(P.rows);
    for (let i = 0; i < P.rows; i++) out[i] = P.data[2 * i + 1];
    return out;
  }

  predict(X: Matrix, threshold = 0.5): Int32Array {
    return argmaxOrThreshold(this.predictClassProba(X), threshold);
  }

  /** Mean decrease in (weighted) Gini impurity per feature, normalised per tree and overall (sums to 1). */
  featureImportances(): Float64Array {
    const s = this.fitted();
    return impurityImportances(s.table, s.nFeatures);
  }

  treeEnsemble(): TreeEnsembleView {
    const s = this.fitted();
    const K = s.nClasses === 2 ? 1 : s.nClasses;
    return {
      table: s.table,
      nFeatures: s.nFeatures,
      nOutputs: K,
      treeOutput: null,
      scale: 1 / s.table.nTrees,
      base: new Float64Array(K),
      output: 'probability',
    };
  }

  toJSON(): SerializedEstimator<RandomForestParams> {
    const s = this.fitted();
    return {
      kind: KIND,
      formatVersion: FORMAT_VERSION,
      params: { ...this.params },
      state: {
        nClasses: s.nClasses,
        nFeatures: s.nFeatures,
        table: s.table.toJSON(),
        oob: s.oob ? { ...s.oob, decision: encodeArray(s.oob.decision) } : null,
      },
    };
  }

  static fromJSON(json: SerializedEstimator): RandomForestClassifier {
    assertSerialized(json, KIND, FORMAT_VERSION);
    const st = json.state as {
      nClasses: number;
      nFeatures: number;
      table: EncodedTreeTable;
      oob: (Omit<OobResult, 'decision'> & { decision: EncodedArray }) | null;
    };
    const model = new RandomForestClassifier(json.params as RandomForestParams);
    model.state = {
      nClasses: st.nClasses,
      nFeatures: st.nFeatures,
      table: TreeTable.fromJSON(st.table),
      oob: st.oob ? { ...st.oob, decision: decodeArray<Float64Array>(st.oob.decision) } : null,
    };
    return model;
  }
}

registerKind(KIND, (json) => RandomForestClassifier.fromJSON(json));

function summarizeOob(oob: OutOfBag, y: Int32Array): OobResult {
  const decision = oob.classProbabilities();
  const C = oob.nClasses;
  let correct = 0;
  let rows = 0;
  const labels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (oob.count[i] === 0) continue;
    rows++;
    let best = 0;
    for (let k = 1; k < C; k++) if (decision[i * C + k] > decision[i * C + best]) best = k;
    if (best === y[i]) correct++;
    if (C === 2) {
      labels.push(y[i]);
      scores.push(decision[i * 2 + 1]);
    }
  }
  const hasBoth = C === 2 && labels.includes(0) && labels.includes(1);
  return {
    decision,
    accuracy: rows > 0 ? correct / rows : Number.NaN,
    rocAuc: hasBoth ? rocAuc(labels, scores) : null,
    rowsWithout: y.length - rows,
  };
}
