import type { TreeEnsembleView } from '../models/tree/tree-ensemble-view.js';
import { SubsetWeights } from './subset-weights.js';
import { type TreePaths, treePaths, type Unit, unitStates } from './unit-paths.js';

/** Limits of the precomputation. */
export interface PathTableLimits {
  /** Most distinct features on a tabulated root-to-leaf path (a unit's table has 2^(features above it + its steps) rows). */
  maxPathFeatures: number;
  /** Most table entries (doubles) per model; trees that would exceed it are explained by recursion. */
  budget: number;
}

export const DEFAULT_PATH_TABLE_LIMITS: Readonly<PathTableLimits> = Object.freeze({
  maxPathFeatures: 12,
  budget: 1 << 22,
});

/** Most distinct path features the packed step words can name (4 bits of feature position). */
export const MAX_PATH_FEATURES = 15;

/** Steps per tree above which a tree is not tabulated (the parent index has 19 bits in a step word). */
const MAX_STEPS = 1 << 19;

/**
 * Path-dependent Tree SHAP with the Shapley weights precomputed once per model ("Fast TreeSHAP
 * v2", Yang 2021). A leaf L whose path has the distinct features F (d of them), each with cover
 * fraction z_k, adds to feature i, for a row that stays on the path for the features in A ⊆ F:
 *
 *   i ∈ A:  v_L (1 − z_i) Π_{k ∈ F∖A} z_k · E(A ∖ {i})
 *   i ∉ A: −v_L Π_{k ∈ F∖A} z_k · E(A)
 *
 * with E(B) = Σ_{S ⊆ B} |S|! (d − |S| − 1)! / d! Π_{k ∈ B∖S} z_k (see SubsetWeights). Leaves
 * are tabulated together in units (see unit-paths: a node with its leaf children, or a node, its
 * two children and four leaves): for every mask of path features left above the unit and every
 * combination of sides taken at its nodes, the summed contributions of its leaves to each of its
 * features, leaf values and the ensemble's scale folded in. Explaining a row walks each tabulated
 * tree's internal nodes once, carrying the mask, and adds one table row per unit:
 * O(nodes + units · depth) per tree instead of O(leaves · depth²).
 *
 * Steps (internal nodes, depth-first) are 16-byte records in one buffer, as in the model's node
 * table: threshold at `stepF64[2s]`, feature at `stepI32[4s + 2]` and a packed word at
 * `stepI32[4s + 3]` (see `stepWord`). Units are records of 8 ints: its three decision steps
 * (relative to the tree's first; a twig's second and third are the spare slot, whose side is
 * always 0), the first table entry, the first of its features, and the number of features above
 * it (where the sides' bits start in the table's row index).
 */
export class PathTables {
  /** Whether tree t is tabulated (else it is left to the recursive algorithm). */
  readonly tabulated: Uint8Array;
  /** Steps of tree t: [stepStart[t], stepStart[t + 1]); none for untabulated trees. */
  readonly stepStart: Int32Array;
  readonly stepF64: Float64Array;
  readonly stepI32: Int32Array;
  /**
   * Units in groups, two per tree: group 2t holds tree t's twigs, group 2t + 1 its quads, units
   * [unitStart[group], unitStart[group + 1]).
   */
  readonly unitStart: Int32Array;
  readonly units: Int32Array;
  /** Table row width of a group (its units' most features); narrower units are padded with zeros. */
  readonly groupWidth: Int32Array;
  readonly unitFeatures: Int32Array;
  readonly values: Float64Array;
  /** Values per (state, feature): the table's outputs per leaf. */
  readonly nOutputs: number;
  /** Most steps in one tabulated tree (the scratch needs one more slot: the root's parent, always 0). */
  readonly maxSteps: number;

