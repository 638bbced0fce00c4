import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DataError } from '../core/errors.js';
import { loadTable, loadTableSource } from './load-table.js';

const dir = mkdtempSync(join(tmpdir(), 'leadstack-load-table-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function assertDataError(run: () => unknown, name: string, pattern: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof DataError, `expected a DataError, got ${String(error)}`);
    assert.ok(error.message.includes(name), `message names the file: ${error.message}`);
    assert.match(error.message, pattern);
    return true;
  });
}

test('default placeholders become null after trimming, whatever their case', () => {
  const path = file('placeholders.csv', 'a,b\nSelect,x\n select ,NA\nn/a,null\n,NULL\nunknown, Select\n');
  const t = loadTable(path);
  assert.deepEqual(t.array('a'), [null, null, null, null, 'unknown']);
  assert.deepEqual(t.array('b'), ['x', null, null, null, null]);
});

test('configured placeholders replace the defaults', () => {
  const path = file('custom.csv', 'a\nunknown\n-\nSelect\n\n"  "\nok\n');
  assert.deepEqual(loadTable(path, { placeholders: ['unknown', '-', ''] }).array('a'), [null, null, 'Select', null, 'ok']);
});

test('values are trimmed by default and kept as written with trim: false', () => {
  const path = file('trim.csv', 'a\n" padded "\nplain\n');
  assert.deepEqual(loadTable(path).array('a'), ['padded', 'plain']);
  assert.deepEqual(loadTable(path, { trim: false }).array('a'), [' padded ', 'plain']);
});

test('numeric columns become numbers with null for missing values', () => {
  const path = file('numbers.csv', 'amount,score,visits\n1.5,-2,0\n,1e3,NA\n3,0.25,12\n');
  const t = loadTable(path);
  assert.deepEqual(t.array('amount'), [1.5, null, 3]);
  assert.deepEqual(t.array('score'), [-2, 1000, 0.25]);
  assert.deepEqual(t.array('visits'), [0, null, 12]);
});

test('identifiers, zip codes and phone numbers stay text', () => {
  const path = file(
    'ids.csv',
    'lead_id,Lead Number,zip,phone,code,ref,mixed\n1,660737,02134,+4930123456,007,1234567890123456789,12\n2,660728,10115,+15551234567,010,1234567890123456790,abc\n',
  );
  const t = loadTable(path);
  assert.deepEqual(t.array('lead_id'), ['1', '2']);
  assert.deepEqual(t.array('Lead Number'), ['660737', '660728']);
  assert.deepEqual(t.array('zip'), ['02134', '10115']);
  assert.deepEqual(t.array('phone'), ['+4930123456', '+15551234567']);
  assert.deepEqual(t.array('code'), ['007', '010']);
  assert.deepEqual(t.array('ref'), ['1234567890123456789', '1234567890123456790']);
  assert.deepEqual(t.array('mixed'), ['12', 'abc']);
});

test('dates stay ISO strings unless parseDates is set', () => {
  const path = file('dates.csv', 'created_at\n2024-01-05T10:00:00Z\n2024-02-01\n\n');
  assert.deepEqual(loadTable(path).array('created_at'), ['2024-01-05T10:00:00Z', '2024-02-01']);
  const parsed = loadTable(path, { parseDates: true }).array('created_at') as Date[];
  assert.deepEqual(
    parsed.map((d) => d.toISOString()),
    ['2024-01-05T10:00:00.000Z', '2024-02-01T00:00:00.000Z'],
  );
});

test('forced types override detection and report unreadable values with their line', () => {
  const path = file('forced.csv', 'code,amount,when\n007,5,2024-01-01\n+5,6,2024-01-02\n');
  const t = loadTable(path, { types: { code: 'number', amount: 'string', when: 'date' } });
  assert.deepEqual(t.array('code'), [7, 5]);
  assert.deepEqual(t.array('amount'), ['5', '6']);
  assert.ok(t.get('when', 0) instanceof Date);
  const bad = file('forced-bad.csv', 'amount\n1\n2\n"x\ny"\n3\nabc\n');
  assertDataError(
    () => loadTable(bad, { types: { amount: 'number' } }),
    'forced-bad.csv',
    /line 4: column "amount" holds "x\\ny", which is not a number/,
  );
  assertDataError(
    () => loadTable(path, { types: { amuont: 'number' } }),
    'forced.csv',
    /names column "amuont".*did you mean "amount"/,
  );
});

