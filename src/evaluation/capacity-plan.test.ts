import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { capacityCurve, capacityCurves } from './capacity-curve.js';
import { capacityPlan } from './capacity-plan.js';

// Ranked by score: 1, then a tie at 0.8 of a conversion and a non-conversion, then 1, 0, 0, 1, 0, 0, 0.
const LABELS = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0];
const SCORES = [0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: got ${actual}, expected ${expected}`);

test('capacityPlan: normal, peak-time and full-manpower scenarios on hand-computed ranks', () => {
  const plan = capacityPlan(LABELS, SCORES, {
    dailyLeads: 1000,
    scenarios: [
      { name: 'normal', capacity: 300 },
      { name: 'peak time', capacity: 300, dailyLeads: 2000 },
      { name: 'full manpower', capacity: 1500 },
    ],
  });
  assert.equal(plan.baseRate, 0.4);
  const [normal, peak, full] = plan.scenarios;
  // Top 30%: 3 of 10 ranks hold 2 conversions.
  assert.deepEqual([normal.name, normal.shareWorked, normal.threshold, normal.leadsWorkedPerDay], ['normal', 0.3, 0.8, 300]);
  near(normal.precision, 2 / 3, 'normal precision');
  near(normal.recall, 0.5, 'normal recall');
  near(normal.conversionsPerDay, 200, 'normal conversions per day');
  near(normal.callsPerConversion, 1.5, 'normal calls per conversion');
  near(normal.lift, 5 / 3, 'normal lift');
  // Twice the leads, same team: the top 15% is 1.5 ranks, half-way into the tie at 0.8 (1 + ½·½ conversions).
  assert.deepEqual([peak.dailyLeads, peak.shareWorked, peak.threshold], [2000, 0.15, 0.8]);
  near(peak.precision, 1.25 / 1.5, 'peak precision');
  near(peak.conversionsPerDay, 250, 'peak conversions per day');
  // More capacity than leads: every lead is worked, at the base rate.
  assert.deepEqual([full.leadsWorkedPerDay, full.shareWorked, full.threshold, full.recall], [1000, 1, 0.1, 1]);
  near(full.lift, 1, 'full lift');
  near(full.conversionsPerDay, 400, 'full conversions per day');
});

test('capacityPlan does not depend on the order of tied leads', () => {
  const options = { dailyLeads: 10, scenarios: [{ name: 'a', capacity: 2 }] };
  const a = capacityPlan([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.1], options);
  const b = capacityPlan([0, 1, 1, 0], [0.5, 0.5, 0.5, 0.1], options);
  assert.deepEqual(a, b);
  // 20% of 4 leads is 0.8 of a lead from a tie of three holding two conversions: precision 2/3.
  near(a.scenarios[0].precision, 2 / 3, 'precision inside the tie');
  assert.equal(a.scenarios[0].threshold, 0.5);
});

test('capacityPlan names what is wrong with its options', () => {
  const bad = (options: unknown, pattern: RegExp) =>
    assert.throws(
      () => capacityPlan(LABELS, SCORES, options as never),
      (e: unknown) => e instanceof InputError && pattern.test(e.message),
    );
  bad({ dailyLeads: 0, scenarios: [{ name: 'x', capacity: 1 }] }, /dailyLeads is 0/);
  bad({ dailyLeads: 100, scenarios: [] }, /scenarios is empty/);
  bad({ dailyLeads: 100, scenarios: [{ name: 'peak', capacity: -5 }] }, /scenarios\[0\] \("peak"\)\.capacity is -5/);
  bad({ dailyLeads: 100, scenarios: [{ name: 'peak', capacity: 5, dailyLeads: Number.NaN }] }, /dailyLeads is NaN/);
});

test('capacityCurve runs from no conversions to all of them, ties shared out evenly', () => {
  const curve = capacityCurve(LABELS, SCORES, { nPoints: 11, dailyLeads: 1000, name: 'model' });
  const captured = [0, 1, 1.5, 2, 3, 3, 3, 4, 4, 4, 4];
  captured.forEach((c, k) => {
    near(curve.shareOfConversions[k], c / 4, `share of conversions at ${k}0%`);
    near(curve.conversions[k], (c / 4) * 400, `conversions per day at ${k}0%`);
    near(curve.capacity[k], k * 100, `capacity at ${k}0%`);
  });
  assert.equal(curve.name, 'model');
  assert.equal(curve.perDay, true);
  assert.equal(capacityCurve(LABELS, SCORES).perDay, false);
  assert.equal(capacityCurve(LABELS, SCORES).capacity.at(-1), 10);
});

test('capacityCurves draws a model and a rule-based score on the same leads; the better ranking is above', () => {
  const rng = new Rng(3);
  const labels = Array.from({ length: 2000 }, () => (rng.bernoulli(0.1) ? 1 : 0));
  const model = labels.map((y) => y * 1.5 + rng.normal());
  const rules = labels.map((y) => Math.round(y * 0.5 + rng.normal()));
  const [m, r] = capacityCurves(labels, { 'ML model': model, 'rule-based': rules }, { dailyLeads: 500, nPoints: 21 });
  assert.deepEqual([m.name, r.name], ['ML model', 'rule-based']);
  for (let k = 1; k < 20; k++) assert.ok(m.conversions[k] > r.conversions[k], `at ${k * 5}%`);
  assert.equal(m.shareOfConversions[20], 1);
});
