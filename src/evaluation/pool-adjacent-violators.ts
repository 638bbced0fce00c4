/**
 * Weighted isotonic (non-decreasing) least-squares fit by the pool-adjacent-violators
 * algorithm: values are pushed onto a stack of blocks, and while the newest block's mean
 * does not exceed the one below, the two are pooled into their weighted mean. One pass,
 * O(n). Weights must be positive. Returns the fitted value of every input position.
 */
export function poolAdjacentViolators(values: ArrayLike<number>, weights: ArrayLike<number>): Float64Array {
  const n = values.length;
  const sumWy = new Float64Array(n);
  const sumW = new Float64Array(n);
  const end = new Int32Array(n);
  let top = -1;
  for (let i = 0; i < n; i++) {
    top++;
    sumWy[top] = weights[i] * values[i];
    sumW[top] = weights[i];
    end[top] = i;
    while (top > 0 && sumWy[top - 1] / sumW[top - 1] >= sumWy[top] / sumW[top]) {
      sumWy[top - 1] += sumWy[top];
      sumW[top - 1] += sumW[top];
      end[top - 1] = end[top];
      top--;
    }
  }
  const fitted = new Float64Array(n);
  let start = 0;
  for (let b = 0; b <= top; b++) {
    fitted.fill(sumWy[b] / sumW[b], start, end[b] + 1);
    start = end[b] + 1;
  }
  return fitted;
}