  constructor(view: TreeEnsembleView, limits: PathTableLimits = DEFAULT_PATH_TABLE_LIMITS) {
    const data = view.table.data;
    const nTrees = view.table.nTrees;
    const K = data.nOutputs;
    this.nOutputs = K;
    const { chosen, entries, steps, units, features } = chooseTrees(view, limits);
    this.tabulated = Uint8Array.from(chosen, (paths) => (paths ? 1 : 0));
    this.maxSteps = chosen.reduce((m, paths) => Math.max(m, paths ? paths.node.length : 0), 0);
    this.stepStart = new Int32Array(nTrees + 1);
    const buffer = new ArrayBuffer(16 * steps);
    this.stepF64 = new Float64Array(buffer);
    this.stepI32 = new Int32Array(buffer);
    this.unitStart = new Int32Array(2 * nTrees + 1);
    this.units = new Int32Array(8 * units);
    this.groupWidth = new Int32Array(2 * nTrees);
    this.unitFeatures = new Int32Array(features);
    this.values = new Float64Array(entries);
    const filler = new UnitFiller(limits.maxPathFeatures, data.value, K, view.scale);
    let s = 0;
    let g = 0;
    let f = 0;
    let at = 0;
    for (let t = 0; t < nTrees; t++) {
      this.stepStart[t] = s;
      const paths = chosen[t];
      if (paths) this.writeSteps(paths, s, data.threshold, data.feature, data.defaultLeft);
      const groups = paths ? groupsOf(paths) : [];
      for (let kind = 0; kind < 2; kind++) {
        this.unitStart[2 * t + kind] = g;
        const group = groups[kind];
        if (!group) continue;
        const width = group.width;
        this.groupWidth[2 * t + kind] = width;
        for (const unit of group.units) {
          const states = unitStates(unit);
          const [s0, s1 = this.maxSteps, s2 = this.maxSteps] = unit.steps;
          this.units.set([s0, s1, s2, at, f, unit.above], 8 * g);
          // Narrower units are padded with zeros added to their first feature.
          this.unitFeatures.fill(unit.features[0], f, f + width);
          this.unitFeatures.set(unit.features, f);
          filler.fill(unit, width, this.values.subarray(at, at + states * width * K));
          at += states * width * K;
          f += width;
          g++;
        }
      }
      if (!paths) continue;
      s += paths.node.length;
    }
    this.stepStart[nTrees] = s;
    this.unitStart[2 * nTrees] = g;
  }

  /** Number of trees left to the recursive algorithm. */
  get untabulated(): number {
    return this.tabulated.length - this.tabulated.reduce((a, b) => a + b, 0);
  }

  private writeSteps(paths: TreePaths, s0: number, threshold: Float64Array, feature: Int32Array, defaultLeft: Uint8Array): void {
    const n = paths.node.length;
    const parent = new Int32Array(n).fill(-1);
    const isRight = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      if (paths.left[k] >= 0) parent[paths.left[k]] = k;
      if (paths.right[k] >= 0) {
        parent[paths.right[k]] = k;
        isRight[paths.right[k]] = 1;
      }
    }
    for (let k = 0; k < n; k++) {
      const node = paths.node[k];
      const p = parent[k];
      this.stepF64[2 * (s0 + k)] = threshold[node];
      this.stepI32[4 * (s0 + k) + 2] = feature[node];
      this.stepI32[4 * (s0 + k) + 3] = stepWord({
        parent: p < 0 ? this.maxSteps : p,
        parentBit: p < 0 ? 0 : 1 << paths.index[p],
        isRight: isRight[k],
        missingRight: defaultLeft[node] === 1 ? 0 : 1,
      });
    }
  }
}

/**
 * A step's packed word: bits 0–3 the position of the parent's feature among the path's distinct
 * features, bit 4 set when there is a parent (the root's parent bit is 0), bit 10 set for a right
 * child, bit 11 set when a missing value goes right, bits 12–30 the parent step (relative to the
 * tree's first; the root's is the spare slot).
 */
