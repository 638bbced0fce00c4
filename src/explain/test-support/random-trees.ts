import { Rng } from '../../core/rng.js';
import type { TreeEnsembleView } from '../../models/tree/tree-ensemble-view.js';
import { TreeTable } from '../../models/tree/tree-table.js';

export interface RandomEnsembleOptions {
  trees: number;
  /** Features the splits draw from: few features make repeated features on a path likely. */
  features: number;
  maxDepth: number;
  /** Values per leaf (a multi-class forest's class probabilities); default 1. */
  leafOutputs?: number;
  /** Output columns fed tree by tree (multi-class boosting) when leaves have one value; default 1. */
  columns?: number;
  /** Chance that a node deeper than 1 is a leaf (default 0.2): unbalanced trees. */
  leafChance?: number;
  scale?: number;
  seed: number;
}

/**
 * A random tree ensemble as a model would expose it: depth-first node table with thresholds on
 * a small grid (so rows often sit exactly on a threshold), random default directions and
 * positive covers that add up (a child's cover is a random share of its parent's).
 */
export function randomEnsemble(options: RandomEnsembleOptions): TreeEnsembleView {
  const rng = new Rng(options.seed);
  const K = options.leafOutputs ?? 1;
  const columns = K > 1 ? K : (options.columns ?? 1);
  const nodes = {
    feature: [] as number[],
    threshold: [] as number[],
    defaultLeft: [] as number[],
    left: [] as number[],
    right: [] as number[],
    value: [] as number[],
    cover: [] as number[],
  };
  const treeStart = [0];
  const grow = (depth: number, cover: number): number => {
    const k = nodes.feature.length;
    const leaf = depth === options.maxDepth || (depth > 1 && rng.bernoulli(options.leafChance ?? 0.2));
    nodes.feature.push(leaf ? -1 : rng.int(options.features));
    nodes.threshold.push(leaf ? 0 : rng.int(9) / 4 - 1);
    nodes.defaultLeft.push(rng.bernoulli(0.5) ? 1 : 0);
    nodes.left.push(-1);
    nodes.right.push(-1);
    nodes.cover.push(cover);
    for (let o = 0; o < K; o++) nodes.value.push(leaf ? rng.uniform(-1, 1) : 0);
    if (!leaf) {
      const share = rng.uniform(0.05, 0.95);
      nodes.left[k] = grow(depth + 1, cover * share);
      nodes.right[k] = grow(depth + 1, cover * (1 - share));
    }
    return k;
  };
  for (let t = 0; t < options.trees; t++) {
    grow(0, rng.uniform(10, 100));
    treeStart.push(nodes.feature.length);
  }
  const n = nodes.feature.length;
  const table = new TreeTable({
    nOutputs: K,
    treeStart: Int32Array.from(treeStart),
    feature: Int32Array.from(nodes.feature),
    threshold: Float64Array.from(nodes.threshold),
    defaultLeft: Uint8Array.from(nodes.defaultLeft),
    left: Int32Array.from(nodes.left),
    right: Int32Array.from(nodes.right),
    value: Float64Array.from(nodes.value),
    cover: Float64Array.from(nodes.cover),
    gain: new Float64Array(n),
  });
  return {
    table,
    nFeatures: options.features,
    nOutputs: columns,
    treeOutput: K === 1 && columns > 1 ? Int32Array.from({ length: options.trees }, (_, t) => t % columns) : null,
    scale: options.scale ?? 1,
    base: Float64Array.from({ length: columns }, () => rng.uniform(-1, 1)),
    output: K > 1 ? 'probability' : columns > 1 ? 'raw-score' : 'log-odds',
  };
}

/** Rows on the thresholds' grid (ties with a threshold included), about one value in six missing. */
export function randomRows(rows: number, features: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: rows * features }, () => (rng.bernoulli(1 / 6) ? Number.NaN : rng.int(11) / 4 - 1.25));
}
