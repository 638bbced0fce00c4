import { InputError } from '../core/errors.js';
import type { Resampled, Sampler } from '../core/estimator.js';
import type { Labels } from '../core/labels.js';
import type { Matrix } from '../core/matrix.js';
import type { Rng } from '../core/rng.js';
import { assertCategoricalStructure, type CategoricalStructure } from './categorical-structure.js';
import { makeMixedSpace } from './mixed-space.js';
import { kNearestNeighbors } from './nearest-neighbors.js';
import { assertSamplingStrategy, type SamplingStrategy } from './sampling-strategy.js';
import { assertNeighborCount } from './smote.js';
import { drawSynthetic, oversampleWithSynthetic } from './synthetic-oversampling.js';

export interface SmoteNcParams extends CategoricalStructure {
  /** Rows of each class after resampling (see SamplingStrategy). Default 'auto'. */
  samplingStrategy?: SamplingStrategy;
  /** Nearest rows of the same class used for each synthetic row. Default 5. */
  kNeighbors?: number;
  /** Divide continuous columns by the class's std in distances, so no column dominates by its unit. Default true. */
  standardize?: boolean;
}

const KIND = 'SmoteNc';

/**
 * SMOTE-NC (Chawla et al. 2002; imbalanced-learn's SMOTENC) for mixed continuous and categorical
 * columns, working on categorical values rather than one-hot fractions. Distance between two rows
 * of a class: Euclidean over the continuous columns (standardized by the class's std unless
 * `standardize: false`) plus, per categorical variable that differs, the squared median of the
 * continuous stds. A synthetic row interpolates the continuous columns between a random row and
 * one of its k neighbours (x + u · (n − x)); each categorical variable takes the most frequent value
 * among the k neighbours (ties broken by the rng), copied exactly from a row holding it — so a
 * one-hot group is never fractional and a binary column is exactly 0 or 1.
 */
export class SmoteNc implements Sampler {
  readonly kind = KIND;
  readonly params: Readonly<Required<SmoteNcParams>>;

  constructor(params: SmoteNcParams) {
    this.params = {
      oneHotGroups: (params?.oneHotGroups ?? []).map((g) => [...g]),
      binaryColumns: [...(params?.binaryColumns ?? [])],
      samplingStrategy: params?.samplingStrategy ?? 'auto',
      kNeighbors: params?.kNeighbors ?? 5,
      standardize: params?.standardize ?? true,
    };
    assertCategoricalStructure(this.params, KIND);
    assertSamplingStrategy(this.params.samplingStrategy, 'over', KIND);
    assertNeighborCount(this.params.kNeighbors, KIND);
  }

  /** Resamples the rows (advances `rng`); X and y are not modified. */
  fitResample(X: Matrix, y: Labels, rng: Rng): Resampled {
    const variables = [...this.params.oneHotGroups, ...this.params.binaryColumns.map((j) => [j])];
    for (const j of variables.flat()) {
      if (j >= X.cols) throw new InputError(`${KIND}: categorical column ${j} is out of range; X has ${X.cols} columns`);
    }
    const k = this.params.kNeighbors;
    return oversampleWithSynthetic(X, y, rng, {
      sampler: KIND,
      samplingStrategy: this.params.samplingStrategy,
      kNeighbors: k,
      synthesize: (data, classRows, n, random, out) => {
        const mixed = makeMixedSpace(data, classRows, variables, this.params.standardize, KIND);
        const nn = kNearestNeighbors(mixed.space, k);
        const modes = neighbourModes(mixed.space.codes!, variables.length, nn.indices, k, classRows.length);
        const { base, slot, step } = drawSynthetic(classRows.length, k, n, random);
        const d = data.cols;
        for (let s = 0; s < n; s++) {
          const a = classRows[base[s]] * d;
          const b = classRows[nn.indices[base[s] * k + slot[s]]] * d;
          const u = step[s];
          const o = s * d;
          for (const j of mixed.continuous) out[o + j] = data.data[a + j] + u * (data.data[b + j] - data.data[a + j]);
          for (let v = 0; v < variables.length; v++) {
            const tied = modes[base[s] * variables.length + v];
            const code = tied.length === 1 ? tied[0] : tied[random.int(tied.length)];
            const source = classRows[mixed.representatives[v][code]] * d;
            for (const j of variables[v]) out[o + j] = data.data[source + j];
          }
        }
      },
    });
  }
}

/** For each class row and categorical variable, the most frequent codes among the row's k neighbours (all of them on a tie). */
function neighbourModes(codes: Int32Array, nVariables: number, neighbours: Int32Array, k: number, rows: number): number[][] {
  const out: number[][] = new Array(rows * nVariables);
  const seen = new Int32Array(k);
  const tally = new Int32Array(k);
  for (let r = 0; r < rows; r++) {
    for (let v = 0; v < nVariables; v++) {
      let distinct = 0;
      for (let i = 0; i < k; i++) {
        const code = codes[neighbours[r * k + i] * nVariables + v];
        let at = 0;
        while (at < distinct && seen[at] !== code) at++;
        if (at === distinct) {
          seen[distinct] = code;
          tally[distinct++] = 0;
        }
        tally[at]++;
      }
      let best = 0;
      for (let i = 0; i < distinct; i++) if (tally[i] > best) best = tally[i];
      const tied: number[] = [];
      for (let i = 0; i < distinct; i++) if (tally[i] === best) tied.push(seen[i]);
      out[r * nVariables + v] = tied.sort((a, b) => a - b);
    }
  }
  return out;
}
