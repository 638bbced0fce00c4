/**
 * Adam (Kingma & Ba) on a flat float64 parameter vector, with scikit-learn's update
 * θ ← θ − lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ) · m / (√v + ε). The parameters stay in float64 between
 * steps; the network sees them rounded to float32.
 */
export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  constructor(
    size: number,
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /**
   * One update of `theta` from `grad` (same length as theta), plus an L2 term `decay · θᵢ` on the
   * parameters that `decayMask` marks with 1 (all of them when it is omitted).
   */
  step(theta: Float64Array, grad: ArrayLike<number>, decay = 0, decayMask?: Uint8Array): void {
    const { m, v, beta1, beta2, epsilon } = this;
    this.t++;
    const rate = (this.learningRate * Math.sqrt(1 - beta2 ** this.t)) / (1 - beta1 ** this.t);
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i] + (decayMask ? decayMask[i] : 1) * decay * theta[i];
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      theta[i] -= (rate * m[i]) / (Math.sqrt(v[i]) + epsilon);
    }
  }
}
