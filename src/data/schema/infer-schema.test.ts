import assert from 'node:assert/strict';
import { test } from 'node:test';
import { table } from 'arquero';
import { parseDatasetConfig } from '../datasets/parse-dataset-config.js';
import { columnStats } from './column-stats.js';
import { inferColumnKind } from './infer-column-kind.js';
import { inferSchema } from './infer-schema.js';

const kindOf = (name: string, values: unknown[]) => inferColumnKind(name, columnStats(values)).kind;
const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

test('booleans are recognized in any casing and as 0/1 numbers', () => {
  assert.equal(kindOf('Do Not Email', ['No', 'Yes', 'no', 'YES ', null]), 'boolean');
  assert.equal(kindOf('opt_in', ['TRUE', 'false']), 'boolean');
  assert.equal(kindOf('flag', ['Y', 'N', 'Y']), 'boolean');
  assert.equal(kindOf('flag', ['t', 'f']), 'boolean');
  assert.equal(kindOf('converted', [0, 1, 1, 0]), 'boolean');
  assert.equal(kindOf('constant', ['No', 'No']), 'boolean');
  assert.equal(kindOf('zeros', [0, 0, 0]), 'numeric');
  assert.equal(kindOf('mixed', ['yes', 'false']), 'categorical');
  assert.equal(kindOf('native', [true, false]), 'boolean');
});

test('numbers are numeric unless they are unique integers with an id-like name', () => {
  assert.equal(kindOf('visits', [1, 2, 2, 5.5, null]), 'numeric');
  assert.equal(kindOf('Lead Number', [101, 102, 103]), 'id');
  assert.equal(kindOf('Lead Number', [101, 101, 103]), 'numeric');
  assert.equal(
    kindOf(
      'annual_revenue',
      many(50, (i) => 1000 + i),
    ),
    'numeric',
  );
});

test('dates, ids, free text and categories are told apart', () => {
  assert.equal(kindOf('created_at', ['2024-01-01', '2024-01-02T10:00:00Z', null]), 'date');
  assert.equal(kindOf('when', [new Date(0), new Date(1)]), 'date');
  assert.equal(kindOf('Prospect ID', ['a', 'b', 'c']), 'id');
  assert.equal(
    kindOf(
      'ref',
      many(30, (i) => `7927b2df-8bba-4d29-b9a2-${String(i).padStart(12, '0')}`),
    ),
    'id',
  );
  assert.equal(kindOf('ref', ['a1b2', 'c3d4', 'e5f6']), 'categorical');
  assert.equal(
    kindOf(
      'notes',
      many(20, (i) => `Called on day ${i}, asked for a demo next week`),
    ),
    'text',
  );
  assert.equal(
    kindOf(
      'email',
      many(40, (i) => `person${i}@example.com`),
    ),
    'text',
  );
  assert.equal(
    kindOf(
      'source',
      many(40, (i) => ['Google', 'Direct', 'Referral'][i % 3]),
    ),
    'categorical',
  );
  assert.equal(kindOf('empty', [null, null]), 'empty');
  assert.equal(kindOf('empty', []), 'empty');
});

test('inferSchema adds roles and groups from the config, with the target and id first', () => {
  const leads = table({
    id: ['a', 'b', 'c', 'd'],
    won: [1, 0, 0, 1],
    created: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'],
    closed: [null, null, '2024-02-01', null],
    stage: ['won', 'lost', 'lost', 'won'],
    tags: ['x', 'y', 'x', 'y'],
    email: ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io'],
    budget: ['low', null, 'high', 'low'],
    employees: [10, 20, null, 5],
    old_id: [1, 2, 3, 4],
    source: ['web', 'ads', 'web', 'web'],
  });
  const config = parseDatasetConfig({
    target: { column: 'won', positive: 1 },
    id: 'id',
    date: 'created',
    labelTime: 'closed',
    stage: 'stage',
    postOutcome: ['tags', 'closed'],
    pii: ['email'],
    drop: ['old_id'],
    formFields: ['budget'],
    enrichmentFields: ['employees'],
  });
  const byName = Object.fromEntries(inferSchema(leads, config).columns.map((c) => [c.name, c]));
  assert.deepEqual(Object.fromEntries(Object.entries(byName).map(([n, c]) => [n, c.role])), {
    id: 'id',
    won: 'target',
    created: 'date',
    closed: 'labelTime',
    stage: 'stage',
    tags: 'postOutcome',
    email: 'pii',
    budget: 'feature',
    employees: 'feature',
    old_id: 'dropped',
    source: 'feature',
  });
  assert.equal(byName.id.kind, 'id');
  assert.equal(byName.won.kind, 'boolean');
  assert.equal(byName.created.kind, 'date');
  assert.equal(byName.budget.group, 'form');
  assert.equal(byName.employees.group, 'enrichment');
  assert.equal(byName.employees.kind, 'numeric');
  assert.equal(inferSchema(leads).columns.find((c) => c.name === 'won')!.role, 'feature');
});

test('inferSchema reads filtered tables row by row as they appear', () => {
  const t = table({ id: ['a', 'b', 'c'], v: [1, 2, 3] }).filter((d: { v: number }) => d.v > 1);
  const schema = inferSchema(t);
  assert.equal(schema.columns[1].kind, 'numeric');
});
