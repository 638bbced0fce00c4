import { choleskyFactor, choleskySolve } from './cholesky.js';

/**
 * Inverse of a symmetric positive semi-definite matrix (an information matrix), with
 * the directions it cannot resolve named instead of a crash: Cholesky when the matrix
 * is well conditioned, else a Jacobi eigendecomposition and the pseudo-inverse.
 */
export interface SymmetricInverse {
  /** m × m inverse (pseudo-inverse when singular), row-major. */
  inverse: Float64Array;
  /** Per index: whether its diagonal entry is determined (false when it lies partly in the null space). */
  identifiable: boolean[];
  /** Whether the matrix was found singular (or nearly so). */
  singular: boolean;
}

/** Eigenvalues below this share of the largest count as zero. */
const RELATIVE_EIGEN_TOLERANCE = 1e-10;

export function invertSymmetric(matrix: Float64Array, m: number): SymmetricInverse {
  const cholesky = choleskyInverse(matrix, m);
  if (cholesky) return { inverse: cholesky, identifiable: new Array<boolean>(m).fill(true), singular: false };
  return pseudoInverse(matrix, m);
}

/** Inverse through A = LLᵀ, or null when a pivot is not clearly positive. */
function choleskyInverse(a: Float64Array, m: number): Float64Array | null {
  const L = choleskyFactor(a, m, RELATIVE_EIGEN_TOLERANCE);
  if (!L) return null;
  const inverse = new Float64Array(m * m);
  const column = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    column.fill(0);
    column[c] = 1;
    choleskySolve(L, m, column);
    for (let i = 0; i < m; i++) inverse[i * m + c] = column[i];
  }
  return inverse;
}

function pseudoInverse(matrix: Float64Array, m: number): SymmetricInverse {
  const { values, vectors } = jacobiEigen(matrix, m);
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  const inverse = new Float64Array(m * m);
  const nullWeight = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const isNull = !(values[e] > RELATIVE_EIGEN_TOLERANCE * largest);
    for (let i = 0; i < m; i++) {
      const vi = vectors[i * m + e];
      if (isNull) {
        nullWeight[i] += vi * vi;
        continue;
      }
      const scaled = vi / values[e];
      for (let j = 0; j < m; j++) inverse[i * m + j] += scaled * vectors[j * m + e];
    }
  }
  const identifiable = Array.from(nullWeight, (w) => w < 1e-8);
  return { inverse, identifiable, singular: true };
}

/** Cyclic Jacobi rotations: A = V diag(values) Vᵀ with V's columns the eigenvectors. */
function jacobiEigen(matrix: Float64Array, m: number): { values: Float64Array; vectors: Float64Array } {
  const a = matrix.slice();
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < m; i++) {
      diag += a[i * m + i] * a[i * m + i];
      for (let j = i + 1; j < m; j++) off += a[i * m + j] * a[i * m + j];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) rotate(a, v, m, p, q);
  }
  return { values: Float64Array.from({ length: m }, (_, i) => a[i * m + i]), vectors: v };
}

function rotate(a: Float64Array, v: Float64Array, m: number, p: number, q: number): void {
  const apq = a[p * m + q];
  if (apq === 0) return;
  const theta = (a[q * m + q] - a[p * m + p]) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < m; k++) {
    const akp = a[k * m + p];
    const akq = a[k * m + q];
    a[k * m + p] = c * akp - s * akq;
    a[k * m + q] = s * akp + c * akq;
  }
  for (let k = 0; k < m; k++) {
    const apk = a[p * m + k];
    const aqk = a[q * m + k];
    a[p * m + k] = c * apk - s * aqk;
    a[q * m + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < m; k++) {
    const vkp = v[k * m + p];
    const vkq = v[k * m + q];
    v[k * m + p] = c * vkp - s * vkq;
    v[k * m + q] = s * vkp + c * vkq;
  }
}
