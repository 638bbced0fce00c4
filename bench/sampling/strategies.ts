import type { Matrix } from '../../src/core/matrix.js';
import type { Rng } from '../../src/core/rng.js';
import { classWeights } from '../../src/sampling/class-weights.js';
import { RandomOverSampler } from '../../src/sampling/random-over-sampler.js';
import { RandomUnderSampler } from '../../src/sampling/random-under-sampler.js';
import { Smote } from '../../src/sampling/smote.js';
import { SmoteNc } from '../../src/sampling/smote-nc.js';

/** What bench-samplers.ts exports next to the matrix (meta.json), read by both sides. */
export interface BenchMeta {
  rows: number;
  cols: number;
  seed: number;
  folds: number;
  kNeighbors: number;
  /** Folds of the SMOTENC run with every one-hot column as a categorical (it is slow). */
  columnsFolds: number;
  names: string[];
  oneHotGroups: number[][];
  binaryColumns: number[];
}

/** A training part ready for the model: resampled rows, or the rows with sample weights. */
export interface TrainingPart {
  X: Matrix;
  y: Int32Array;
  sampleWeight?: Float64Array;
}

/** One way of handling the imbalance, on both sides of the benchmark. */
export interface BenchStrategy {
  key: string;
  label: string;
  /** The imbalanced-learn sampler doing the same (peers.py strategy), or null. */
  peer: string | null;
  prepare(X: Matrix, y: Int32Array, rng: Rng, meta: BenchMeta): TrainingPart;
}

/** The seed of fold f's resampling (leadstack: an Rng from it; imbalanced-learn: random_state = seed + fold). */
export const foldSeed = (seed: number, fold: number): number => seed + fold;

export const STRATEGIES: BenchStrategy[] = [
  { key: 'none', label: 'none', peer: null, prepare: (X, y) => ({ X, y }) },
  {
    key: 'class-weights',
    label: 'class weights (balanced)',
    peer: null,
    prepare: (X, y) => ({ X, y, sampleWeight: classWeights(y, 'balanced').sampleWeight }),
  },
  {
    key: 'random-under',
    label: 'random under-sampling',
    peer: 'random-under',
    prepare: (X, y, rng) => new RandomUnderSampler().fitResample(X, y, rng),
  },
  {
    key: 'random-over',
    label: 'random over-sampling',
    peer: 'random-over',
    prepare: (X, y, rng) => new RandomOverSampler().fitResample(X, y, rng),
  },
  {
    key: 'smote',
    label: 'SMOTE',
    peer: 'smote',
    prepare: (X, y, rng, meta) => new Smote({ kNeighbors: meta.kNeighbors }).fitResample(X, y, rng),
  },
  {
    key: 'smote-nc',
    label: 'SMOTE-NC',
    peer: 'smote-nc',
    prepare: (X, y, rng, meta) =>
      new SmoteNc({
        oneHotGroups: meta.oneHotGroups,
        binaryColumns: meta.binaryColumns,
        kNeighbors: meta.kNeighbors,
      }).fitResample(X, y, rng),
  },
];
