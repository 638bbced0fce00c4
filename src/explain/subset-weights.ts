/**
 * The Shapley sums of one root-to-leaf path with `d` distinct features, for every subset B of
 * them: E(B) = Σ over S ⊆ B of w(|S|, d) · Π over k in B \ S of z_k, where w(s, d) =
 * s! (d − s − 1)! / d! is the Shapley weight of a coalition of size s and z_k the fraction of
 * training cover that follows the path at the nodes splitting on feature k. Subsets are bit
 * masks over the path's features; `out` receives 2^d values. All terms are positive, so the sums
 * are accurate to a few units in the last place.
 */
export class SubsetWeights {
  /** Coefficients of Π over k in B of (t + z_k), (maxFeatures + 1) per subset B. */
  private readonly coef: Float64Array;
  private readonly weights: Float64Array[] = [];

  constructor(readonly maxFeatures: number) {
    this.coef = new Float64Array((1 << maxFeatures) * (maxFeatures + 1));
    for (let d = 0; d <= maxFeatures; d++) this.weights.push(shapleyWeights(d));
  }

  /** E(B) for every subset B of the first `d` entries of `z`. */
  sums(z: ArrayLike<number>, d: number, out: Float64Array): void {
    const stride = d + 1;
    const coef = this.coef;
    const w = this.weights[d];
    coef[0] = 1;
    out[0] = w[0];
    for (let B = 1; B < 1 << d; B++) {
      const low = B & -B;
      const zk = z[31 - Math.clz32(low)];
      const prev = (B ^ low) * stride;
      const at = B * stride;
      const size = popcount(B);
      // Multiply the polynomial of B without its lowest feature k by (t + z_k).
      coef[at] = zk * coef[prev];
      for (let s = 1; s < size; s++) coef[at + s] = coef[prev + s - 1] + zk * coef[prev + s];
      coef[at + size] = coef[prev + size - 1];
      let total = 0;
      for (let s = 0; s <= size; s++) total += w[s] * coef[at + s];
      out[B] = total;
    }
  }
}

/** w(s, d) = s! (d − s − 1)! / d! for s < d (0 for s = d, a coalition that leaves no feature out). */
function shapleyWeights(d: number): Float64Array {
  const w = new Float64Array(d + 1);
  for (let s = 0; s < d; s++) w[s] = (factorial(s) * factorial(d - s - 1)) / factorial(d);
  return w;
}

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

export function popcount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
