/** Cholesky factorisation A = LLᵀ of a symmetric positive definite matrix and solves with it. */

/**
 * The lower factor L (row-major m × m), or null when a pivot is not clearly positive:
 * below `relativePivot` times the matching diagonal entry of A.
 */
export function choleskyFactor(a: Float64Array, m: number, relativePivot = 1e-10): Float64Array | null {
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let diag = a[j * m + j];
    for (let k = 0; k < j; k++) diag -= L[j * m + k] * L[j * m + k];
    if (!(diag > relativePivot * Math.abs(a[j * m + j])) || !Number.isFinite(diag)) return null;
    const root = Math.sqrt(diag);
    L[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let v = a[i * m + j];
      for (let k = 0; k < j; k++) v -= L[i * m + k] * L[j * m + k];
      L[i * m + j] = v / root;
    }
  }
  return L;
}

/** Solves L Lᵀ x = b in place (b becomes x). */
export function choleskySolve(L: Float64Array, m: number, b: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let v = b[i];
    for (let k = 0; k < i; k++) v -= L[i * m + k] * b[k];
    b[i] = v / L[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let v = b[i];
    for (let k = i + 1; k < m; k++) v -= L[k * m + i] * b[k];
    b[i] = v / L[i * m + i];
  }
}
