/**
 * leadstack's samplers against imbalanced-learn 0.10: class counts for every form of
 * samplingStrategy, and the neighbour sets of SMOTE and SMOTE-NC. Interpolation weights come from
 * different random generators, so structure is compared, not values. Reference values:
 * bench/fixtures/sampling-imblearn.json, written by bench/sampling/make-sampler-fixture.py.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LeadstackError } from '../core/errors.js';
import type { Sampler } from '../core/estimator.js';
import { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { makeMixedSpace } from './mixed-space.js';
import { kNearestNeighbors } from './nearest-neighbors.js';
import { RandomOverSampler } from './random-over-sampler.js';
import { RandomUnderSampler } from './random-under-sampler.js';
import type { SamplingStrategy } from './sampling-strategy.js';
import { Smote } from './smote.js';
import { SmoteNc } from './smote-nc.js';

interface StrategyCase {
  labels: string;
  direction: 'over' | 'under';
  strategy: SamplingStrategy;
  counts?: number[];
  error?: string;
}
interface Fixture {
  X: number[][];
  labels: Record<string, number[]>;
  strategies: StrategyCase[];
  smote: { k: number; class: number; neighbours: number[][] }[];
  smote_nc: { k: number; class: number; median_std_raw: number; raw: number[][]; standardized: number[][] }[];
}

const fixture: Fixture = JSON.parse(
  readFileSync(new URL('../../bench/fixtures/sampling-imblearn.json', import.meta.url), 'utf8'),
);
const X = Matrix.fromRows(fixture.X);
const GROUPS = { oneHotGroups: [[3, 4, 5]], binaryColumns: [6] };
const VARIABLES = [[3, 4, 5], [6]];

function samplersFor(c: StrategyCase): Sampler[] {
  if (c.direction === 'under') return [new RandomUnderSampler({ samplingStrategy: c.strategy })];
  return [
    new RandomOverSampler({ samplingStrategy: c.strategy }),
    new Smote({ samplingStrategy: c.strategy, kNeighbors: 3 }),
    new SmoteNc({ ...GROUPS, samplingStrategy: c.strategy, kNeighbors: 3 }),
  ];
}

function countsOf(y: Int32Array, nClasses: number): number[] {
  const out = new Array<number>(nClasses).fill(0);
  for (const v of y) out[v]++;
  return out;
}

test('class counts after resampling match imbalanced-learn for every samplingStrategy form', () => {
  for (const c of fixture.strategies) {
    const y = Int32Array.from(fixture.labels[c.labels]);
    const what = `${c.labels} labels, ${c.direction}-sampling with ${JSON.stringify(c.strategy)}`;
    const make = () => samplersFor(c);
    if (c.counts) {
      for (const sampler of make()) {
        const out = sampler.fitResample(X, y, new Rng(1));
        assert.deepEqual(countsOf(out.y, c.counts.length), c.counts, `${sampler.kind}, ${what}`);
      }
    } else {
      assert.throws(
        () => {
          for (const sampler of make()) sampler.fitResample(X, y, new Rng(1));
        },
        LeadstackError,
        `${what} should be refused (imbalanced-learn: ${c.error})`,
      );
    }
  }
});

const minorityRows = (cls: number): number[] => fixture.labels.binary.flatMap((v, i) => (v === cls ? [i] : []));

/** Neighbour sets as sorted input-row indices, per class row. */
function neighbourSets(indices: Int32Array, k: number, rows: number[]): number[][] {
  return rows.map((_, r) => Array.from(indices.subarray(r * k, r * k + k), (i) => rows[i]).sort((a, b) => a - b));
}

test("SMOTE's neighbour sets match imbalanced-learn's", () => {
  for (const ref of fixture.smote) {
    const rows = minorityRows(ref.class);
    const points = X.selectRows(rows).data;
    const nn = kNearestNeighbors({ points, rows: rows.length, cols: X.cols }, ref.k);
    assert.deepEqual(neighbourSets(nn.indices, ref.k, rows), ref.neighbours, `k = ${ref.k}`);
  }
});

