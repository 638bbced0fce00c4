import { Matrix } from '../../core/matrix.js';
import type { TreeTable } from '../tree/tree-table.js';
import { softmaxRow } from './boosting-loss.js';

/** Class probabilities from raw scores: sigmoid (binary, 1 column → 2) or softmax (multi-class). */
export function probabilitiesFromRaw(raw: Matrix, nClasses: number): Matrix {
  const out = new Float64Array(raw.rows * nClasses);
  if (raw.cols === 1) {
    for (let i = 0; i < raw.rows; i++) {
      const p = 1 / (1 + Math.exp(-raw.data[i]));
      out[2 * i] = 1 - p;
      out[2 * i + 1] = p;
    }
  } else {
    const row = new Float64Array(nClasses);
    for (let i = 0; i < raw.rows; i++) {
      softmaxRow(raw.data, i * nClasses, nClasses, row);
      out.set(row, i * nClasses);
    }
  }
  return new Matrix(raw.rows, nClasses, out);
}

/** Binary: class 1 when P(1) ≥ threshold; multi-class: the most probable class. */
export function argmaxOrThreshold(P: Matrix, threshold: number): Int32Array {
  const out = new Int32Array(P.rows);
  const K = P.cols;
  for (let i = 0; i < P.rows; i++) {
    if (K === 2) {
      out[i] = P.data[i * 2 + 1] >= threshold ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let k = 1; k < K; k++) if (P.data[i * K + k] > P.data[i * K + best]) best = k;
    out[i] = best;
  }
  return out;
}

/** Total split gain per feature normalised to sum 1 ('gain'), or number of splits per feature ('split'). */
export function splitImportances(table: TreeTable, nFeatures: number, type: 'gain' | 'split'): Float64Array {
  const out = new Float64Array(nFeatures);
  const { feature, gain } = table.data;
  for (let k = 0; k < feature.length; k++) {
    if (feature[k] < 0) continue;
    out[feature[k]] += type === 'gain' ? gain[k] : 1;
  }
  if (type === 'gain') {
    const total = out.reduce((a, b) => a + b, 0);
    if (total > 0) for (let j = 0; j < nFeatures; j++) out[j] /= total;
  }
  return out;
}
