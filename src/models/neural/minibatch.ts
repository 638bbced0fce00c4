import type { Rng } from '../../core/rng.js';

/** One training step's rows, laid out for upload. */
export interface Minibatch {
  rows: number;
  /** rows × features. */
  x: Float32Array;
  /** The same values transposed (features × rows), for the first layer's weight gradient. */
  xT: Float32Array;
  /** rows × outputs: the 0/1 label (binary) or the one-hot class (multi-class). */
  target: Float32Array;
  /** Row weight / rows: the weights of a weighted mean over the batch. */
  stepWeight: Float32Array;
  /** Inverted-dropout masks (0 or 1 / (1 − rate)), one rows × units array per hidden layer; null without dropout. */
  masks: Float32Array[] | null;
}

export interface TrainingRows {
  /** rows × features, float32. */
  x: Float32Array;
  rows: number;
  features: number;
  labels: Int32Array;
  /** Row weights with mean 1. */
  weights: Float64Array;
}

/** Cuts shuffled training rows into minibatches; every array is fresh, so tensors may keep them. */
export class MinibatchBuilder {
  constructor(
    private readonly data: TrainingRows,
    private readonly outputs: number,
    private readonly hiddenLayers: readonly number[],
    private readonly dropout: number,
  ) {}

  /** The batch of rows order[start .. start + size). */
  build(order: Int32Array, start: number, size: number, dropoutRng: Rng): Minibatch {
    const { x: all, features: d, labels, weights } = this.data;
    const m = Math.min(size, order.length - start);
    const x = new Float32Array(m * d);
    const xT = new Float32Array(m * d);
    const target = new Float32Array(m * this.outputs);
    const stepWeight = new Float32Array(m);
    for (let r = 0; r < m; r++) {
      const row = order[start + r];
      const src = row * d;
      x.set(all.subarray(src, src + d), r * d);
      for (let j = 0, t = r; j < d; j++, t += m) xT[t] = all[src + j];
      if (this.outputs === 1) target[r] = labels[row];
      else target[r * this.outputs + labels[row]] = 1;
      stepWeight[r] = weights[row] / m;
    }
    return { rows: m, x, xT, target, stepWeight, masks: this.masks(m, dropoutRng) };
  }

  private masks(m: number, rng: Rng): Float32Array[] | null {
    if (this.dropout === 0) return null;
    const keep = 1 / (1 - this.dropout);
    return this.hiddenLayers.map((units) => {
      const mask = new Float32Array(m * units);
      for (let i = 0; i < mask.length; i++) mask[i] = rng.next() < this.dropout ? 0 : keep;
      return mask;
    });
  }
}