function stepWord(step: { parent: number; parentBit: number; isRight: number; missingRight: number }): number {
  const position = step.parentBit ? 31 - Math.clz32(step.parentBit) : 0;
  return position | ((step.parentBit ? 1 : 0) << 4) | (step.isRight << 10) | (step.missingRight << 11) | (step.parent << 12);
}

/** The trees to tabulate (in order, while the budget lasts) and the sizes of their tables. */
function chooseTrees(view: TreeEnsembleView, limits: PathTableLimits) {
  const data = view.table.data;
  const chosen: (TreePaths | undefined)[] = new Array(view.table.nTrees);
  const sizes = { entries: 0, steps: 0, units: 0, features: 0 };
  for (let t = 0; t < view.table.nTrees; t++) {
    const paths = treePaths(data, t);
    if (paths.maxFeatures > limits.maxPathFeatures || paths.node.length >= MAX_STEPS) continue;
    const groups = groupsOf(paths);
    const size = groups.reduce(
      (sum, g) => sum + g.units.reduce((n, unit) => n + unitStates(unit) * g.width * data.nOutputs, 0),
      0,
    );
    if (sizes.entries + size > limits.budget) continue;
    chosen[t] = paths;
    sizes.entries += size;
    sizes.steps += paths.node.length;
    sizes.units += paths.units.length;
    sizes.features += groups.reduce((n, g) => n + g.units.length * g.width, 0);
  }
  return { chosen, ...sizes };
}

/**
 * A tree's twigs and its quads, each group with one table row width: its units' most features.
 * A group's rows all have the same width, so that adding one takes the same steps all through it.
 */
function groupsOf(paths: TreePaths): { units: Unit[]; width: number }[] {
  return [1, 3].map((steps) => {
    const units = paths.units.filter((u) => u.steps.length === steps);
    return { units, width: units.reduce((w, unit) => Math.max(w, unit.features.length), 0) };
  });
}

/** Fills unit tables (scratch reused between units). */
class UnitFiller {
  private readonly weights: SubsetWeights;
  private readonly sums: Float64Array;

  constructor(
    maxFeatures: number,
    private readonly leafValues: Float64Array,
    private readonly nOutputs: number,
    private readonly scale: number,
  ) {
    this.weights = new SubsetWeights(maxFeatures);
    this.sums = new Float64Array(1 << maxFeatures);
  }

  /**
   * `out[(J · width + k) · nOutputs + c]`: contribution to the unit's feature k, output c, in
   * state J — bits below `above`: the path features the row left the path on above the unit;
   * bit above + j: the row went right at decision step j.
   */
  fill(unit: Unit, width: number, out: Float64Array): void {
    const K = this.nOutputs;
    const states = unitStates(unit);
    const aboveMask = 2 ** unit.above - 1;
    const E = this.sums;
    for (const leaf of unit.leaves) {
      const { positions, zero: z } = leaf;
      const d = positions.length;
      const full = (1 << d) - 1;
      this.weights.sums(z, d, E);
      for (let J = 0; J < states; J++) {
        // The unit's features the row leaves this leaf's path on, then as bits over the leaf's own features.
        let offUnit = J & aboveMask;
        for (const step of leaf.decisions) {
          const wentRight = Math.floor(J / 2 ** (unit.above + step.index)) & 1;
          if (wentRight !== step.right) offUnit |= 1 << step.position;
        }
        let off = 0;
        for (let k = 0; k < d; k++) if (offUnit & (1 << positions[k])) off |= 1 << k;
        const on = full & ~off;
        let zOff = this.scale;
        for (let k = 0; k < d; k++) if (off & (1 << k)) zOff *= z[k];
        const leaving = -zOff * E[on];
        for (let k = 0; k < d; k++) {
          const c = off & (1 << k) ? leaving : zOff * (1 - z[k]) * E[on & ~(1 << k)];
          const at = (J * width + positions[k]) * K;
          for (let o = 0; o < K; o++) out[at + o] += c * this.leafValues[leaf.node * K + o];
        }
      }
    }
  }
}
