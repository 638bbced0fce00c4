import type { Classifier } from '../../src/core/estimator.js';

/**
 * One model family in the side-by-side benchmark. Each family lives in its own file
 * under bench/models/families/ and exports `family`.
 */
export interface BenchFamily {
  /** Short key used on the command line and in the table: lr, rf, gbdt, nn. */
  key: string;
  /** Human-readable name for the table. */
  label: string;
  /** Keys of the Python peers it is compared with (as understood by bench/models/peers.py). */
  peers: string[];
  /** Whether the family is fitted on the standardized matrix (lr and nn are, like their peers). */
  standardize: boolean;
  /** A fresh, unfitted model with the benchmark's settings. */
  make(seed: number): Classifier;
}
