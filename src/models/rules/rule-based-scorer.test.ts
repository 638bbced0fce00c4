import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../core/errors.js';
import { Matrix } from '../../core/matrix.js';
import { runClassifierContract } from '../../core/test-support/estimator-contract.js';
import { BUILTIN_RULES, X_EDUCATION_RULES } from './default-rules.js';
import { RuleBasedScorer } from './rule-based-scorer.js';
import { firedRules, ruleMatrix } from './rule-features.js';
import { parseRuleSet, type RuleSet } from './rule-set.js';

const contractRules: RuleSet = {
  name: 'contract',
  rules: [
    { name: 'a', points: -1, when: { field: 'a', op: 'present' } },
    { name: 'b', points: 2, when: { field: 'b', op: 'present' } },
    { name: 'c', points: -1, when: { field: 'c', op: 'present' } },
    { name: 'd', points: 0, when: { field: 'd', op: 'present' } },
    { name: 'e', points: 0, when: { field: 'e', op: 'present' } },
    { name: 'f', points: 0, when: { field: 'f', op: 'present' } },
  ],
};

runClassifierContract('RuleBasedScorer', {
  make: () => new RuleBasedScorer({ rules: contractRules }),
  minMultiClassAccuracy: 0.3,
});

const rules: RuleSet = {
  name: 'test',
  rules: [
    { name: 'Director', points: 10, when: { field: 'title', op: 'contains', value: 'director' } },
    { name: 'No time frame', points: -10, when: { field: 'timeframe', op: 'missing' } },
    { name: 'Big company', points: 5, when: { field: 'employees', op: 'gte', value: 1000 } },
    { name: 'Pricing twice', points: 5, when: { events: { pageType: 'pricing', min: 2 } } },
    { name: 'Demo request', points: 20, when: { events: { type: 'demo_request' } } },
  ],
};
const columns = { url: 'url', type: 'event_type' };

test('rules fire on raw fields and on touchpoints', () => {
  const events = [
    { url: 'https://x.com/pricing', event_type: 'page_view' },
    { url: 'https://x.com/pricing/enterprise', event_type: 'page_view' },
    { url: 'https://x.com/demo', event_type: 'Demo_Request ' },
  ];
  assert.deepEqual(
    [...firedRules(rules, { title: 'Sales Director, EMEA', timeframe: 'Select', employees: '2500' }, events, columns)],
    [1, 1, 1, 1, 1],
  );
  assert.deepEqual(
    [...firedRules(rules, { title: 'Engineer', timeframe: '0-3 months', employees: 'n/a' }, events.slice(0, 1), columns)],
    [0, 0, 0, 0, 0],
  );
});

test('the score is the sum of points; the range squash maps the possible totals onto 0–1', async () => {
  const X = ruleMatrix(rules, [
    { title: 'director', timeframe: '' },
    { title: 'x', timeframe: 'soon' },
  ]);
  const scorer = await new RuleBasedScorer({ rules, squash: 'range' }).fit(X, [1, 0]);
  assert.deepEqual([...scorer.points(X)], [0, 0]);
  assert.deepEqual(scorer.pointRange(), [-10, 40]);
  assert.deepEqual([...scorer.predictProba(X)], [0.2, 0.2]);
});

test('the logistic squash is monotone in the points and calibrated on the training rows', async () => {
  const rows: Record<string, unknown>[] = [];
  const y: number[] = [];
  for (let i = 0; i < 400; i++) {
    const director = i % 3 === 0;
    rows.push({
      title: director ? 'Director' : 'Analyst',
      timeframe: i % 4 === 0 ? '' : '3-6 months',
      employees: i % 5 === 0 ? 5000 : 50,
    });
    y.push((director ? i % 2 : i % 7 === 0 ? 1 : 0) as number);
  }
  const X = ruleMatrix(rules, rows);
  const scorer = await new RuleBasedScorer({ rules }).fit(X, y);
  const p = scorer.predictProba(X);
  const points = scorer.points(X);
  for (let i = 1; i < rows.length; i++) if (points[i] > points[0]) assert.ok(p[i] > p[0]);
  const mean = p.reduce((a, b) => a + b, 0) / p.length;
  assert.ok(Math.abs(mean - y.reduce((a, b) => a + b, 0) / y.length) < 1e-6, 'calibrated in the large');
});

test('rule sets are validated with the rule and field named', () => {
  assert.throws(() => parseRuleSet({ rules: [] }), ConfigError);
  assert.throws(
    () => parseRuleSet({ rules: [{ name: 'x', points: 'ten', when: { field: 'a', op: 'present' } }] }),
    /rules\[0\]\.points/,
  );
  assert.throws(
    () => parseRuleSet({ rules: [{ name: 'x', points: 1, when: { field: 'a', op: 'like' } }] }),
    /rules\[0\]\.when\.op/,
  );
  assert.throws(
    () => parseRuleSet({ rules: [{ name: 'x', points: 1, when: { field: 'a', op: 'gt', value: 'big' } }] }),
    /compares numbers/,
  );
  assert.throws(() => parseRuleSet({ rules: [{ name: 'x', points: 1, when: { events: { min: 2 } } }] }), /name at least one of/);
  const dup = { name: 'x', points: 1, when: { field: 'a', op: 'present' } };
  assert.throws(() => parseRuleSet({ rules: [dup, dup] }), /used twice/);
  assert.equal(parseRuleSet(BUILTIN_RULES).rules.length, BUILTIN_RULES.rules.length);
  assert.equal(parseRuleSet(X_EDUCATION_RULES).rules.length, X_EDUCATION_RULES.rules.length);
});

test('X must have one column per rule', async () => {
  await assert.rejects(
    new RuleBasedScorer({ rules }).fit(new Matrix(2, 3), [0, 1]),
    /X has 3 columns but the rule set has 5 rules/,
  );
});
