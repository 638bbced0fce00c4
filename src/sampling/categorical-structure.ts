import { ConfigError, InputError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import type { FeatureSpec } from '../features/feature-spec.js';

/**
 * Which columns of a matrix hold categorical values. SMOTE-NC treats each one-hot group as one
 * categorical variable whose value is the row's pattern over the group (all-zero included), and
 * each binary column as a variable of its own.
 */
export interface CategoricalStructure {
  /** Groups of column indices that together one-hot encode one categorical variable. */
  oneHotGroups: number[][];
  /** Single columns (0/1 indicators) treated as two-level categoricals. */
  binaryColumns: number[];
}

/**
 * Finds the categorical structure from feature names and groups (FeatureSpec.features):
 * - one-hot groups: columns named `<group>=<level>` that share their feature group `<group>`;
 * - binary columns: names ending in `__missing` and multi-value tokens `<column>.has=<token>`.
 * Given the matrix, it also finds what only the values show: columns named `<prefix>=<level>`
 * whose values are all 0/1 with at most one 1 per row across the prefix (e.g. day-of-week or
 * path-slot columns) form a one-hot group, and any other column holding only 0 and 1 is binary.
 */
export function categoricalGroupsFromNames(
  featureNames: readonly string[],
  featureGroups: readonly string[],
  matrix?: Matrix,
): CategoricalStructure {
  if (featureGroups.length !== featureNames.length) {
    throw new InputError(`categoricalGroupsFromNames: ${featureNames.length} feature names but ${featureGroups.length} groups`);
  }
  if (matrix && matrix.cols !== featureNames.length) {
    throw new InputError(
      `categoricalGroupsFromNames: ${featureNames.length} feature names but the matrix has ${matrix.cols} columns`,
    );
  }
  const groups = new Map<string, number[]>();
  const candidates = new Map<string, number[]>();
  const binary: number[] = [];
  const zeroOne = matrix ? zeroOneColumns(matrix) : null;
  featureNames.forEach((name, j) => {
    const group = featureGroups[j];
    const eq = name.indexOf('=');
    if (name.endsWith('__missing') || name.includes('.has=')) binary.push(j);
    else if (name.startsWith(`${group}=`)) push(groups, group, j);
    else if (eq > 0 && zeroOne) push(candidates, `${group}\u0000${name.slice(0, eq)}`, j);
    else if (zeroOne?.[j]) binary.push(j);
  });
  const oneHotGroups = [...groups.values()];
  for (const columns of candidates.values()) {
    if (columns.every((j) => zeroOne![j]) && atMostOneHot(matrix!, columns)) oneHotGroups.push(columns);
    else binary.push(...columns.filter((j) => zeroOne![j]));
  }
  oneHotGroups.sort((a, b) => a[0] - b[0]);
  return { oneHotGroups, binaryColumns: binary.sort((a, b) => a - b) };
}

/**
 * The categorical structure of a fitted FeatureSpec's output (its names and groups; Yes/No
 * columns and e-mail domain flags are binary by their encoding). Pass the matrix to find value-only
 * structure as in `categoricalGroupsFromNames`.
 */
export function categoricalGroupsFromSpec(spec: FeatureSpec, matrix?: Matrix): CategoricalStructure {
  const { names, groups } = spec.features;
  const found = categoricalGroupsFromNames(names, groups, matrix);
  const index = new Map(names.map((n, j) => [n, j]));
  const taken = new Set([...found.binaryColumns, ...found.oneHotGroups.flat()]);
  const extra: string[] = [];
  for (const c of spec.columns) {
    if (c.type === 'boolean') extra.push(c.column);
    if (c.type === 'emailDomain') extra.push(`${c.column}.freeMail`, `${c.column}.businessDomain`);
  }
  for (const name of extra) {
    const j = index.get(name);
    if (j !== undefined && !taken.has(j)) found.binaryColumns.push(j);
  }
  found.binaryColumns.sort((a, b) => a - b);
  return found;
}

/** Checks a structure's shape: whole non-negative column indices, non-empty groups, no column used twice. */
export function assertCategoricalStructure(structure: CategoricalStructure, who: string): void {
  const { oneHotGroups, binaryColumns } = structure;
  if (!Array.isArray(oneHotGroups) || !Array.isArray(binaryColumns)) {
    throw new ConfigError(
      `${who}: oneHotGroups must be an array of column-index arrays and binaryColumns an array of column indices`,
    );
  }
  const seen = new Set<number>();
  const check = (j: number, where: string): void => {
    if (!Number.isInteger(j) || j < 0) throw new ConfigError(`${who}: ${where} holds ${j}, which is not a column index`);
    if (seen.has(j)) throw new ConfigError(`${who}: column ${j} appears twice in oneHotGroups / binaryColumns`);
    seen.add(j);
  };
  oneHotGroups.forEach((group, g) => {
    if (!Array.isArray(group) || group.length === 0) throw new ConfigError(`${who}: oneHotGroups[${g}] is empty`);
    for (const j of group) check(j, `oneHotGroups[${g}]`);
  });
  for (const j of binaryColumns) check(j, 'binaryColumns');
}

function push(map: Map<string, number[]>, key: string, j: number): void {
  const list = map.get(key);
  if (list) list.push(j);
  else map.set(key, [j]);
}

function zeroOneColumns(matrix: Matrix): boolean[] {
  const out = new Array<boolean>(matrix.cols).fill(true);
  const { data, cols } = matrix;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v !== 0 && v !== 1) out[k % cols] = false;
  }
  return out;
}

function atMostOneHot(matrix: Matrix, columns: number[]): boolean {
  for (let i = 0; i < matrix.rows; i++) {
    let hot = 0;
    for (const j of columns) hot += matrix.data[i * matrix.cols + j];
    if (hot > 1) return false;
  }
  return true;
}
