import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError } from '../../core/errors.js';
import { DEFAULT_PLACEHOLDERS } from '../missing-placeholders.js';
import { loadDatasetConfig, parseDatasetConfig } from './parse-dataset-config.js';

const dir = mkdtempSync(join(tmpdir(), 'leadstack-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const minimal = { leads: 'leads.csv', target: { column: 'Converted', positive: '1' } };

function assertConfigError(run: () => unknown, pattern: RegExp, field?: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.match(error.message, /^my-crm\.json/);
    assert.match(error.message, pattern);
    if (field !== undefined) assert.equal(error.location.field, field);
    return true;
  });
}

const parse = (value: unknown) => parseDatasetConfig(value, { file: 'my-crm.json' });

test('a minimal config gets its defaults', () => {
  const config = parse(minimal);
  assert.equal(config.name, 'my-crm');
  assert.deepEqual(config.placeholders, [...DEFAULT_PLACEHOLDERS]);
  assert.deepEqual(
    [config.drop, config.pii, config.postOutcome, config.caseFold, config.formFields, config.enrichmentFields],
    [[], [], [], [], [], []],
  );
  assert.equal(config.events, undefined);
});

test('a full config is read field by field', () => {
  const config = parse({
    name: 'crm',
    leads: 'leads.csv',
    target: { column: 'won', positive: 1 },
    id: 'Prospect ID',
    date: 'created_at',
    labelTime: 'accepted_at',
    drop: ['Lead Number'],
    postOutcome: ['Tags'],
    pii: ['email'],
    placeholders: ['', 'Select'],
    caseFold: ['Lead Source'],
    formFields: ['budget'],
    enrichmentFields: ['employees'],
    stage: 'funnel_stage',
    events: { path: 'events.csv', leadId: 'lead_id', time: 'timestamp', url: 'url', duration: 'time_on_page_s' },
    truth: { path: 'truth.csv' },
  });
  assert.equal(config.target.positive, 1);
  assert.deepEqual(config.events, {
    path: 'events.csv',
    leadId: 'lead_id',
    time: 'timestamp',
    url: 'url',
    duration: 'time_on_page_s',
  });
  assert.deepEqual(config.truth, { path: 'truth.csv' });
  assert.deepEqual(config.placeholders, ['', 'Select']);
});

test('an unknown field is refused with the known fields and a suggestion', () => {
  assertConfigError(
    () => parse({ ...minimal, postOutcomes: ['Tags'] }),
    /is not a known field \(did you mean "postOutcome"\?\); known fields: name, leads, target/,
    'postOutcomes',
  );
  assertConfigError(
    () => parse({ ...minimal, events: { path: 'e.csv', leadId: 'id', time: 't', when: 'x' } }),
    /known fields of events: path, leadId, time/,
    'events.when',
  );
});

test('wrong types name the field and what was expected', () => {
  assertConfigError(
    () => parse({ ...minimal, drop: 'Lead Number' }),
    /must be a list of column names, got the string "Lead Number"/,
    'drop',
  );
  assertConfigError(() => parse({ ...minimal, pii: ['email', 3] }), /must be a string, got number 3/, 'pii[1]');
  assertConfigError(() => parse({ ...minimal, id: 42 }), /must be a string, got number 42/, 'id');
  assertConfigError(
    () => parse({ ...minimal, target: { column: 'x', positive: true } }),
    /must be a string or a finite number, got boolean true/,
    'target.positive',
  );
  assertConfigError(() => parse({ ...minimal, target: { column: 'x' } }), /is required/, 'target.positive');
  assertConfigError(() => parse({ leads: 'x.csv' }), /is required/, 'target');
  assertConfigError(() => parse({ ...minimal, target: 'Converted' }), /must be an object/, 'target');
  assertConfigError(() => parse({ ...minimal, events: { path: 'e.csv', time: 't' } }), /is required/, 'events.leadId');
  assertConfigError(() => parse([minimal]), /must be the dataset config, got a list/);
  assertConfigError(() => parse({ ...minimal, caseFold: ['a', 'a'] }), /repeats "a"/, 'caseFold[1]');
  assertConfigError(() => parse({ ...minimal, name: '' }), /must not be empty/, 'name');
});

test('contradictions between fields are refused', () => {
  assertConfigError(() => parse({ ...minimal, drop: ['Converted'] }), /the target cannot be dropped/, 'drop');
  assertConfigError(() => parse({ ...minimal, id: 'Converted' }), /names the target column/, 'id');
  assertConfigError(() => parse({ ...minimal, id: 'pid', drop: ['pid'] }), /the id cannot be dropped/, 'drop');
});

test('invalid JSON is a ConfigError with line and column', () => {
  const text = '{\n  "leads": "leads.csv",\n  "target": { "column": "Converted", "positive": 1 },\n}\n';
  assertConfigError(() => parse(text), /line 4, column 1: not valid JSON: expected double-quoted property name/);
  assertConfigError(() => parse('{\n  "leads": tru\n}'), /line 2, column \d+: not valid JSON: unexpected token/);
  assertConfigError(() => parse('{\n  "leads": "x"'), /line 2, column 15: not valid JSON: expected/);
  assertConfigError(() => parse('{ "a": 1 } // comment'), /line 1, column 12: not valid JSON/);
});

test('loadDatasetConfig reads a file and says where it looked when it is missing', () => {
  const path = join(dir, 'crm.json');
  writeFileSync(path, JSON.stringify(minimal));
  assert.equal(loadDatasetConfig(path).name, 'crm');
  assert.throws(
    () => loadDatasetConfig(join(dir, 'none.json')),
    (e: unknown) => e instanceof ConfigError && /not found \(looked for/.test(e.message),
  );
});
