import { Rng } from '../../core/rng.js';

/**
 * Fold number (0..k−1) of each row, stratified by label: each class is shuffled
 * (seeded) and dealt to the folds in turn. Rows labelled −1 (no label) get −1.
 * The data layer keeps this small helper rather than depend on `selection/`,
 * which sits downstream of it.
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Int32Array {
  const folds = new Int32Array(labels.length).fill(-1);
  const rng = new Rng(seed);
  let offset = 0;
  for (const label of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === label) rows.push(i);
    rng.shuffle(rows);
    for (let r = 0; r < rows.length; r++) folds[rows[r]] = (offset + r) % k;
    offset = (offset + rows.length) % k;
  }
  return folds;
}
