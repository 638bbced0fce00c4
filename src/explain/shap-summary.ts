import type { Matrix } from '../core/matrix.js';

/**
 * Mean absolute contribution per feature over the explained rows (the usual SHAP summary),
 * and the mean signed contribution: how much each feature moves scores, and which way on
 * average.
 */
export function meanAbsoluteContributions(contributions: Matrix): { meanAbs: Float64Array; mean: Float64Array } {
  const { rows, cols, data } = contributions;
  const meanAbs = new Float64Array(cols);
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      meanAbs[j] += Math.abs(v);
      mean[j] += v;
    }
  }
  for (let j = 0; j < cols; j++) {
    meanAbs[j] /= Math.max(1, rows);
    mean[j] /= Math.max(1, rows);
  }
  return { meanAbs, mean };
}
