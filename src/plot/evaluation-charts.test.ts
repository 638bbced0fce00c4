import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countScore, mergeScoreHistograms } from '../artifact/lead-batch.js';
import { calibrationReport, capacityCurves, capacityPlan, compareGrades, tuneThreshold } from '../evaluation/index.js';
import { liftTable, precisionRecallCurve } from '../metrics/index.js';
import { capacityChart } from './capacity-chart.js';
import { gainsChart } from './gains-chart.js';
import { gradeComparisonChart } from './grade-comparison-chart.js';
import { liftChart } from './lift-chart.js';
import { precisionRecallChart, thresholdRuleLabel } from './precision-recall-chart.js';
import { reliabilityChart } from './reliability-chart.js';
import { scoreDistributionChart } from './score-distribution-chart.js';

/** Element-wise |actual − expected| < 1e-9. */
function close(actual: unknown, expected: readonly number[], what: string): void {
  const values = actual as number[];
  assert.equal(values.length, expected.length, `${what}: ${values.length} values, expected ${expected.length}`);
  for (const [k, v] of values.entries())
    assert.ok(Math.abs(v - expected[k]) < 1e-9, `${what}[${k}]: got ${v}, expected ${expected[k]}`);
}

const LABELS = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0];
const SCORES = [0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];

test('precisionRecallChart draws the curve in % and marks each tuned threshold, unreached ones as crosses', () => {
  const curve = precisionRecallCurve(LABELS, SCORES);
  const tuned = [
    tuneThreshold(LABELS, SCORES, { maxF: 1 }),
    tuneThreshold([0, 1, 1, 0], [0.9, 0.8, 0.7, 0.1], { minPrecision: 0.8 }),
  ];
  const fig = precisionRecallChart(curve, { tuned });
  assert.equal(fig.data.length, 3);
  // Thresholds 0.1 … 0.9 increasing, then the end point (recall 0, precision 100%).
  assert.deepEqual(fig.data[0].x, [100, 100, 100, 100, 75, 75, 75, 50, 25, 0]);
  assert.equal((fig.data[0].y as number[])[0], 40);
  assert.deepEqual((fig.data[0].customdata as (number | null)[]).slice(-2), [0.9, null]);
  assert.deepEqual([fig.data[1].x, fig.data[1].y, fig.data[1].text], [[75], [75], ['max F1']]);
  assert.equal((fig.data[1].marker as { symbol: string }).symbol, 'circle');
  assert.equal((fig.data[2].marker as { symbol: string }).symbol, 'x');
  assert.equal((fig.layout.shapes as { y0: number }[])[0].y0, 40);
});

test('thresholdRuleLabel names every rule', () => {
  assert.deepEqual(
    [
      { maxF: 1 },
      { maxF: 2 },
      { minPrecision: 0.8 },
      { minRecall: 0.5 },
      { cost: { wastedCall: 1, conversionValue: 10 } },
      { capacity: { dailyLeads: 1000, dailyCapacity: 200 } },
    ].map(thresholdRuleLabel),
    ['max F1', 'max F2', 'precision ≥ 80%', 'recall ≥ 50%', 'max expected value', 'capacity 20%'],
  );
});

test('capacityChart draws model and rules, the random diagonal and the scenarios of the same daily leads', () => {
  const rules = [0.5, 0.1, 0.9, 0.5, 0.3, 0.2, 0.1, 0.6, 0.1, 0.4];
  const curves = capacityCurves(LABELS, { 'ML model': SCORES, 'rule-based': rules }, { dailyLeads: 1000, nPoints: 11 });
  const plan = capacityPlan(LABELS, SCORES, {
    dailyLeads: 1000,
    scenarios: [
      { name: 'normal', capacity: 300 },
      { name: 'peak time', capacity: 300, dailyLeads: 2000 },
    ],
  });
  const fig = capacityChart(curves, { scenarios: plan.scenarios });
  assert.deepEqual(
    fig.data.map((t) => t.name),
    ['ML model', 'rule-based', 'random leads', 'scenarios'],
  );
  close((fig.data[0].x as number[]).slice(0, 4), [0, 100, 200, 300], 'capacity');
  close((fig.data[0].y as number[]).slice(0, 4), [0, 100, 150, 200], 'conversions per day');
  assert.deepEqual(
    [fig.data[2].x, fig.data[2].y],
    [
      [0, 1000],
      [0, 400],
    ],
  );
  assert.deepEqual([fig.data[3].x, fig.data[3].text], [[300], ['normal']]);
  assert.ok(Math.abs((fig.data[3].y as number[])[0] - 200) < 1e-9);
  assert.equal((fig.layout.shapes as unknown[]).length, 1);
});

