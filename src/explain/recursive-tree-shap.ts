import type { TreeEnsembleView } from '../models/tree/tree-ensemble-view.js';

/**
 * Exact path-dependent Tree SHAP by recursion (Lundberg, Erion & Lee 2018, Algorithm 2) over one
 * ensemble's node table, O(leaves · depth²) per tree and row; the path arrays are reused between
 * calls. The fallback of `treeShap` for trees whose paths are too long to tabulate, and its
 * reference in the tests.
 */
export class RecursiveTreeShap {
  private readonly view: TreeEnsembleView;
  private readonly feature: Int32Array;
  private readonly pathFeature: Int32Array;
  private readonly zero: Float64Array;
  private readonly one: Float64Array;
  private readonly weight: Float64Array;
  private rowData: Float64Array = new Float64Array(0);
  private rowBase = 0;
  private phi: Float64Array[] = [];
  private phiBase = 0;
  private column = 0;

  constructor(view: TreeEnsembleView) {
    this.view = view;
    this.feature = view.table.data.feature;
    const depth = view.table.maxDepth() + 2;
    const size = ((depth + 1) * (depth + 2)) / 2;
    this.pathFeature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }

  /** The tree's cover-weighted mean leaf value (nOutputs values) into `out`. */
  meanValue(node: number, out: Float64Array): void {
    const { feature, left, right, value, cover, nOutputs } = this.view.table.data;
    if (feature[node] < 0) {
      for (let k = 0; k < nOutputs; k++) out[k] = value[node * nOutputs + k];
      return;
    }
    const l = new Float64Array(nOutputs);
    const r = new Float64Array(nOutputs);
    this.meanValue(left[node], l);
    this.meanValue(right[node], r);
    const cl = cover[left[node]];
    const cr = cover[right[node]];
    const c = cover[node];
    for (let k = 0; k < nOutputs; k++) out[k] = c > 0 ? (cl * l[k] + cr * r[k]) / c : (l[k] + r[k]) / 2;
  }

  explain(root: number, rowData: Float64Array, rowBase: number, column: number, phi: Float64Array[], phiBase: number): void {
    this.rowData = rowData;
    this.rowBase = rowBase;
    this.phi = phi;
    this.phiBase = phiBase;
    this.column = column;
    this.recurse(root, 0, 0, 1, 1, -1);
  }

  /** Algorithm 2's RECURSE: `at` is where this call's copy of the path starts, `depth` its unique depth. */
  private recurse(node: number, at: number, depth: number, zeroFraction: number, oneFraction: number, feature: number): void {
    const parentAt = at;
    const here = depth === 0 ? 0 : parentAt + depth;
    if (depth > 0) this.copyPath(parentAt, here, depth);
    this.extend(here, depth, zeroFraction, oneFraction, feature);
    const data = this.view.table.data;
    const split = this.feature[node];
    if (split < 0) {
      this.addLeaf(node, here, depth);
      return;
    }
    const v = this.rowData[this.rowBase + split];
    const thr = data.threshold[node];
    const goesLeft = v <= thr ? true : v > thr ? false : data.defaultLeft[node] === 1;
    const hot = goesLeft ? data.left[node] : data.right[node];
    const cold = goesLeft ? data.right[node] : data.left[node];
    const cover = data.cover[node];
    const hotZero = cover > 0 ? data.cover[hot] / cover : 0.5;
    const coldZero = cover > 0 ? data.cover[cold] / cover : 0.5;
    let incomingZero = 1;
    let incomingOne = 1;
    let uniqueDepth = depth;
    let k = 1;
    while (k <= uniqueDepth && this.pathFeature[here + k] !== split) k++;
    if (k <= uniqueDepth) {
      incomingZero = this.zero[here + k];
      incomingOne = this.one[here + k];
      this.unwind(here, uniqueDepth, k);
      uniqueDepth--;
    }
    this.recurse(hot, here, uniqueDepth + 1, hotZero * incomingZero, incomingOne, split);
    this.recurse(cold, here, uniqueDepth + 1, coldZero * incomingZero, 0, split);
  }

  private copyPath(from: number, to: number, depth: number): void {
    for (let i = 0; i < depth; i++) {
      this.pathFeature[to + i] = this.pathFeature[from + i];
      this.zero[to + i] = this.zero[from + i];
      this.one[to + i] = this.one[from + i];
      this.weight[to + i] = this.weight[from + i];
    }
  }

  private extend(at: number, depth: number, zeroFraction: number, oneFraction: number, feature: number): void {
    const w = this.weight;
    this.pathFeature[at + depth] = feature;
    this.zero[at + depth] = zeroFraction;
    this.one[at + depth] = oneFraction;
    w[at + depth] = depth === 0 ? 1 : 0;
    for (let i = depth - 1; i >= 0; i--) {
      w[at + i + 1] += (oneFraction * w[at + i] * (i + 1)) / (depth + 1);
      w[at + i] = (zeroFraction * w[at + i] * (depth - i)) / (depth + 1);
    }
  }

  private unwind(at: number, depth: number, index: number): void {
    const w = this.weight;
    const one = this.one[at + index];
    const zero = this.zero[at + index];
    let next = w[at + depth];
    for (let i = depth - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = w[at + i];
        w[at + i] = (next * (depth + 1)) / ((i + 1) * one);
        next = tmp - (w[at + i] * zero * (depth - i)) / (depth + 1);
      } else {
        w[at + i] = (w[at + i] * (depth + 1)) / (zero * (depth - i));
      }
    }
    for (let i = index; i < depth; i++) {
      this.pathFeature[at + i] = this.pathFeature[at + i + 1];
      this.zero[at + i] = this.zero[at + i + 1];
      this.one[at + i] = this.one[at + i + 1];
    }
  }

  /** Sum of the path weights once element `index` is unwound (without changing the path). */
  private unwoundSum(at: number, depth: number, index: number): number {
    const w = this.weight;
    const one = this.one[at + index];
    const zero = this.zero[at + index];
    let next = w[at + depth];
    let total = 0;
    if (one !== 0) {
      for (let i = depth - 1; i >= 0; i--) {
        const tmp = next / ((i + 1) * one);
        total += tmp;
        next = w[at + i] - tmp * zero * (depth - i);
      }
    } else {
      for (let i = depth - 1; i >= 0; i--) total += w[at + i] / (zero * (depth - i));
    }
    return total * (depth + 1);
  }

  private addLeaf(node: number, at: number, depth: number): void {
    const { value, nOutputs } = this.view.table.data;
    const scale = this.view.scale;
    for (let i = 1; i <= depth; i++) {
      const w = this.unwoundSum(at, depth, i);
      const f = this.pathFeature[at + i];
      const s = w * (this.one[at + i] - this.zero[at + i]) * scale;
      if (nOutputs === 1) this.phi[this.column][this.phiBase + f] += s * value[node];
      else for (let k = 0; k < nOutputs; k++) this.phi[k][this.phiBase + f] += s * value[node * nOutputs + k];
    }
  }
}
