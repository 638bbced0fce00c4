import type { TreeEnsembleView } from '../../models/tree/tree-ensemble-view.js';

/**
 * The path-dependent value function of one tree: E[f(x) | x_S] where a feature outside S is
 * integrated out by following both children weighted by their training cover.
 */
function conditionalValue(view: TreeEnsembleView, node: number, row: Float64Array, inS: boolean[], out: Float64Array): void {
  const { feature, threshold, defaultLeft, left, right, value, cover, nOutputs } = view.table.data;
  const f = feature[node];
  if (f < 0) {
    for (let k = 0; k < nOutputs; k++) out[k] = value[node * nOutputs + k];
    return;
  }
  if (inS[f]) {
    const v = row[f];
    const goesLeft = v <= threshold[node] || (Number.isNaN(v) && defaultLeft[node] === 1);
    conditionalValue(view, goesLeft ? left[node] : right[node], row, inS, out);
    return;
  }
  const l = new Float64Array(nOutputs);
  const r = new Float64Array(nOutputs);
  conditionalValue(view, left[node], row, inS, l);
  conditionalValue(view, right[node], row, inS, r);
  for (let k = 0; k < nOutputs; k++) out[k] = (cover[left[node]] * l[k] + cover[right[node]] * r[k]) / cover[node];
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/** Shapley values by enumerating every feature subset: φ[output][feature] for one row, and the expected value. */
export function bruteForceShap(view: TreeEnsembleView, row: Float64Array): { phi: number[][]; expected: number[] } {
  const M = view.nFeatures;
  const K = view.nOutputs;
  const { treeStart, nOutputs } = view.table.data;
  const phi = Array.from({ length: K }, () => new Array<number>(M).fill(0));
  const expected = Array.from(view.base);
  const value = new Float64Array(nOutputs);
  for (let t = 0; t + 1 < treeStart.length; t++) {
    const vOf = new Map<number, Float64Array>();
    for (let mask = 0; mask < 1 << M; mask++) {
      const inS = Array.from({ length: M }, (_, j) => (mask & (1 << j)) !== 0);
      conditionalValue(view, treeStart[t], row, inS, value);
      vOf.set(mask, value.slice());
    }
    const column = view.treeOutput ? view.treeOutput[t] : 0;
    const add = (target: number[], contributions: Float64Array, factor: number) => {
      if (nOutputs === 1) target[column] += factor * contributions[0];
      else for (let k = 0; k < nOutputs; k++) target[k] += factor * contributions[k];
    };
    const empty = new Array<number>(K).fill(0);
    add(empty, vOf.get(0)!, view.scale);
    empty.forEach((v, k) => {
      expected[k] += v;
    });
    for (let i = 0; i < M; i++) {
      for (let mask = 0; mask < 1 << M; mask++) {
        if (mask & (1 << i)) continue;
        const size = popcount(mask);
        const weight = (factorial(size) * factorial(M - size - 1)) / factorial(M);
        const withI = vOf.get(mask | (1 << i))!;
        const without = vOf.get(mask)!;
        const delta = withI.map((v, k) => v - without[k]);
        const byOutput = new Array<number>(K).fill(0);
        add(byOutput, delta, weight * view.scale);
        byOutput.forEach((v, k) => {
          phi[k][i] += v;
        });
      }
    }
  }
  return { phi, expected };
}

function popcount(mask: number): number {
  let c = 0;
  for (let m = mask; m; m &= m - 1) c++;
  return c;
}