test('reliabilityChart draws the diagonal and both curves with Brier and ECE in the legend', () => {
  const labels = [0, 0, 0, 0, 1, 1, 1, 1, 1];
  const before = [0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1];
  const fig = reliabilityChart(calibrationReport(labels, before, labels, 3));
  assert.deepEqual(fig.data[0].x, [0, 100]);
  assert.deepEqual(fig.data[1].y, [0, 50, 100]);
  assert.ok((fig.data[1].x as number[]).every((v, k) => Math.abs(v - [20, 52.5, 85][k]) < 1e-9));
  assert.deepEqual(fig.data[1].customdata, [3, 2, 4]);
  assert.equal(fig.data[1].name, 'before calibration (Brier 0.0625, ECE 0.1389)');
  assert.deepEqual(
    [fig.data[2].x, fig.data[2].y],
    [
      [0, 100],
      [0, 100],
    ],
  );
});

test('gradeComparisonChart puts model and rule bars side by side per grade', () => {
  const model = Array.from({ length: 20 }, (_, i) => 20 - i);
  const labels = model.map((s) => ([20, 18, 16, 12, 5].includes(s) ? 1 : 0));
  const rules = model.map((_, i) => 20 - ((i - 3 + 20) % 20));
  const fig = gradeComparisonChart(compareGrades(labels, model, rules));
  assert.equal(fig.layout.barmode, 'group');
  assert.deepEqual(
    [fig.data[0].name, fig.data[0].x, fig.data[0].y, fig.data[0].text],
    ['ML model', ['A', 'B', 'C', 'D'], [1, 1, 2, 1], ['20%', '20%', '40%', '20%']],
  );
  assert.deepEqual([fig.data[1].name, fig.data[1].y], ['rule-based score', [0, 1, 1, 3]]);
  assert.deepEqual((fig.data[0].customdata as number[][])[0], [1, 100]);
});

test('gainsChart and liftChart draw a lift table from the origin, with random leads as reference', () => {
  const table = liftTable(LABELS, [0.9, 0.8, 0.7, 0.75, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1], { nBuckets: 2 });
  const gains = gainsChart([{ name: 'model', table }]);
  assert.deepEqual(
    [gains.data[0].x, gains.data[0].y],
    [
      [0, 50, 100],
      [0, 75, 100],
    ],
  );
  assert.deepEqual(gains.data[1].name, 'random leads');
  const lift = liftChart(table);
  assert.deepEqual(lift.data[0].x, ['1', '2']);
  close(lift.data[0].y, [1.5, 0.5], 'lift');
  close(lift.data[1].y, [1.5, 1], 'cumulative lift');
  assert.equal((lift.layout.shapes as { y0: number }[])[0].y0, 1);
});

test('scoreDistributionChart stacks whole-point score counts into bins, one trace per grade', () => {
  const histogram: Record<string, number[]> = {};
  const scored: [string, number][] = [
    ['D', 0],
    ['D', 4.9],
    ['C', 5],
    ['B', 62.5],
    ['A', 97],
    ['A', 100],
  ];
  for (const [grade, score] of scored) countScore(histogram, grade, score);
  const merged: Record<string, number[]> = {};
  mergeScoreHistograms(merged, histogram);
  mergeScoreHistograms(merged, { A: histogram.A });
  assert.equal(
    merged.A.reduce((a, b) => a + b, 0),
    4,
  );
  const figure = scoreDistributionChart(histogram, { binWidth: 5 });
  assert.deepEqual(
    figure.data.map((t) => t.name),
    ['grade A', 'grade B', 'grade C', 'grade D'],
  );
  const x = figure.data[0].x as string[];
  assert.equal(x.length, 20);
  assert.equal(x[0], '0–4');
  assert.equal(x[19], '95–100');
  const ys = Object.fromEntries(figure.data.map((t) => [t.name, t.y as number[]]));
  assert.equal(ys['grade A'][19], 2, 'scores 97 and 100 share the top bin');
  assert.equal(ys['grade D'][0], 2);
  assert.equal(ys['grade C'][1], 1);
  assert.equal(ys['grade B'][12], 1);
  assert.equal(figure.layout.barmode, 'stack');
  assert.deepEqual((scoreDistributionChart(histogram, { binWidth: 30 }).data[0].x as string[]).at(-1), '90–100');
  assert.throws(() => scoreDistributionChart(histogram, { binWidth: 0 }), /binWidth/);
});
