/**
 * Exclusive feature bundling (LightGBM's EFB): sparse features that are never away from their
 * most frequent bin in the same row are stored as one column, so a histogram pass over the
 * bundle costs one pass instead of one per feature. Many one-hot columns of the same
 * categorical variable collapse into a single byte column this way.
 *
 * leadstack bundles only strictly exclusive features (no conflicts), so a tree grown on bundles
 * is the tree grown on the original features.
 */

/** Greatest number of bins in one bundle (one byte per row). */
const MAX_GROUP_BINS = 256;
/** Features away from their default bin in more than this share of rows are not bundled. */
const MAX_BUNDLE_DENSITY = 0.5;

export interface FeatureBinStats {
  /** Total bins of each feature, the missing bin included. */
  totalBins: Int32Array;
  /** Most frequent bin of each feature. */
  defaultBin: Int32Array;
  /** Rows away from the default bin, per feature. */
  nonDefault: Int32Array;
}

/** Lists of feature indices, one list per stored column; singletons are stored as they are. */
export function bundleFeatures(binned: Uint8Array[], stats: FeatureBinStats, rows: number): number[][] {
  const d = binned.length;
  const order = [...Array(d).keys()]
    .filter((j) => stats.nonDefault[j] <= rows * MAX_BUNDLE_DENSITY && stats.nonDefault[j] > 0)
    .sort((a, b) => stats.nonDefault[b] - stats.nonDefault[a] || a - b);
  const bundles: { features: number[]; bins: number; used: Uint32Array }[] = [];
  const words = (rows + 31) >>> 5;
  const rowsOf = new Int32Array(rows);
  for (const j of order) {
    const col = binned[j];
    const def = stats.defaultBin[j];
    let m = 0;
    for (let i = 0; i < rows; i++) if (col[i] !== def) rowsOf[m++] = i;
    const extraBins = stats.totalBins[j] - 1;
    let target = -1;
    for (let b = 0; b < bundles.length && target < 0; b++) {
      const bundle = bundles[b];
      if (bundle.bins + extraBins > MAX_GROUP_BINS) continue;
      let clash = false;
      for (let k = 0; k < m && !clash; k++) clash = (bundle.used[rowsOf[k] >>> 5] & (1 << (rowsOf[k] & 31))) !== 0;
      if (!clash) target = b;
    }
    if (target < 0) {
      bundles.push({ features: [], bins: 1, used: new Uint32Array(words) });
      target = bundles.length - 1;
    }
    const bundle = bundles[target];
    bundle.features.push(j);
    bundle.bins += extraBins;
    for (let k = 0; k < m; k++) bundle.used[rowsOf[k] >>> 5] |= 1 << (rowsOf[k] & 31);
  }
  const inBundle = new Uint8Array(d);
  const groups: number[][] = [];
  for (const bundle of bundles) {
    if (bundle.features.length < 2) continue;
    bundle.features.sort((a, b) => a - b);
    for (const j of bundle.features) inBundle[j] = 1;
    groups.push(bundle.features);
  }
  for (let j = 0; j < d; j++) if (!inBundle[j]) groups.push([j]);
  // Stored in order of the first feature, so the layout reads naturally.
  return groups.sort((a, b) => a[0] - b[0]);
}
