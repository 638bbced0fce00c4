import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareGrades } from '../evaluation/compare-grades.js';
import { gradeComparisonTable } from './report-tables.js';

test('gradeComparisonTable flattens the model and rule grades into plain cells, one row per grade', () => {
  // 20 leads, 4 converted; the model ranks the converted first, the rules rank them last-but-some.
  const labels = Array.from({ length: 20 }, (_, i) => (i < 4 ? 1 : 0));
  const model = labels.map((_, i) => 1 - i / 20);
  const rules = labels.map((_, i) => (i < 2 ? 0.05 : 1 - i / 20));
  const comparison = compareGrades(labels, model, rules, { shares: [0.1, 0.2, 0.3] });
  const table = gradeComparisonTable(comparison);
  assert.deepEqual(
    table.map((r) => r.grade),
    ['A', 'B', 'C', 'D'],
  );
  for (const row of table) for (const v of Object.values(row)) assert.ok(['string', 'number'].includes(typeof v), String(v));
  assert.equal(table[0]['model: leads'], 2);
  assert.equal(table[0]['model: conversions'], 2);
  assert.equal(table[0]['model: rate'], '100.0%');
  assert.equal(table[1]['model: conversions captured to here'], '100.0%');
  assert.equal(
    table.reduce((s, r) => s + Number(r['model − rules conversions']), 0),
    0,
    'both place every conversion somewhere',
  );
  assert.equal(
    table[0]['model − rules conversions'],
    comparison.rows[0].model.conversions - comparison.rows[0].rules.conversions,
  );
});