test("SMOTE-NC's neighbour sets match imbalanced-learn's distance (raw) and the standardized one", () => {
  for (const ref of fixture.smote_nc) {
    const rows = minorityRows(ref.class);
    const raw = makeMixedSpace(X, Int32Array.from(rows), VARIABLES, false, 'test');
    assert.ok(Math.abs(raw.medianStd - ref.median_std_raw) < 1e-12, `median std ${raw.medianStd} vs ${ref.median_std_raw}`);
    assert.deepEqual(neighbourSets(kNearestNeighbors(raw.space, ref.k).indices, ref.k, rows), ref.raw, `raw, k = ${ref.k}`);
    const scaled = makeMixedSpace(X, Int32Array.from(rows), VARIABLES, true, 'test');
    assert.equal(scaled.medianStd, 1);
    assert.deepEqual(
      neighbourSets(kNearestNeighbors(scaled.space, ref.k).indices, ref.k, rows),
      ref.standardized,
      `standardized, k = ${ref.k}`,
    );
  }
});

/** Whether `row` is a + u · (b − a) on `columns` for one u in [0, 1]. */
function onSegment(row: Float64Array, a: Float64Array, b: Float64Array, columns: readonly number[]): boolean {
  const j = columns.reduce((w, c) => (Math.abs(b[c] - a[c]) > Math.abs(b[w] - a[w]) ? c : w), columns[0]);
  const u = b[j] === a[j] ? 0 : (row[j] - a[j]) / (b[j] - a[j]);
  return u >= -1e-12 && u <= 1 + 1e-12 && columns.every((c) => Math.abs(a[c] + u * (b[c] - a[c]) - row[c]) < 1e-9);
}

test("Smote's synthetic rows lie between a minority row and one of its imbalanced-learn neighbours", () => {
  const y = Int32Array.from(fixture.labels.binary);
  for (const ref of fixture.smote) {
    const rows = minorityRows(ref.class);
    const out = new Smote({ kNeighbors: ref.k }).fitResample(X, y, new Rng(5));
    const all = [0, 1, 2, 3, 4, 5, 6];
    for (let s = X.rows; s < out.X.rows; s++) {
      const row = out.X.row(s);
      const found = rows.some((a, r) => ref.neighbours[r].some((b) => onSegment(row, X.row(a), X.row(b), all)));
      assert.ok(found, `synthetic row ${s} (k = ${ref.k}) lies on no segment to an imbalanced-learn neighbour`);
    }
  }
});

test("SmoteNc's synthetic rows interpolate towards a neighbour and take the neighbours' most frequent categories", () => {
  const y = Int32Array.from(fixture.labels.binary);
  const code = (row: Float64Array, v: number[]): string => v.map((j) => row[j]).join(',');
  for (const ref of fixture.smote_nc) {
    const rows = minorityRows(ref.class);
    const out = new SmoteNc({ ...GROUPS, kNeighbors: ref.k }).fitResample(X, y, new Rng(6));
    for (let s = X.rows; s < out.X.rows; s++) {
      const row = out.X.row(s);
      const found = rows.some((a, r) => {
        const neighbours = ref.standardized[r];
        if (!neighbours.some((b) => onSegment(row, X.row(a), X.row(b), [0, 1, 2]))) return false;
        return VARIABLES.every((v) => {
          const tally = new Map<string, number>();
          for (const b of neighbours) tally.set(code(X.row(b), v), (tally.get(code(X.row(b), v)) ?? 0) + 1);
          const best = Math.max(...tally.values());
          return tally.get(code(row, v)) === best;
        });
      });
      assert.ok(found, `synthetic row ${s} (k = ${ref.k}) does not follow its neighbours`);
    }
  }
});
