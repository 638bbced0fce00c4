import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { type Fold, StratifiedKFold } from './stratified-k-fold.js';

export interface RepeatedStratifiedKFoldParams {
  nSplits?: number;
  /** How many times the stratified k-fold is repeated with a different shuffle (default 3). */
  nRepeats?: number;
  /** Seed of the first repeat; repeat r uses seed + r (default 0). */
  randomState?: number;
}

/** Stratified k-fold repeated with different shuffles: nSplits × nRepeats folds, for steadier estimates on small data. */
export class RepeatedStratifiedKFold {
  readonly params: Required<RepeatedStratifiedKFoldParams>;

  constructor(params: RepeatedStratifiedKFoldParams = {}) {
    this.params = { nSplits: params.nSplits ?? 5, nRepeats: params.nRepeats ?? 3, randomState: params.randomState ?? 0 };
    if (!Number.isInteger(this.params.nRepeats) || this.params.nRepeats < 1) {
      throw new InputError(`RepeatedStratifiedKFold: nRepeats must be a whole number ≥ 1, got ${this.params.nRepeats}`);
    }
  }

  split(y: Labels): Fold[] {
    const folds: Fold[] = [];
    for (let r = 0; r < this.params.nRepeats; r++) {
      folds.push(...new StratifiedKFold({ nSplits: this.params.nSplits, randomState: this.params.randomState + r }).split(y));
    }
    return folds;
  }
}
