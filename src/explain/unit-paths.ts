import type { TreeTableData } from '../models/tree/tree-table.js';

/** A leaf of a unit, with what its Shapley contributions depend on. */
export interface UnitLeaf {
  node: number;
  /** Positions (in the unit's feature list, ascending) of the distinct features on the leaf's root path. */
  positions: Int32Array;
  /** z per position: the product of the cover fractions that follow the path at the nodes splitting on it. */
  zero: Float64Array;
  /** The unit's decision steps on the leaf's path: decision index, position of its feature, 1 if the leaf is right of it. */
  decisions: { index: number; position: number; right: number }[];
}

/**
 * A unit: a few internal nodes whose leaves are explained together by one table row. A twig is
 * an internal node and its leaf children (one decision step); a quad is an internal node whose
 * two children both have two leaves (three decision steps, four leaves). The contributions of a
 * unit's leaves depend on which path features above the unit the row leaves the path on (a mask
 * over the first `above` positions) and on the side it takes at each decision step.
 */
export interface Unit {
  /** Feature of each position: the distinct features above the unit, then the unit's own new ones. */
  features: Int32Array;
  /** Distinct features on the path above the unit's root. */
  above: number;
  /** Decision steps (index among the tree's steps), root first. */
  steps: number[];
  leaves: UnitLeaf[];
}

/** Table rows of a unit: one per mask above and sides taken. */
export function unitStates(unit: Unit): number {
  return 2 ** (unit.above + unit.steps.length);
}

/** The internal nodes of one tree in depth-first order, with its units. */
export interface TreePaths {
  /** Node index of each step (internal node). */
  node: Int32Array;
  /** Position of the step's feature among the distinct features of its root path. */
  index: Int32Array;
  /** Step of the left / right child, −1 for a leaf. */
  left: Int32Array;
  right: Int32Array;
  units: Unit[];
  /** Most distinct features on a path of the tree. */
  maxFeatures: number;
}

/** Walks tree `t` of the table once and collects its steps and units. */
export function treePaths(data: TreeTableData, t: number): TreePaths {
  const { feature, left, right, cover } = data;
  const start = data.treeStart[t];
  const end = data.treeStart[t + 1];
  const stepOf = new Int32Array(end - start).fill(-1);
  let steps = 0;
  for (let n = start; n < end; n++) if (feature[n] >= 0) stepOf[n - start] = steps++;
  const paths: TreePaths = {
    node: new Int32Array(steps),
    index: new Int32Array(steps),
    left: new Int32Array(steps),
    right: new Int32Array(steps),
    units: [],
    maxFeatures: 0,
  };
  const isLeaf = (n: number): boolean => feature[n] < 0;
  const fraction = (n: number, child: number): number => (cover[n] > 0 ? cover[child] / cover[n] : 0.5);
  // The distinct features of the current path and their cover fractions so far.
  const features: number[] = [];
  const zero: number[] = [];
  /** `covered`: the node is a child of a quad, whose leaves the quad explains. */
  const visit = (node: number, covered: boolean): void => {
    const f = feature[node];
    let k = features.indexOf(f);
    const isNew = k < 0;
    if (isNew) {
      k = features.length;
      features.push(f);
      zero.push(1);
    }
    paths.maxFeatures = Math.max(paths.maxFeatures, features.length);
    const s = stepOf[node - start];
    paths.node[s] = node;
    paths.index[s] = k;
    const children = [left[node], right[node]];
    paths.left[s] = isLeaf(children[0]) ? -1 : stepOf[children[0] - start];
    paths.right[s] = isLeaf(children[1]) ? -1 : stepOf[children[1] - start];
    const above = features.length - (isNew ? 1 : 0);
    const quad = children.every((c) => !isLeaf(c) && isLeaf(left[c]) && isLeaf(right[c]));
    if (quad) paths.units.push(quadUnit(node, above));
    else if (!covered && children.some(isLeaf)) paths.units.push(twigUnit(node, k, above));
    for (const c of children) {
      if (isLeaf(c)) continue;
      const saved = zero[k];
      zero[k] = saved * fraction(node, c);
      visit(c, quad);
      zero[k] = saved;
    }
    if (isNew) {
      features.pop();
      zero.pop();
    }
  };

  /** The twig at `node` (its feature at position k): one decision step, its leaf children. */
  const twigUnit = (node: number, k: number, above: number): Unit => {
    const unit: Unit = { features: Int32Array.from(features), above, steps: [stepOf[node - start]], leaves: [] };
    const positions = Int32Array.from(features, (_, p) => p);
    [left[node], right[node]].forEach((c, side) => {
      if (!isLeaf(c)) return;
      const z = Float64Array.from(zero);
      z[k] *= fraction(node, c);
      unit.leaves.push({ node: c, positions, zero: z, decisions: [{ index: 0, position: k, right: side }] });
    });
    return unit;
  };

  /** The quad at `node`: decision steps at it and its two children, four leaves. */
  const quadUnit = (node: number, above: number): Unit => {
    const list = features.slice();
    const positionOf = (f: number): number => {
      const p = list.indexOf(f);
      return p >= 0 ? p : list.push(f) - 1;
    };
    const q = positionOf(feature[node]);
    const children = [left[node], right[node]];
    const childPositions = children.map((c) => positionOf(feature[c]));
    const unit: Unit = {
      features: Int32Array.from(list),
      above,
      steps: [node, ...children].map((n) => stepOf[n - start]),
      leaves: [],
    };
    children.forEach((c, side) => {
      const cp = childPositions[side];
      [left[c], right[c]].forEach((leaf, leafSide) => {
        const positions = Int32Array.from(new Set([...features.keys(), q, cp])).sort();
        const z = Float64Array.from(positions, (p) => (p < zero.length ? zero[p] : 1));
        z[positions.indexOf(q)] *= fraction(node, c);
        z[positions.indexOf(cp)] *= fraction(c, leaf);
        unit.leaves.push({
          node: leaf,
          positions,
          zero: z,
          decisions: [
            { index: 0, position: q, right: side },
            { index: 1 + side, position: cp, right: leafSide },
          ],
        });
      });
    });
    return unit;
  };

  if (steps > 0) visit(start, false);
  return paths;
}
