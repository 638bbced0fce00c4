import { InputError } from './errors.js';

/**
 * A dense row-major matrix of doubles with optional column (feature) names.
 * `NaN` marks a missing value for the estimators that accept missing values.
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
  readonly columns: readonly string[] | undefined;

  constructor(rows: number, cols: number, data?: Float64Array, columns?: readonly string[]) {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
      throw new InputError(`matrix shape must be non-negative integers, got ${rows} × ${cols}`);
    }
    const buffer = data ?? new Float64Array(rows * cols);
    if (buffer.length !== rows * cols) {
      throw new InputError(`matrix data has ${buffer.length} values, expected ${rows} × ${cols} = ${rows * cols}`);
    }
    if (columns && columns.length !== cols) {
      throw new InputError(`matrix has ${cols} columns but ${columns.length} column names`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = buffer;
    this.columns = columns;
  }

  /** Builds a matrix from an array of equal-length rows. */
  static fromRows(rows: ArrayLike<ArrayLike<number>>, columns?: readonly string[]): Matrix {
    const n = rows.length;
    const d = n > 0 ? rows[0].length : (columns?.length ?? 0);
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      if (row.length !== d) throw new InputError(`row ${i} has ${row.length} values, expected ${d}`);
      for (let j = 0; j < d; j++) data[i * d + j] = row[j];
    }
    return new Matrix(n, d, data, columns);
  }

  /** Builds a matrix from columns of equal length. */
  static fromColumns(columnValues: ArrayLike<ArrayLike<number>>, columns?: readonly string[]): Matrix {
    const d = columnValues.length;
    const n = d > 0 ? columnValues[0].length : 0;
    const data = new Float64Array(n * d);
    for (let j = 0; j < d; j++) {
      const col = columnValues[j];
      if (col.length !== n) throw new InputError(`column ${j} has ${col.length} values, expected ${n}`);
      for (let i = 0; i < n; i++) data[i * d + j] = col[i];
    }
    return new Matrix(n, d, data, columns);
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  /** A view (no copy) of row i. */
  row(i: number): Float64Array {
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  /** A copy of column j. */
  column(j: number): Float64Array {
    const out = new Float64Array(this.rows);
    for (let i = 0, k = j; i < this.rows; i++, k += this.cols) out[i] = this.data[k];
    return out;
  }

  /** A new matrix holding the given rows, in the given order. */
  selectRows(indices: ArrayLike<number>): Matrix {
    const d = this.cols;
    const out = new Float64Array(indices.length * d);
    for (let r = 0; r < indices.length; r++) {
      const src = indices[r] * d;
      out.set(this.data.subarray(src, src + d), r * d);
    }
    return new Matrix(indices.length, d, out, this.columns);
  }

  /** A new matrix holding the given columns, in the given order. */
  selectColumns(indices: ArrayLike<number>): Matrix {
    const n = this.rows;
    const d = this.cols;
    const k = indices.length;
    const out = new Float64Array(n * k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) out[i * k + c] = this.data[i * d + indices[c]];
    }
    const names = this.columns ? Array.from(indices, (c) => this.columns![c]) : undefined;
    return new Matrix(n, k, out, names);
  }

  /** The same data with other column names. */
  withColumns(columns: readonly string[]): Matrix {
    return new Matrix(this.rows, this.cols, this.data, columns);
  }

  /** An array of plain number arrays (handy in notebooks and tests). */
  toArrays(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.row(i)));
    return out;
  }

  /** Column names, or x0..x{d-1} when the matrix has none. */
  columnNames(): string[] {
    return this.columns ? [...this.columns] : Array.from({ length: this.cols }, (_, j) => `x${j}`);
  }
}

/** Stacks matrices with the same columns on top of each other. */
export function concatRows(parts: readonly Matrix[]): Matrix {
  if (parts.length === 0) throw new InputError('concatRows needs at least one matrix');
  const d = parts[0].cols;
  let n = 0;
  for (const m of parts) {
    if (m.cols !== d) throw new InputError(`cannot stack a ${m.cols}-column matrix under a ${d}-column one`);
    n += m.rows;
  }
  const out = new Float64Array(n * d);
  let offset = 0;
  for (const m of parts) {
    out.set(m.data, offset);
    offset += m.data.length;
  }
  return new Matrix(n, d, out, parts[0].columns);
}
