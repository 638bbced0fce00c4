import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { fromJSON } from '../core/serialization.js';
import { compareGrades } from './compare-grades.js';
import { GradeCutoffs, gradeCutoffs } from './grade-cutoffs.js';
import { gradeTable } from './grade-table.js';

// Twenty leads scored 20 down to 1; the leads scored 20, 18, 16, 12 and 5 convert.
const MODEL = Array.from({ length: 20 }, (_, i) => 20 - i);
const LABELS = MODEL.map((s) => ([20, 18, 16, 12, 5].includes(s) ? 1 : 0));
// The rule-based score ranks leads 3, 4, …, 19, 0, 1, 2.
const RULES = MODEL.map((_, i) => 20 - ((i - 3 + 20) % 20));

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: got ${actual}, expected ${expected}`);

test('gradeCutoffs by shares: A = top 5%, B = next 15%, C = next 30%, D = the rest', () => {
  const cutoffs = gradeCutoffs({ scores: MODEL });
  assert.deepEqual(cutoffs.grades, ['A', 'B', 'C', 'D']);
  assert.deepEqual([...cutoffs.thresholds], [20, 17, 11]);
  assert.deepEqual(
    [20, 19, 17, 16, 11, 10, 0].map((s) => cutoffs.gradeOf(s)),
    ['A', 'B', 'B', 'C', 'C', 'D', 'D'],
  );
});

test('gradeCutoffs by shares never splits tied scores: the nearest boundary wins, the smaller grade on a draw', () => {
  const scores = [9, 9, 9, 5, 5, 1, 1, 1, 1, 1];
  // Targets 2 and 5 leads; boundaries fall after 0, 3, 5 and 10 leads.
  assert.deepEqual([...gradeCutoffs({ scores, shares: [0.2, 0.3] }).thresholds], [9, 5]);
  // A target of 1.5 leads is as near 0 as 3: grade A stays empty.
  const empty = gradeCutoffs({ scores, shares: [0.15], grades: ['hot', 'rest'] });
  assert.deepEqual([...empty.thresholds], [Number.POSITIVE_INFINITY]);
  assert.equal(empty.gradeOf(9), 'rest');
});

test('gradeCutoffs by score thresholds: score ≥ threshold takes the grade', () => {
  const cutoffs = gradeCutoffs({ thresholds: [80, 60, 30] });
  assert.equal(cutoffs.method, 'score');
  assert.deepEqual(
    [100, 80, 79.9, 60, 30, 29, 0].map((s) => cutoffs.gradeOf(s)),
    ['A', 'A', 'B', 'B', 'C', 'D', 'D'],
  );
  assert.deepEqual([...cutoffs.assign([85, 10])], [0, 3]);
});

test('a GradeCutoffs JSON round trip grades identically, an empty grade included', () => {
  for (const cutoffs of [gradeCutoffs({ scores: MODEL }), gradeCutoffs({ scores: [3, 3, 3, 1], shares: [0.1, 0.5] })]) {
    const loaded = fromJSON<GradeCutoffs>(JSON.parse(JSON.stringify(cutoffs)));
    assert.ok(loaded instanceof GradeCutoffs);
    assert.deepEqual([loaded.grades, loaded.method, loaded.shares], [cutoffs.grades, cutoffs.method, cutoffs.shares]);
    assert.deepEqual(loaded.thresholds, cutoffs.thresholds);
    assert.deepEqual(loaded.assign(MODEL), cutoffs.assign(MODEL));
  }
});

test('gradeCutoffs names what is wrong', () => {
  const fails = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (e: unknown) => e instanceof InputError && pattern.test(e.message));
  fails(() => gradeCutoffs({ thresholds: [30, 60] }), /thresholds must decrease from the best grade down; got 30, 60/);
  fails(() => gradeCutoffs({ thresholds: [60, 30], grades: ['A', 'B'] }), /2 grade names for 2 thresholds/);
  fails(() => gradeCutoffs({ scores: MODEL, shares: [0.5, 0.6] }), /shares add up to 1\.1/);
  fails(() => gradeCutoffs({ scores: MODEL, shares: [5, 15] }), /shares\[0\] is 5; .*\(0\.05 for 5%\)/);
  fails(() => gradeCutoffs({ scores: [] }), /no scores/);
  fails(() => gradeCutoffs({ scores: MODEL, grades: ['A', 'A', 'B', 'C'] }), /grade names repeat/);
});

test('gradeTable counts leads and conversions per grade with cumulative shares', () => {
  const table = gradeTable(LABELS, MODEL, gradeCutoffs({ scores: MODEL }));
  assert.equal(table.baseRate, 0.25);
  const expected = [
    // grade, leads, conversions, rate, cumulative share of conversions
    ['A', 1, 1, 1, 0.2],
    ['B', 3, 1, 1 / 3, 0.4],
    ['C', 6, 2, 1 / 3, 0.8],
    ['D', 10, 1, 0.1, 1],
  ] as const;
  table.rows.forEach((row, g) => {
    const [grade, leads, conversions, rate, cumulative] = expected[g];
    assert.deepEqual([row.grade, row.leads, row.conversions], [grade, leads, conversions]);
    near(row.conversionRate, rate, `${grade} rate`);
    near(row.cumulativeShareOfConversions, cumulative, `${grade} cumulative share`);
    near(row.lift, rate / 0.25, `${grade} lift`);
  });
  near(table.rows[1].cumulativeShare, 0.2, 'A and B share of leads');
});

test('compareGrades puts the model’s grades next to the rule-based grades, each cut by the same shares', () => {
  const comparison = compareGrades(LABELS, MODEL, RULES);
  assert.deepEqual(comparison.grades, ['A', 'B', 'C', 'D']);
  // Rules: A = lead 3, B = leads 4–6, C = leads 7–12, D = the rest.
  assert.deepEqual(
    comparison.rows.map((r) => [r.grade, r.model.conversions, r.rules.conversions, r.extraConversions]),
    [
      ['A', 1, 0, 1],
      ['B', 1, 1, 0],
      ['C', 2, 1, 1],
      ['D', 1, 3, -2],
    ],
  );
  assert.deepEqual([...comparison.ruleCutoffs.thresholds], [20, 17, 11]);
  assert.equal(
    comparison.message,
    "the model's A and B grades capture 40% of conversions with 20% of leads; the rule-based A and B 20% with 20%",
  );
  assert.match(compareGrades(LABELS, MODEL, RULES, { topGrades: 1 }).message, /^the model's A grade captures 20%/);
});

test('compareGrades takes cut-offs fitted elsewhere and refuses mismatched grade names', () => {
  const modelCutoffs = gradeCutoffs({ thresholds: [15, 5], grades: ['hot', 'warm', 'cold'] });
  const ruleCutoffs = gradeCutoffs({ thresholds: [18, 2], grades: ['hot', 'warm', 'cold'] });
  const comparison = compareGrades(LABELS, MODEL, RULES, { modelCutoffs, ruleCutoffs });
  assert.deepEqual(comparison.grades, ['hot', 'warm', 'cold']);
  assert.deepEqual(
    comparison.rows.map((r) => r.model.leads),
    [6, 10, 4],
  );
  const other = gradeCutoffs({ thresholds: [18, 2] });
  assert.throws(
    () => compareGrades(LABELS, MODEL, RULES, { modelCutoffs, ruleCutoffs: other }),
    /grades \(hot, warm, cold\) differ from the rules' \(A, B, C\)/,
  );
  assert.throws(() => compareGrades(LABELS, MODEL, RULES.slice(1)), /20 labels but 19 rule scores/);
});
