/** Class labels as integer indices 0..K-1 (binary: 0 = negative, 1 = positive). */
export type Labels = ArrayLike<number>;

/** Per-row weights; missing means every row weighs 1. */
export type SampleWeight = ArrayLike<number>;

/** Takes the rows at `indices` of any array-like into a new typed array of the same kind. */
export function takeRows<T extends Float64Array | Int32Array | Uint8Array>(values: T, indices: ArrayLike<number>): T {
  const out = new (values.constructor as new (n: number) => T)(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}

/** Copies labels into an Int32Array. */
export function toInt32(labels: Labels): Int32Array {
  if (labels instanceof Int32Array) return labels;
  return Int32Array.from(labels as ArrayLike<number>);
}

/** Number of rows of each class, for classes 0..nClasses-1. */
export function classCounts(labels: Labels, nClasses?: number): number[] {
  let k = nClasses ?? 0;
  if (nClasses === undefined) for (let i = 0; i < labels.length; i++) k = Math.max(k, labels[i] + 1);
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}
