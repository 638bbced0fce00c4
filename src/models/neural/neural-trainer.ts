import { AbortError } from '../../core/errors.js';
import type { IterationLogs, TrainingCallback } from '../../core/estimator.js';
import type { Matrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { Adam } from './adam.js';
import {
  type DenseLayer,
  initialParameters,
  layerSizes,
  layersFromFlat,
  outputUnits,
  parameterSegments,
} from './dense-layers.js';
import { ImprovementMonitor } from './improvement-monitor.js';
import { logLossFromLogits } from './logit-math.js';
import { MinibatchBuilder, type TrainingRows } from './minibatch.js';
import { batchGradients } from './mlp-backprop.js';
import { type DenseTensors, disposeLayers, predictLogits, uploadLayers } from './mlp-forward.js';
import type { ResolvedNeuralParams } from './neural-net-params.js';
import type { Tf } from './tf-backend.js';

/** Rows whose loss is watched after every epoch (an evalSet or a held-out split). */
export interface ValidationRows {
  X: Matrix;
  y: Int32Array;
  /** Sample weights of the validation rows, or null for all ones. */
  weights: ArrayLike<number> | null;
}

export interface TrainInput {
  tf: Tf;
  train: TrainingRows;
  valid: ValidationRows | null;
  nClasses: number;
  params: ResolvedNeuralParams;
  earlyStopping: boolean;
  callbacks: readonly TrainingCallback[];
  signal: AbortSignal | undefined;
  rng: Rng;
}

export interface TrainResult {
  layers: DenseLayer[];
  /** Per epoch: mean training loss over the epoch's minibatches, and the validation loss when there were validation rows. */
  history: { train: number[]; valid: number[] };
  /** 0-based epoch whose weights were kept by early stopping, or null. */
  bestEpoch: number | null;
  nEpochs: number;
}

const WHO = 'NeuralNetClassifier.fit';

/** Minibatch Adam over shuffled epochs, with early stopping, callbacks and cancellation between epochs. */
export async function trainNetwork(input: TrainInput): Promise<TrainResult> {
  const { tf, train, valid, params: p } = input;
  const outputs = outputUnits(input.nClasses);
  const sizes = layerSizes(train.features, p.hiddenLayers, outputs);
  const theta = initialParameters(sizes, p.activation, input.rng.fork('init'));
  const shuffleRng = input.rng.fork('shuffle');
  const dropoutRng = input.rng.fork('dropout');
  const adam = new Adam(theta.length, p.learningRate);
  const builder = new MinibatchBuilder(train, outputs, p.hiddenLayers, p.dropout);
  const penalized = kernelMask(sizes, theta.length);
  const monitor = new ImprovementMonitor(p.tol, p.patience);
  const history = { train: [] as number[], valid: [] as number[] };
  let current = layersFromFlat(sizes, theta);
  let best = current;
  let tensors: DenseTensors[] = uploadLayers(tf, current);
  let epoch = 0;
  try {
    while (epoch < p.epochs) {
      if (input.signal?.aborted) throw new AbortError(WHO);
      const order = shuffleRng.permutation(train.rows);
      let lossSum = 0;
      for (let start = 0; start < train.rows; start += p.batchSize) {
        const batch = builder.build(order, start, p.batchSize, dropoutRng);
        const { loss, gradient } = batchGradients(tf, tensors, batch, p.activation);
        lossSum += loss * batch.rows;
        adam.step(theta, gradient, p.l2 / batch.rows, penalized);
        disposeLayers(tensors);
        current = layersFromFlat(sizes, theta);
        tensors = uploadLayers(tf, current);
      }
      const logs: IterationLogs = { trainLoss: lossSum / train.rows };
      if (valid) logs.validLoss = validationLoss(tf, current, p, valid);
      history.train.push(logs.trainLoss!);
      if (logs.validLoss !== undefined) history.valid.push(logs.validLoss);
      let stop = monitor.update(epoch, input.earlyStopping ? logs.validLoss! : logs.trainLoss!);
      if (input.earlyStopping && monitor.isBest(epoch)) best = current;
      if (p.verbose) process.stderr.write(`NeuralNetClassifier epoch ${epoch + 1}/${p.epochs}: ${formatLogs(logs)}\n`);
      for (const cb of input.callbacks) if (cb.onIterationEnd(epoch, logs) === 'stop') stop = true;
      epoch++;
      await new Promise((resolve) => setImmediate(resolve));
      if (input.signal?.aborted) throw new AbortError(WHO);
      if (stop) break;
    }
  } finally {
    disposeLayers(tensors);
  }
  const early = input.earlyStopping && monitor.bestEpoch >= 0;
  return { layers: early ? best : current, history, bestEpoch: early ? monitor.bestEpoch : null, nEpochs: epoch };
}

function validationLoss(tf: Tf, layers: DenseLayer[], p: ResolvedNeuralParams, valid: ValidationRows): number {
  const logits = predictLogits(tf, layers, p.activation, valid.X, p.predictBatchSize);
  return logLossFromLogits(logits, layers[layers.length - 1].units, valid.y, valid.weights);
}

/** 1 for kernel entries (L2-penalised), 0 for biases. */
function kernelMask(sizes: readonly number[], length: number): Uint8Array {
  const mask = new Uint8Array(length);
  for (const s of parameterSegments(sizes)) if (s.isKernel) mask.fill(1, s.offset, s.offset + s.length);
  return mask;
}

function formatLogs(logs: IterationLogs): string {
  return Object.entries(logs)
    .map(([name, value]) => `${name} ${value?.toFixed(5)}`)
    .join(', ');
}
