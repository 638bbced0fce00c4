import { ConfigError } from '../core/errors.js';
import type { Resampled, Sampler } from '../core/estimator.js';
import type { Labels } from '../core/labels.js';
import type { Matrix } from '../core/matrix.js';
import type { Rng } from '../core/rng.js';
import { kNearestNeighbors } from './nearest-neighbors.js';
import { assertSamplingStrategy, type SamplingStrategy } from './sampling-strategy.js';
import { drawSynthetic, gatherRows, oversampleWithSynthetic } from './synthetic-oversampling.js';

export interface SmoteParams {
  /** Rows of each class after resampling (see SamplingStrategy). Default 'auto': every class but the majority up to the majority's count. */
  samplingStrategy?: SamplingStrategy;
  /** Nearest rows of the same class to interpolate towards (imbalanced-learn's `k_neighbors`). Default 5. */
  kNeighbors?: number;
}

const KIND = 'Smote';

/**
 * SMOTE (Chawla et al. 2002; imbalanced-learn's SMOTE): for each targeted class, find every row's
 * k nearest rows of the same class (Euclidean), then make each synthetic row from a random row x
 * and one of its k neighbours n as x + u · (n − x), u ~ U(0, 1). Output: every input row, then the
 * synthetic rows (`sourceIndex` −1). X must be finite (impute first); for one-hot and indicator
 * columns use SmoteNc, which never writes fractional categories.
 */
export class Smote implements Sampler {
  readonly kind = KIND;
  readonly params: Readonly<Required<SmoteParams>>;

  constructor(params: SmoteParams = {}) {
    this.params = { samplingStrategy: params.samplingStrategy ?? 'auto', kNeighbors: params.kNeighbors ?? 5 };
    assertSamplingStrategy(this.params.samplingStrategy, 'over', KIND);
    assertNeighborCount(this.params.kNeighbors, KIND);
  }

  /** Resamples the rows (advances `rng`); X and y are not modified. */
  fitResample(X: Matrix, y: Labels, rng: Rng): Resampled {
    const k = this.params.kNeighbors;
    return oversampleWithSynthetic(X, y, rng, {
      sampler: KIND,
      samplingStrategy: this.params.samplingStrategy,
      kNeighbors: k,
      synthesize: (data, classRows, n, random, out) => {
        const d = data.cols;
        const points = gatherRows(data, classRows);
        const nn = kNearestNeighbors({ points, rows: classRows.length, cols: d }, k);
        const { base, slot, step } = drawSynthetic(classRows.length, k, n, random);
        for (let s = 0; s < n; s++) {
          const a = base[s] * d;
          const b = nn.indices[base[s] * k + slot[s]] * d;
          const u = step[s];
          for (let j = 0, o = s * d; j < d; j++) out[o + j] = points[a + j] + u * (points[b + j] - points[a + j]);
        }
      },
    });
  }
}

/** kNeighbors must be a whole number ≥ 1. */
export function assertNeighborCount(k: number, who: string): void {
  if (!Number.isInteger(k) || k < 1) throw new ConfigError(`${who}: kNeighbors must be a whole number ≥ 1, got ${k}`);
}
