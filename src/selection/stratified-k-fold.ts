import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { makeRng, type RandomState } from '../core/rng.js';

export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

export interface StratifiedKFoldParams {
  /** Number of folds (default 5). */
  nSplits?: number;
  /** Shuffle rows within each class before assigning folds (default true). */
  shuffle?: boolean;
  /** Seed for the shuffle (default 0). */
  randomState?: RandomState;
}

/**
 * Stratified k-fold: every fold holds each class in (nearly) the same proportion as
 * the whole data. Rows of each class are shuffled (seeded) and dealt to folds in turn,
 * so fold sizes differ by at most one row per class.
 */
export class StratifiedKFold {
  readonly params: Required<Omit<StratifiedKFoldParams, 'randomState'>> & { randomState: RandomState };

  constructor(params: StratifiedKFoldParams = {}) {
    this.params = { nSplits: params.nSplits ?? 5, shuffle: params.shuffle ?? true, randomState: params.randomState ?? 0 };
  }

  /** The fold number (0..nSplits-1) of each row. */
  assign(y: Labels): Int32Array {
    const k = this.params.nSplits;
    if (!Number.isInteger(k) || k < 2) throw new InputError(`StratifiedKFold: nSplits must be an integer ≥ 2, got ${k}`);
    const byClass = new Map<number, number[]>();
    for (let i = 0; i < y.length; i++) {
      const rows = byClass.get(y[i]) ?? [];
      rows.push(i);
      byClass.set(y[i], rows);
    }
    for (const [label, rows] of byClass) {
      if (rows.length < k) {
        throw new InputError(`StratifiedKFold: class ${label} has ${rows.length} rows, fewer than nSplits = ${k}`);
      }
    }
    const rng = makeRng(this.params.randomState);
    const fold = new Int32Array(y.length);
    let offset = 0;
    for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
      const rows = byClass.get(label)!;
      if (this.params.shuffle) rng.shuffle(rows);
      // Continue dealing where the previous class stopped so fold sizes stay balanced.
      for (let r = 0; r < rows.length; r++) fold[rows[r]] = (offset + r) % k;
      offset = (offset + rows.length) % k;
    }
    return fold;
  }

  /** Train/test row indices of each fold. */
  split(y: Labels): Fold[] {
    return foldsFromAssignment(this.assign(y), this.params.nSplits);
  }
}

/** Turns a fold number per row into train/test index arrays. */
export function foldsFromAssignment(assignment: ArrayLike<number>, nSplits: number): Fold[] {
  const folds: Fold[] = [];
  for (let f = 0; f < nSplits; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < assignment.length; i++) (assignment[i] === f ? test : train).push(i);
    folds.push({ train: Int32Array.from(train), test: Int32Array.from(test) });
  }
  return folds;
}
