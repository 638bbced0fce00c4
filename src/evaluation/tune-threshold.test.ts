import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { thresholdTable } from './threshold-table.js';
import { tuneThreshold } from './tune-threshold.js';

// Distinct thresholds, highest first, with (leads worked, conversions): 0.9 (1, 1), 0.8 (3, 2) — a tie of
// a conversion and a non-conversion — 0.7 (4, 3), 0.6 (5, 3), 0.5 (6, 3), 0.4 (7, 4), 0.3 (8, 4), 0.2 (9, 4), 0.1 (10, 4).
const LABELS = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0];
const SCORES = [0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: got ${actual}, expected ${expected}`);

test('thresholdTable counts leads with score ≥ threshold, tied leads together', () => {
  const { points, baseRate } = thresholdTable(LABELS, SCORES);
  assert.equal(baseRate, 0.4);
  assert.deepEqual(
    points.map((p) => [p.threshold, p.leadsWorked, p.conversionsCaptured]),
    [
      [0.9, 1, 1],
      [0.8, 3, 2],
      [0.7, 4, 3],
      [0.6, 5, 3],
      [0.5, 6, 3],
      [0.4, 7, 4],
      [0.3, 8, 4],
      [0.2, 9, 4],
      [0.1, 10, 4],
    ],
  );
  near(points[1].precision, 2 / 3, 'precision at 0.8');
  near(points[1].f1, 4 / 7, 'F1 at 0.8');
});

test('{ maxF: 1 } picks the threshold with the largest F1 and reports every rate', () => {
  const t = tuneThreshold(LABELS, SCORES, { maxF: 1 });
  assert.equal(t.threshold, 0.7);
  assert.equal(t.reached, true);
  assert.deepEqual([t.leadsWorked, t.conversionsCaptured, t.wastedCalls], [4, 3, 1]);
  near(t.f1, 0.75, 'F1');
  near(t.precision, 0.75, 'precision');
  near(t.recall, 0.75, 'recall');
  near(t.predictedPositiveRate, 0.4, 'predicted-positive rate');
  near(t.baseRateMultiple, 1.75, 'threshold / base rate');
  assert.match(t.message, /threshold 0\.7 maximises F1 \(0\.75\): work 4 of 10 leads \(40%\)/);
});

test('{ maxF: 2 } weighs recall more and moves the threshold down', () => {
  // F2 = 5·TP / (5·TP + 4·FN + FP): 0.75 at 0.7, 20/23 at 0.4.
  const t = tuneThreshold(LABELS, SCORES, { maxF: 2 });
  assert.equal(t.threshold, 0.4);
  assert.equal(t.beta, 2);
  near(t.fBeta, 20 / 23, 'F2');
  near(t.f1, 8 / 11, 'F1 is still reported');
});

test('{ minPrecision } takes the lowest threshold reaching it, past a dip in precision', () => {
  // Precision 1, 2/3, 3/4, 3/5, …: 0.75 is met at 0.9 and again at 0.7, which works more leads.
  assert.equal(tuneThreshold(LABELS, SCORES, { minPrecision: 0.75 }).threshold, 0.7);
  assert.equal(tuneThreshold(LABELS, SCORES, { minPrecision: 0.6 }).threshold, 0.6);
  assert.equal(tuneThreshold(LABELS, SCORES, { minPrecision: 1 }).threshold, 0.9);
});

test('{ minPrecision } out of reach says so and returns the most precise threshold', () => {
  // Precision at 0.9, 0.8, 0.7, 0.1: 0, 1/2, 2/3, 1/2.
  const t = tuneThreshold([0, 1, 1, 0], [0.9, 0.8, 0.7, 0.1], { minPrecision: 0.8 });
  assert.equal(t.reached, false);
  assert.equal(t.threshold, 0.7);
  assert.match(t.message, /no threshold reaches precision 80%: the best is 67% at threshold 0\.7 \(3 leads\)/);
});

test('{ minRecall } takes the highest threshold reaching it', () => {
  assert.equal(tuneThreshold(LABELS, SCORES, { minRecall: 0.75 }).threshold, 0.7);
  assert.equal(tuneThreshold(LABELS, SCORES, { minRecall: 0.8 }).threshold, 0.4);
  assert.equal(tuneThreshold(LABELS, SCORES, { minRecall: 1 }).leadsWorked, 7);
});

test('{ cost } maximises value · conversions − cost · calls', () => {
  // 10·TP − 3·leads: 7, 11, 18, 15, 12, 19, 16, 13, 10.
  const t = tuneThreshold(LABELS, SCORES, { cost: { wastedCall: 3, conversionValue: 10 } });
  assert.equal(t.threshold, 0.4);
  assert.equal(t.expectedValue, 19);
  assert.equal(t.reached, true);
});

test('{ cost } where every threshold loses money is reported as not reached', () => {
  // 1·TP − 2·leads is at best −1, at 0.9.
  const t = tuneThreshold(LABELS, SCORES, { cost: { wastedCall: 2, conversionValue: 1 } });
  assert.equal(t.reached, false);
  assert.equal(t.threshold, 0.9);
  assert.equal(t.expectedValue, -1);
  assert.match(t.message, /no threshold pays off.*loses 1; a call costs at least what a conversion brings/);
  // On leads ranked 0, 1, 1, 0: 10·TP − 7·leads is −7, −4, −1, −8; the best loses 1, at 0.7.
  const u = tuneThreshold([0, 1, 1, 0], [0.9, 0.8, 0.7, 0.1], { cost: { wastedCall: 7, conversionValue: 10 } });
  assert.deepEqual([u.threshold, u.expectedValue, u.reached], [0.7, -1, false]);
  assert.match(u.message, /pays only at a precision above 70%/);
});

test('{ capacity } works the most leads within capacity and never splits a tie', () => {
  const rule = (dailyCapacity: number) => ({ capacity: { dailyLeads: 100, dailyCapacity } });
  assert.equal(tuneThreshold(LABELS, SCORES, rule(40)).threshold, 0.7); // 4 leads
  assert.equal(tuneThreshold(LABELS, SCORES, rule(30)).threshold, 0.8); // 3 leads, the tie included
  assert.equal(tuneThreshold(LABELS, SCORES, rule(25)).threshold, 0.9); // 2.5 → 2, and 0.8 would make 3
  assert.equal(tuneThreshold(LABELS, SCORES, rule(500)).leadsWorked, 10);
});

test('{ capacity } below the top tie is reported as not reached', () => {
  const t = tuneThreshold([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.1], { capacity: { dailyLeads: 4, dailyCapacity: 2 } });
  assert.equal(t.reached, false);
  assert.equal(t.leadsWorked, 3);
  assert.match(t.message, /3 leads tie at the top score 0\.5/);
});

test('an 8% threshold at a 1% base rate is 8× the base rate', () => {
  const labels = Array.from({ length: 100 }, (_, i) => (i === 0 ? 1 : 0));
  const scores = labels.map((_, i) => (i === 0 ? 0.08 : 0.005));
  const t = tuneThreshold(labels, scores, { maxF: 1 });
  assert.equal(t.threshold, 0.08);
  near(t.baseRateMultiple, 8, 'threshold / base rate');
});

test('tuneThreshold agrees with brute-force counting and does not depend on row order', () => {
  const rng = new Rng(17);
  const labels = Array.from({ length: 400 }, () => (rng.bernoulli(0.2) ? 1 : 0));
  const scores = labels.map((y) => Math.round((0.3 * y + rng.next()) * 20) / 20);
  const order = rng.permutation(labels.length);
  const shuffled = (values: number[]) => Array.from(order, (i) => values[i]);
  for (const target of [0.3, 0.4, 0.5]) {
    const t = tuneThreshold(labels, scores, { minPrecision: target });
    const u = tuneThreshold(shuffled(labels), shuffled(scores), { minPrecision: target });
    assert.deepEqual({ ...t, rule: null }, { ...u, rule: null });
    let best = Number.POSITIVE_INFINITY;
    for (const s of new Set(scores)) {
      const worked = scores.map((v) => v >= s);
      const tp = labels.filter((y, i) => y === 1 && worked[i]).length;
      const n = worked.filter(Boolean).length;
      if (tp / n >= target) best = Math.min(best, s);
    }
    assert.equal(t.threshold, best, `minPrecision ${target}`);
  }
});

test('tuneThreshold names what is wrong with its arguments', () => {
  const bad = (rule: unknown, pattern: RegExp) =>
    assert.throws(
      () => tuneThreshold(LABELS, SCORES, rule as never),
      (e: unknown) => e instanceof InputError && pattern.test(e.message),
    );
  bad({ minPrecision: 80 }, /minPrecision is 80; it must be a share between 0 and 1 \(0\.8 for 80%\)/);
  bad({ minRecall: 0 }, /minRecall is 0/);
  bad({ maxF: -1 }, /maxF is -1; it must be a positive beta/);
  bad({ cost: { wastedCall: 5 } }, /cost\.conversionValue is undefined/);
  bad({ capacity: { dailyLeads: 0, dailyCapacity: 10 } }, /capacity\.dailyLeads is 0/);
  bad({}, /exactly one of maxF, minPrecision, minRecall, cost, capacity/);
  bad({ maxF: 1, minRecall: 0.5 }, /exactly one of/);
  bad({ minPrecison: 0.8 }, /exactly one of/);
  assert.throws(() => tuneThreshold([0, 0, 0], [0.1, 0.2, 0.3], { maxF: 1 }), /only one class is present/);
  assert.throws(() => tuneThreshold([0, 1], [0.1], { maxF: 1 }), /2 labels but 1 scores/);
  assert.throws(() => tuneThreshold([0, 1], [0.1, Number.NaN], { maxF: 1 }), /score at row 1 is NaN/);
});
