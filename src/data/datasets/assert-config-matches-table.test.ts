import assert from 'node:assert/strict';
import { test } from 'node:test';
import { table } from 'arquero';
import { ConfigError, DataError } from '../../core/errors.js';
import { assertConfigMatchesTable } from './assert-config-matches-table.js';
import { parseDatasetConfig } from './parse-dataset-config.js';

const leads = table({
  'Prospect ID': ['a', 'b', 'c', 'd'],
  'Lead Source': ['Google', 'Direct', 'google', null],
  Converted: [1, 0, 0, 1],
  created: ['2024-01-01', '2024-01-02', null, '2024-01-04T10:00:00Z'],
});

const config = (extra: Record<string, unknown> = {}) =>
  parseDatasetConfig({ target: { column: 'Converted', positive: 1 }, id: 'Prospect ID', ...extra }, { file: 'crm.json' });
const context = { configFile: 'crm.json', dataFile: 'leads.csv' };

test('a config that matches the table passes', () => {
  assertConfigMatchesTable(config({ caseFold: ['Lead Source'], date: 'created' }), leads, context);
});

test('an unknown column is reported with the available columns and a close match', () => {
  assert.throws(
    () => assertConfigMatchesTable(config({ caseFold: ['Lead Sorce'], pii: ['email'] }), leads, context),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^crm\.json, field "pii\[0\]": names 2 columns that leads\.csv does not have/);
      assert.match(error.message, /caseFold\[0\] "Lead Sorce" \(did you mean "Lead Source"\?\)/);
      assert.match(error.message, /pii\[0\] "email"; caseFold/);
      assert.match(error.message, /Available columns: "Prospect ID", "Lead Source", "Converted", "created"/);
      return true;
    },
  );
  assert.throws(
    () => assertConfigMatchesTable(config({ target: { column: 'converted', positive: 1 } }), leads, context),
    /target\.column "converted" \(did you mean "Converted"\?\)/,
  );
});

test('a positive value that never occurs is a ConfigError listing the values seen', () => {
  assert.throws(
    () => assertConfigMatchesTable(config({ target: { column: 'Converted', positive: 2 } }), leads, context),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.location.field === 'target.positive' &&
      /value 2 never occurs in target column "Converted"; its values are 0 \(2\), 1 \(2\)/.test(error.message),
  );
});

test('a single class is refused', () => {
  const oneClass = table({ id: ['a', 'b'], won: ['yes', 'Yes'] });
  assert.throws(
    () => assertConfigMatchesTable(parseDatasetConfig({ target: { column: 'won', positive: 'yes' } }), oneClass),
    /a classifier needs two classes/,
  );
});

test('unreadable and missing labels are reported with their lines', () => {
  const messy = table({ id: ['a', 'b', 'c', 'd'], won: [1, 'yes', 0, null] });
  const numeric = parseDatasetConfig({ target: { column: 'won', positive: '1' } });
  assert.throws(
    () => assertConfigMatchesTable(numeric, messy, { dataFile: 'leads.csv', lines: Int32Array.from([2, 3, 5, 6]) }),
    (error: unknown) => {
      assert.ok(error instanceof DataError);
      assert.equal(error.location.row, 3);
      assert.match(
        error.message,
        /^leads\.csv: target column "won" must hold numbers because target\.positive is "1", but 1 value does not: line 3 \("yes"\)/,
      );
      return true;
    },
  );
  const missing = table({ id: ['a', 'b', 'c'], won: [1, null, 0] });
  assert.throws(
    () => assertConfigMatchesTable(numeric, missing, { dataFile: 'leads.csv' }),
    /target column "won" is missing on 1 row: line 3 \(null\)/,
  );
  assertConfigMatchesTable(numeric, missing, { allowUnlabeled: true });
});

test('duplicate or empty ids and unparseable dates are DataErrors with the line', () => {
  const dup = table({ id: ['a', 'b', 'a'], won: [1, 0, 0] });
  const c = parseDatasetConfig({ target: { column: 'won', positive: 1 }, id: 'id' });
  assert.throws(
    () => assertConfigMatchesTable(c, dup, { dataFile: 'leads.csv' }),
    /leads\.csv: line 4: id "a" of column "id" was already used on line 2/,
  );
  const noId = table({ id: ['a', null], won: [1, 0] });
  assert.throws(() => assertConfigMatchesTable(c, noId, { dataFile: 'leads.csv' }), /line 3: id column "id" is empty/);
  const badDate = table({ id: ['a', 'b'], won: [1, 0], at: ['2024-01-01', '01/02/2024'] });
  assert.throws(
    () =>
      assertConfigMatchesTable(parseDatasetConfig({ target: { column: 'won', positive: 1 }, date: 'at' }), badDate, {
        dataFile: 'leads.csv',
      }),
    /line 3: date column "at" holds "01\/02\/2024", expected an ISO date/,
  );
});

test('event column names are checked against the events table', () => {
  const events = table({ lead: ['a'], ts: ['2024-01-01'] });
  const withEvents = config({ events: { path: 'events.csv', leadId: 'lead_id', time: 'ts' } });
  assert.throws(
    () => assertConfigMatchesTable(withEvents, leads, { ...context, events }),
    /events\.csv does not have: events\.leadId "lead_id" \(did you mean "lead"\?\)\. Available columns: "lead", "ts"/,
  );
});
