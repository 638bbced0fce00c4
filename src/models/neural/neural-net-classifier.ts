import { InputError, NotFittedError } from '../../core/errors.js';
import type { Classifier, FitOptions, HasDecisionFunction } from '../../core/estimator.js';
import { type Labels, toInt32 } from '../../core/labels.js';
import { Matrix } from '../../core/matrix.js';
import { Rng } from '../../core/rng.js';
import { assertSerialized, registerKind, type SerializedEstimator } from '../../core/serialization.js';
import { assertFitInputs } from '../../core/validate.js';
import { argmaxOrThreshold } from '../ensemble/prediction.js';
import { copyLayers, type DenseLayer } from './dense-layers.js';
import { probabilitiesFromLogits, sigmoid } from './logit-math.js';
import { predictLogits } from './mlp-forward.js';
import { assertFiniteValues, assertNeuralPredictInputs } from './neural-inputs.js';
import { type NeuralNetParams, resolveNeuralParams, usesEarlyStopping } from './neural-net-params.js';
import { decodeNeuralState, type EncodedNeuralState, encodeNeuralState, type NeuralState } from './neural-state.js';
import { trainNetwork } from './neural-trainer.js';
import { loadTf, type NeuralBackend, tfRuntime } from './tf-backend.js';
import { splitTrainingRows } from './training-rows.js';

const KIND = 'NeuralNetClassifier';
const FORMAT_VERSION = 1;

/**
 * A multi-layer perceptron (scikit-learn's MLPClassifier) on TensorFlow.js: dense hidden layers
 * with ReLU / tanh / logistic activations and optional dropout, a sigmoid output with binary
 * cross-entropy (binary) or a softmax with categorical cross-entropy (multi-class), trained by
 * minibatch Adam with an L2 penalty, class and sample weights, and early stopping that keeps the
 * best epoch's weights. Every random step (initial weights, shuffling, dropout, validation split)
 * draws from the seeded `Rng`, so a seed gives the same model on the same backend.
 */
export class NeuralNetClassifier implements Classifier<NeuralNetParams>, HasDecisionFunction {
  readonly kind = KIND;
  readonly params: Readonly<NeuralNetParams>;
  private state: NeuralState | null = null;

  constructor(params: NeuralNetParams = {}) {
    this.params = { ...params };
  }

  private fitted(): NeuralState {
    if (!this.state) throw new NotFittedError(KIND);
    return this.state;
  }

  get nClasses(): number {
    return this.fitted().nClasses;
  }

  get nFeatures(): number {
    return this.fitted().nFeatures;
  }

  /** The tfjs backend that trained the model ('tensorflow', 'wasm' or 'cpu'). */
  get backend(): NeuralBackend {
    return this.fitted().backend;
  }

  /** Epochs run. */
  get nEpochs(): number {
    return this.fitted().nEpochs;
  }

  /** 0-based epoch whose weights early stopping kept, or null when early stopping did not run. */
  get bestEpoch(): number | null {
    return this.fitted().bestEpoch;
  }

  /** Loss per epoch: `train` (mean over the epoch's minibatches) and `valid` (when there were validation rows). */
  get history(): { train: number[]; valid: number[] } {
    const h = this.fitted().history;
    return { train: [...h.train], valid: [...h.valid] };
  }

  /** Copies of the fitted dense layers, input side first (kernel: inputs × units, row-major). */
  layers(): DenseLayer[] {
    return copyLayers(this.fitted().layers);
  }

  async fit(X: Matrix, y: Labels, options: FitOptions = {}): Promise<this> {
    const nClasses = assertFitInputs(X, y, options.sampleWeight, { allowMissing: true, estimator: KIND });
    assertFiniteValues(X, KIND);
    const p = resolveNeuralParams(this.params);
    const { tf, backend } = await loadTf();
    const earlyStopping = usesEarlyStopping(this.params, p, options.evalSet !== undefined);
    const rng = new Rng(p.randomState);
    const splitRng = rng.fork('validation');
    const labels = toInt32(y);
    const { train, valid } = splitTrainingRows(X, labels, nClasses, options, p, earlyStopping, splitRng, KIND);
    const result = await trainNetwork({
      tf,
      train,
      valid,
      nClasses,
      params: p,
      earlyStopping,
      callbacks: options.callbacks ?? [],
      signal: options.signal,
      rng: rng.fork('train'),
    });
    this.state = { nClasses, nFeatures: X.cols, backend, ...result };
    return this;
  }

  /** The network's logits: rows × 1 (log-odds) for binary models, rows × nClasses otherwise. */
  predictRaw(X: Matrix): Matrix {
    const logits = this.logits(X);
    const s = this.fitted();
    return new Matrix(X.rows, s.layers[s.layers.length - 1].units, Float64Array.from(logits));
  }

  /** Log-odds of the positive class (binary models). */
  decisionFunction(X: Matrix): Float64Array {
    this.assertBinary('decisionFunction', 'predictRaw for one logit per class');
    return Float64Array.from(this.logits(X));
  }

  predictProba(X: Matrix): Float64Array {
    this.assertBinary('predictProba', `predictClassProba for ${this.nClasses} classes`);
    return Float64Array.from(this.logits(X), sigmoid);
  }

  predictClassProba(X: Matrix): Matrix {
    return probabilitiesFromLogits(this.logits(X), X.rows, this.fitted().nClasses);
  }

  predict(X: Matrix, threshold = 0.5): Int32Array {
    return argmaxOrThreshold(this.predictClassProba(X), threshold);
  }

  private logits(X: Matrix): Float32Array {
    const s = this.fitted();
    assertNeuralPredictInputs(X, s.nFeatures, KIND);
    const p = resolveNeuralParams(this.params);
    return predictLogits(tfRuntime(KIND).tf, s.layers, p.activation, X, p.predictBatchSize);
  }

  private assertBinary(method: string, instead: string): void {
    if (this.fitted().nClasses !== 2) throw new InputError(`${KIND}: ${method} is for binary models; use ${instead}`);
  }

  toJSON(): SerializedEstimator<NeuralNetParams, EncodedNeuralState> {
    return { kind: KIND, formatVersion: FORMAT_VERSION, params: { ...this.params }, state: encodeNeuralState(this.fitted()) };
  }

  static fromJSON(json: SerializedEstimator): NeuralNetClassifier {
    assertSerialized(json, KIND, FORMAT_VERSION);
    const model = new NeuralNetClassifier(json.params as NeuralNetParams);
    resolveNeuralParams(model.params);
    model.state = decodeNeuralState(json.state as EncodedNeuralState, KIND);
    return model;
  }
}

registerKind(KIND, (json) => NeuralNetClassifier.fromJSON(json));
