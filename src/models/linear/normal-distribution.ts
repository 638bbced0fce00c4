/** The standard normal distribution: tail probabilities and quantiles to near machine precision. */

const SQRT_PI = Math.sqrt(Math.PI);

/** erfc(x) for x ≥ 0: a positive-term series below 2.5, a continued fraction above. */
function erfcPositive(x: number): number {
  if (x < 2.5) {
    // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), every term positive.
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / SQRT_PI) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), by Lentz's method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 300; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** P(Z > z) for a standard normal Z, accurate in the far tail. */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const t = Math.abs(z) / Math.SQRT2;
  const upper = 0.5 * erfcPositive(t);
  return z >= 0 ? upper : 1 - upper;
}

/** Φ(z) = P(Z ≤ z). */
export function normalCdf(z: number): number {
  return normalUpperTail(-z);
}

/** Two-sided p-value of a z statistic: P(|Z| ≥ |z|). */
export function twoSidedPValue(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}

/** Φ⁻¹(p): Abramowitz–Stegun 26.2.23 as a start, then Halley steps on the accurate tail. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  let x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  // x solves P(Z > x) = q; refine it.
  for (let k = 0; k < 4; k++) {
    const err = normalUpperTail(x) - q;
    const density = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    const u = -err / density;
    x -= u / (1 + 0.5 * x * u);
  }
  return p < 0.5 ? -x : x;
}
