import { NotFittedError, SerializationError } from '../core/errors.js';
import type { Transformer } from '../core/estimator.js';
import { Matrix } from '../core/matrix.js';
import { registerKind, type SerializedEstimator } from '../core/serialization.js';

const KIND = 'Standardizer';
const FORMAT_VERSION = 1;

export interface StandardizerState {
  mean: number[];
  scale: number[];
  names: string[];
}

/**
 * Standardization as its own step: (x − mean) / sd per column, learned on training rows
 * (a constant column keeps scale 1). Linear models and neural nets want it; trees do not.
 */
export class Standardizer implements Transformer {
  readonly kind = KIND;
  private state: StandardizerState | null = null;

  fit(X: Matrix): this {
    const mean = new Array<number>(X.cols).fill(0);
    const scale = new Array<number>(X.cols).fill(1);
    for (let j = 0; j < X.cols; j++) {
      const stats = columnMeanSd(X, j);
      mean[j] = stats.mean;
      scale[j] = stats.sd > 1e-12 ? stats.sd : 1;
    }
    this.state = { mean, scale, names: X.columnNames() };
    return this;
  }

  get mean(): readonly number[] {
    return this.fitted().mean;
  }

  get scale(): readonly number[] {
    return this.fitted().scale;
  }

  transform(X: Matrix): Matrix {
    const { mean, scale } = this.fitted();
    if (X.cols !== mean.length) throw new SerializationError(`Standardizer was fitted on ${mean.length} columns, got ${X.cols}`);
    const out = new Matrix(X.rows, X.cols, new Float64Array(X.data.length), X.columnNames());
    standardizeInPlace(X.data, out.data, X.cols, mean, scale);
    return out;
  }

  featureNamesOut(): string[] {
    return [...this.fitted().names];
  }

  toJSON(): SerializedEstimator<Record<string, never>, StandardizerState> {
    return { kind: KIND, formatVersion: FORMAT_VERSION, params: {}, state: structuredClone(this.fitted()) };
  }

  static fromJSON(json: SerializedEstimator): Standardizer {
    if (json.kind !== KIND || json.formatVersion !== FORMAT_VERSION)
      throw new SerializationError(`expected a serialized ${KIND} v${FORMAT_VERSION}`);
    const s = new Standardizer();
    s.state = structuredClone(json.state as StandardizerState);
    return s;
  }

  private fitted(): StandardizerState {
    if (!this.state) throw new NotFittedError(KIND);
    return this.state;
  }
}

registerKind(KIND, (json) => Standardizer.fromJSON(json));

/** (x − mean) / scale over a row-major buffer of `cols` columns; `from` and `to` may be the same array. */
export function standardizeInPlace(
  from: Float64Array,
  to: Float64Array,
  cols: number,
  mean: readonly number[],
  scale: readonly number[],
): void {
  for (let k = 0; k < from.length; k++) {
    const j = k % cols;
    to[k] = (from[k] - mean[j]) / scale[j];
  }
}

function columnMeanSd(X: Matrix, j: number): { mean: number; sd: number } {
  let sum = 0;
  for (let i = 0; i < X.rows; i++) sum += X.data[i * X.cols + j];
  const mean = X.rows ? sum / X.rows : 0;
  let ss = 0;
  for (let i = 0; i < X.rows; i++) {
    const d = X.data[i * X.cols + j] - mean;
    ss += d * d;
  }
  return { mean, sd: X.rows ? Math.sqrt(ss / X.rows) : 0 };
}