test('caseFold columns are trimmed and lower-cased', () => {
  const path = file('fold.csv', 'source\nGoogle\n google \nGOOGLE\nbing\n');
  assert.deepEqual(loadTable(path, { caseFold: ['source'] }).array('source'), ['google', 'google', 'google', 'bing']);
});

test('decimalComma reads semicolon exports with decimal commas', () => {
  const path = file('comma.csv', 'name;amount\nA;3,5\nB;10\n');
  assert.deepEqual(loadTable(path, { decimalComma: true }).array('amount'), [3.5, 10]);
  assert.deepEqual(loadTable(path).array('amount'), ['3,5', '10']);
});

test('loadTableSource reports the line each row starts on', () => {
  const path = file('lines.csv', 'a,b\n1,"x\ny"\n\n2,z\n');
  const source = loadTableSource(path);
  assert.deepEqual([...source.lines], [2, 5]);
  assert.equal(source.format, 'csv');
});

test('JSON lines load with the union of keys as columns and the same type detection', () => {
  const path = file(
    'events.jsonl',
    '{"id":"a","n":1,"ok":true}\n\n{"id":"b","n":2.5,"extra":{"k":[1]}}\n{"id":"c","n":null,"ok":false,"s":"Select"}\n',
  );
  const t = loadTable(path);
  assert.deepEqual(t.columnNames(), ['id', 'n', 'ok', 'extra', 's']);
  assert.deepEqual(t.array('n'), [1, 2.5, null]);
  assert.deepEqual(t.array('ok'), ['true', null, 'false']);
  assert.deepEqual(t.array('extra'), [null, '{"k":[1]}', null]);
  assert.deepEqual(t.array('s'), [null, null, null]);
  assert.deepEqual([...loadTableSource(path).lines], [1, 3, 4]);
  const ndjson = file('events.ndjson', '{"a":1}\n');
  assert.deepEqual(loadTable(ndjson).array('a'), [1]);
});

test('invalid JSON lines are DataErrors naming file and line', () => {
  assertDataError(() => loadTable(file('bad.jsonl', '{"a":1}\n{"a":2,}\n')), 'bad.jsonl', /line 2 is not valid JSON/);
  assertDataError(
    () => loadTable(file('array.jsonl', '{"a":1}\n\n[1,2]\n')),
    'array.jsonl',
    /line 3 holds an array; each line must hold one JSON object/,
  );
  assertDataError(() => loadTable(file('empty.jsonl', '\n\n')), 'empty.jsonl', /empty/);
});

test('gzip-compressed files are read transparently', () => {
  const path = file('leads.csv.gz', gzipSync(Buffer.from('a,b\n1,x\n2,y\n')));
  assert.deepEqual(loadTable(path).array('a'), [1, 2]);
});

test('missing files, directories and bad content are DataErrors naming the file', () => {
  assertDataError(() => loadTable(join(dir, 'nope.csv')), 'nope.csv', /file not found/);
  mkdirSync(join(dir, 'folder.csv'), { recursive: true });
  assertDataError(() => loadTable(join(dir, 'folder.csv')), 'folder.csv', /is a directory/);
  assertDataError(() => loadTable(file('empty.csv', '')), 'empty.csv', /empty/);
  assertDataError(
    () => loadTable(file('binary.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))),
    'binary.csv',
    /does not look like a CSV text file/,
  );
  assertDataError(
    () => loadTable(file('ragged.csv', 'a,b,c\n1,2,3\n4,5\n')),
    'ragged.csv',
    /line 3 has 2 fields, expected 3 \(header\)/,
  );
  assertDataError(
    () => loadTable(file('quote.csv', 'a\n"open\n')),
    'quote.csv',
    /line 2: field 1 opens a quote that is never closed/,
  );
});

test('a header-only file loads as a table with zero rows', () => {
  const t = loadTable(file('header.csv', 'a,b\n'));
  assert.equal(t.numRows(), 0);
  assert.deepEqual(t.columnNames(), ['a', 'b']);
});
