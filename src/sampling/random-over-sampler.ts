import type { Resampled, Sampler } from '../core/estimator.js';
import type { Labels } from '../core/labels.js';
import type { Matrix } from '../core/matrix.js';
import type { Rng } from '../core/rng.js';
import { assertSamplerInputs, rowsByClass } from './sampler-input.js';
import { assertSamplingStrategy, resolveSamplingStrategy, type SamplingStrategy } from './sampling-strategy.js';

export interface RandomOverSamplerParams {
  /** Rows of each class after resampling (see SamplingStrategy). Default 'auto': every class but the majority up to the majority's count. */
  samplingStrategy?: SamplingStrategy;
}

const KIND = 'RandomOverSampler';

/**
 * Random over-sampling (imbalanced-learn's RandomOverSampler): every input row, followed by
 * copies of rows of each targeted class drawn uniformly with replacement (class by class, in
 * class order). A copy's `sourceIndex` is the row it copies. NaN in X is fine.
 */
export class RandomOverSampler implements Sampler {
  readonly kind = KIND;
  readonly params: Readonly<Required<RandomOverSamplerParams>>;

  constructor(params: RandomOverSamplerParams = {}) {
    this.params = { samplingStrategy: params.samplingStrategy ?? 'auto' };
    assertSamplingStrategy(this.params.samplingStrategy, 'over', KIND);
  }

  /** Resamples the rows (advances `rng`); X and y are not modified. */
  fitResample(X: Matrix, y: Labels, rng: Rng): Resampled {
    const { labels, counts } = assertSamplerInputs(X, y, { sampler: KIND, requireFinite: false });
    const target = resolveSamplingStrategy(this.params.samplingStrategy, counts, 'over', KIND);
    const byClass = rowsByClass(labels, counts);
    const added = target.reduce((a, t, k) => a + t - counts[k], 0);
    const sourceIndex = new Int32Array(X.rows + added);
    for (let i = 0; i < X.rows; i++) sourceIndex[i] = i;
    let at = X.rows;
    byClass.forEach((rows, k) => {
      for (let r = counts[k]; r < target[k]; r++) sourceIndex[at++] = rows[rng.int(rows.length)];
    });
    return { X: X.selectRows(sourceIndex), y: Int32Array.from(sourceIndex, (i) => labels[i]), sourceIndex };
  }
}
