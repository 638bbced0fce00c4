import { InputError } from '../core/errors.js';
import type { Fold } from './stratified-k-fold.js';
import { foldsFromAssignment } from './stratified-k-fold.js';

/**
 * K folds that never split a group (e.g. all leads of one company) across train and test,
 * so a model is judged on companies it has not seen. Groups are dealt largest first to the
 * fold with the fewest rows so far (ties to the lowest fold number): deterministic, and
 * fold sizes stay close. Missing group values count as one group each row ("unknown" rows
 * are independent).
 */
export function groupKFold(groups: ArrayLike<unknown>, nSplits = 5): Fold[] {
  if (!Number.isInteger(nSplits) || nSplits < 2)
    throw new InputError(`groupKFold: nSplits must be a whole number ≥ 2, got ${nSplits}`);
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const key = g === null || g === undefined || g === '' ? `\u0000row${i}` : String(g);
    const rows = rowsOf.get(key);
    if (rows) rows.push(i);
    else rowsOf.set(key, [i]);
  }
  if (rowsOf.size < nSplits) throw new InputError(`groupKFold: ${rowsOf.size} groups cannot fill ${nSplits} folds`);
  const ordered = [...rowsOf.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const sizes = new Array<number>(nSplits).fill(0);
  const assignment = new Int32Array(groups.length);
  for (const [, rows] of ordered) {
    let f = 0;
    for (let k = 1; k < nSplits; k++) if (sizes[k] < sizes[f]) f = k;
    for (const r of rows) assignment[r] = f;
    sizes[f] += rows.length;
  }
  return foldsFromAssignment(assignment, nSplits);
}
