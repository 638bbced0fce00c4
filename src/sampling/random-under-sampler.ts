import type { Resampled, Sampler } from '../core/estimator.js';
import type { Labels } from '../core/labels.js';
import type { Matrix } from '../core/matrix.js';
import type { Rng } from '../core/rng.js';
import { assertSamplerInputs, rowsByClass } from './sampler-input.js';
import { assertSamplingStrategy, resolveSamplingStrategy, type SamplingStrategy } from './sampling-strategy.js';

export interface RandomUnderSamplerParams {
  /** Rows of each class to keep (see SamplingStrategy). Default 'auto': every class but the minority down to the minority's count. */
  samplingStrategy?: SamplingStrategy;
  /** Draw the kept rows with replacement (imbalanced-learn's `replacement`). Default false. */
  replacement?: boolean;
}

const KIND = 'RandomUnderSampler';

/**
 * Random under-sampling (imbalanced-learn's RandomUnderSampler): keeps a random subset of the
 * rows of each targeted class and every row of the other classes. Kept rows stay in input order;
 * `sourceIndex` says which input row each output row is. NaN in X is fine (rows are only copied).
 */
export class RandomUnderSampler implements Sampler {
  readonly kind = KIND;
  readonly params: Readonly<Required<RandomUnderSamplerParams>>;

  constructor(params: RandomUnderSamplerParams = {}) {
    this.params = { samplingStrategy: params.samplingStrategy ?? 'auto', replacement: params.replacement ?? false };
    assertSamplingStrategy(this.params.samplingStrategy, 'under', KIND);
  }

  /** Resamples the rows (advances `rng`); X and y are not modified. */
  fitResample(X: Matrix, y: Labels, rng: Rng): Resampled {
    const { labels, counts } = assertSamplerInputs(X, y, { sampler: KIND, requireFinite: false });
    const target = resolveSamplingStrategy(this.params.samplingStrategy, counts, 'under', KIND);
    const byClass = rowsByClass(labels, counts);
    // A class left at its count keeps every row (also with replacement).
    const kept = byClass.map((rows, k) =>
      target[k] === rows.length ? rows : drawRows(rows, target[k], this.params.replacement, rng),
    );
    const total = kept.reduce((a, rows) => a + rows.length, 0);
    const sourceIndex = new Int32Array(total);
    let at = 0;
    for (const rows of kept) {
      sourceIndex.set(rows, at);
      at += rows.length;
    }
    sourceIndex.sort();
    return { X: X.selectRows(sourceIndex), y: Int32Array.from(sourceIndex, (i) => labels[i]), sourceIndex };
  }
}

/** `n` of `rows`, drawn uniformly (a partial Fisher–Yates shuffle, or independent draws with replacement). */
function drawRows(rows: Int32Array, n: number, replacement: boolean, rng: Rng): Int32Array {
  if (replacement) return Int32Array.from({ length: n }, () => rows[rng.int(rows.length)]);
  const pool = rows.slice();
  for (let i = 0; i < n; i++) {
    const j = i + rng.int(pool.length - i);
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.subarray(0, n);
}
