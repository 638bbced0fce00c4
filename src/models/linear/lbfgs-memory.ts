/**
 * The limited-memory inverse-Hessian approximation of L-BFGS (Nocedal & Wright,
 * Algorithm 7.4): the last `size` pairs s = x₊ − x, y = g₊ − g, applied to a vector
 * with the two-loop recursion. Shared by the L-BFGS and OWL-QN solvers.
 */
export class LbfgsMemory {
  private readonly s: Float64Array[];
  private readonly y: Float64Array[];
  private readonly rho: Float64Array;
  private readonly alpha: Float64Array;
  private count = 0;
  private head = 0;
  private gamma = 1;

  constructor(
    private readonly dimension: number,
    private readonly size: number,
  ) {
    this.s = Array.from({ length: size }, () => new Float64Array(dimension));
    this.y = Array.from({ length: size }, () => new Float64Array(dimension));
    this.rho = new Float64Array(size);
    this.alpha = new Float64Array(size);
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  reset(): void {
    this.count = 0;
    this.head = 0;
    this.gamma = 1;
  }

  /**
   * Stores a pair when it carries positive curvature (sᵀy > ε·yᵀy); returns whether it did.
   * Skipping other pairs keeps the approximation positive definite.
   */
  push(step: Float64Array, gradientChange: Float64Array): boolean {
    let sy = 0;
    let yy = 0;
    for (let p = 0; p < this.dimension; p++) {
      sy += step[p] * gradientChange[p];
      yy += gradientChange[p] * gradientChange[p];
    }
    if (!(sy > 2.220446049250313e-16 * yy) || yy === 0) return false;
    const slot = this.head;
    this.s[slot].set(step);
    this.y[slot].set(gradientChange);
    this.rho[slot] = 1 / sy;
    this.gamma = sy / yy;
    this.head = (slot + 1) % this.size;
    this.count = Math.min(this.count + 1, this.size);
    return true;
  }

  /** direction = −H·gradient. */
  direction(gradient: Float64Array, direction: Float64Array): void {
    const n = this.dimension;
    for (let p = 0; p < n; p++) direction[p] = -gradient[p];
    for (let m = 0; m < this.count; m++) {
      const slot = (this.head - 1 - m + this.size) % this.size;
      const s = this.s[slot];
      let a = 0;
      for (let p = 0; p < n; p++) a += s[p] * direction[p];
      a *= this.rho[slot];
      this.alpha[slot] = a;
      const y = this.y[slot];
      for (let p = 0; p < n; p++) direction[p] -= a * y[p];
    }
    for (let p = 0; p < n; p++) direction[p] *= this.gamma;
    for (let m = this.count - 1; m >= 0; m--) {
      const slot = (this.head - 1 - m + this.size) % this.size;
      const y = this.y[slot];
      let b = 0;
      for (let p = 0; p < n; p++) b += y[p] * direction[p];
      b *= this.rho[slot];
      const s = this.s[slot];
      const coef = this.alpha[slot] - b;
      for (let p = 0; p < n; p++) direction[p] += coef * s[p];
    }
  }
}
