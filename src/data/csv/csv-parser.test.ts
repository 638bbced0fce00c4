import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DataError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { readCsvBatches } from './csv-batches.js';
import { createCsvParser } from './csv-parser.js';
import { parseCsv } from './parse-csv.js';

const rows = (text: string | Uint8Array, delimiter?: string) => {
  const parsed = parseCsv(text, { file: 'leads.csv', delimiter });
  return {
    header: parsed.header,
    records: parsed.columns[0].map((_, i) => parsed.columns.map((c) => c[i])),
    lines: [...parsed.lines],
    delimiter: parsed.delimiter,
  };
};

/** Asserts a DataError whose message names the file and matches `pattern`. */
function assertDataError(run: () => unknown, pattern: RegExp, line?: number): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof DataError, `expected a DataError, got ${String(error)}`);
    assert.match(error.message, /^leads\.csv/);
    assert.match(error.message, pattern);
    if (line !== undefined) {
      assert.equal(error.location.row, line);
      assert.match(error.message, new RegExp(`line ${line}\\b`));
    }
    return true;
  });
}

test('parseCsv sniffs comma, semicolon, tab and pipe delimiters', () => {
  assert.equal(rows('a,b\n1,2\n').delimiter, ',');
  assert.deepEqual(rows('a;b;c\n1;2,5;3\n4;5;6\n').records, [
    ['1', '2,5', '3'],
    ['4', '5', '6'],
  ]);
  assert.equal(rows('a\tb\n1\t2\n').delimiter, '\t');
  assert.equal(rows('a|b\n1|2\n').delimiter, '|');
  assert.equal(rows('only\n1\n2\n').delimiter, ',');
});

test('in a tab-delimited file, tabs around a quoted field are delimiters, not padding', () => {
  assert.deepEqual(rows('id\tnote\tn\n1\t"a\tb"\t2\n2\t\t"x"\n3\t "y" \t4\n').records, [
    ['1', 'a\tb', '2'],
    ['2', '', 'x'],
    ['3', 'y', '4'],
  ]);
  // Spaces and tabs around a quoted field are padding when commas delimit.
  assert.deepEqual(rows('id,note\n1,\t "a" \t\n').records, [['1', 'a']]);
});

test('the sniffer ignores delimiters inside quoted fields', () => {
  const text = 'name;note\n"Smith, J.";"a, b, c"\n"Doe, A.";"x, y"\n';
  assert.equal(rows(text).delimiter, ';');
  assert.deepEqual(rows(text).records[0], ['Smith, J.', 'a, b, c']);
});

test('quoted fields hold delimiters, doubled quotes and line breaks; lines count physical lines', () => {
  const text = 'id,note,n\n1,"hello, world",2\n2,"she said ""hi""",3\n3,"two\nlines\nhere",4\n4,plain,5\n';
  const parsed = rows(text);
  assert.deepEqual(parsed.records, [
    ['1', 'hello, world', '2'],
    ['2', 'she said "hi"', '3'],
    ['3', 'two\nlines\nhere', '4'],
    ['4', 'plain', '5'],
  ]);
  assert.deepEqual(parsed.lines, [2, 3, 4, 7]);
});

test('CRLF and LF files parse alike, CRLF inside quotes is kept, a UTF-8 BOM is dropped', () => {
  const lf = rows('a,b\n1,2\n3,"x"\n');
  const crlf = rows('\uFEFFa,b\r\n1,2\r\n3,"x"\r\n');
  assert.deepEqual(crlf, lf);
  assert.deepEqual(rows('a,b\r\n1,"p\r\nq"\r\n').records, [['1', 'p\r\nq']]);
  const bomBytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('x,y\n1,2\n')]);
  assert.deepEqual(rows(bomBytes).header, ['x', 'y']);
});

test('old Mac files with bare CR line endings parse', () => {
  assert.deepEqual(rows('a,b\r1,2\r3,4\r').records, [
    ['1', '2'],
    ['3', '4'],
  ]);
});

test('empty fields, a trailing empty field, blank lines and a missing final newline are handled', () => {
  const parsed = rows('a,b,c\n1,,3\n\n,,\n4,5,');
  assert.deepEqual(parsed.records, [
    ['1', '', '3'],
    ['', '', ''],
    ['4', '5', ''],
  ]);
  assert.deepEqual(parsed.lines, [2, 4, 5]);
});

test('spaces around a quoted field are tolerated and header names are trimmed', () => {
  assert.deepEqual(rows(' a , b \n "x,1" ,2\n'), { header: ['a', 'b'], records: [['x,1', '2']], lines: [2], delimiter: ',' });
});

test('a header-only file has zero rows', () => {
  const parsed = parseCsv('a,b,c\n', { file: 'leads.csv' });
  assert.deepEqual(parsed.header, ['a', 'b', 'c']);
  assert.deepEqual(parsed.columns, [[], [], []]);
});

test('results do not depend on how the input is cut into chunks', () => {
  const rng = new Rng(5);
  const lines = ['id;text;amount'];
  for (let i = 0; i < 300; i++) {
    const text = rng.pick(['plain', '"semi;colon"', '"quote ""q"""', '"multi\r\nline"', 'ünïcödé €', '""']);
    lines.push(`${i};${text};${(rng.next() * 100).toFixed(2)}`);
  }
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  const expected = rows(text);
  const bytes = new TextEncoder().encode(text);
  for (const size of [1, 2, 3, 5, 64, 997]) {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
    const parsed = parseCsv(chunks, { file: 'leads.csv', sniffChars: 16 });
    assert.deepEqual(
      parsed.columns[1],
      expected.records.map((r) => r[1]),
      `chunk size ${size}`,
    );
    assert.deepEqual([...parsed.lines], expected.lines, `chunk size ${size}`);
  }
  const stringChunks = text.match(/[\s\S]{1,7}/g)!;
  assert.deepEqual(
    parseCsv(stringChunks, { sniffChars: 10 }).columns[2],
    expected.records.map((r) => r[2]),
  );
});

test('the streaming parser hands records to onRecord with their line numbers', () => {
  const seen: [string[], number][] = [];
  const parser = createCsvParser({ onRecord: (fields, line) => seen.push([fields, line]) });
  parser.push('a,b\n1,');
  parser.push('2\n"x\ny",3\n');
  parser.end();
  assert.deepEqual(parser.header, ['a', 'b']);
  assert.deepEqual(seen, [
    [['1', '2'], 2],
    [['x\ny', '3'], 3],
  ]);
});

test('readCsvBatches yields batches of the requested size from an async source', async () => {
  async function* source() {
    yield 'id,v\n';
    for (let i = 0; i < 25; i++) yield `${i},${i * 2}\n`;
  }
  const batches = [];
  for await (const batch of readCsvBatches(source(), { batchSize: 10, file: 'leads.csv' })) batches.push(batch);
  assert.deepEqual(
    batches.map((b) => b.rows.length),
    [10, 10, 5],
  );
  assert.deepEqual(batches[2].rows[4], ['24', '48']);
  assert.equal(batches[2].lines[4], 26);
  assert.deepEqual(batches[0].header, ['id', 'v']);
});

test('a ragged row is a DataError naming file, line and the expected field count', () => {
  assertDataError(
    () => parseCsv('a,b,c\n1,2,3\n"x\ny",2,3\n4,5\n', { file: 'leads.csv' }),
    /line 5 has 2 fields, expected 3 \(header\)/,
    5,
  );
  assertDataError(
    () => parseCsv('a,b\n1,2,3\n', { file: 'leads.csv' }),
    /line 2 has 3 fields, expected 2.*without being quoted/,
    2,
  );
});

test('an unterminated quote and text after a closing quote are DataErrors with the line', () => {
  assertDataError(
    () => parseCsv('a,b\n1,2\n3,"open\nmore\n', { file: 'leads.csv' }),
    /line 3: field 2 opens a quote that is never closed/,
    3,
  );
  assertDataError(
    () => parseCsv('a,b\n1,"x"y\n', { file: 'leads.csv' }),
    /line 2: field 2 has text "y\\n" after its closing quote/,
    2,
  );
});

test('empty files, blank headers and bad header names are DataErrors', () => {
  assertDataError(() => parseCsv('', { file: 'leads.csv' }), /the file is empty; expected a header/);
  assertDataError(() => parseCsv('\n\n', { file: 'leads.csv' }), /the file is empty/);
  assertDataError(() => parseCsv(new Uint8Array([0xef, 0xbb, 0xbf]), { file: 'leads.csv' }), /the file is empty/);
  assertDataError(() => parseCsv(',,\n1,2,3\n', { file: 'leads.csv' }), /line 1: the header is blank/, 1);
  assertDataError(() => parseCsv('a,,c\n', { file: 'leads.csv' }), /line 1: header column 2 has no name/, 1);
  assertDataError(() => parseCsv('a,b,\n', { file: 'leads.csv' }), /column 3 has no name \(a trailing delimiter/);
  assertDataError(
    () => parseCsv('\n\nid,Email,id\n', { file: 'leads.csv' }),
    /line 3: header names column 1 and column 3 both "id"/,
    3,
  );
});

test('binary and non-UTF-8 input is refused as not a CSV text file', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  assertDataError(
    () => parseCsv(bytes(0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01), { file: 'leads.csv' }),
    /does not look like a CSV text file: byte 5 is a NUL/,
  );
  assertDataError(
    () => parseCsv(bytes(0x50, 0x4b, 0x03, 0x04, 0x14), { file: 'leads.csv' }),
    /does not look like a CSV text file.*Excel/,
  );
  assertDataError(() => parseCsv(bytes(0xff, 0xfe, 0x61, 0x00), { file: 'leads.csv' }), /UTF-16/);
  assertDataError(
    () => parseCsv(bytes(0x61, 0x0a, 0xc3, 0x28, 0x0a), { file: 'leads.csv' }),
    /does not look like a CSV text file: it is not valid UTF-8/,
  );
  assertDataError(() => parseCsv('a,b\n\u0000,1\n', { file: 'leads.csv' }), /does not look like a CSV text file/);
});

test('invalid UTF-8 past the first kilobyte is reported with the line', () => {
  const head = new TextEncoder().encode(`a,b\n${'x,y\n'.repeat(400)}`);
  const input = new Uint8Array([...head, 0xe9, 0x2c, 0x31, 0x0a]);
  assertDataError(
    () => parseCsv([input.subarray(0, 1000), input.subarray(1000)], { file: 'leads.csv' }),
    /not valid UTF-8 text at or after line \d+/,
  );
  assert.equal(parseCsv(input, { encoding: 'latin1' }).columns[0].at(-1), 'é');
});

test('a multi-byte character split across chunks decodes intact', () => {
  const bytes = new TextEncoder().encode('name\nJosé\nZoë\n');
  const chunks = Array.from(bytes, (b) => new Uint8Array([b]));
  assert.deepEqual(parseCsv(chunks).columns[0], ['José', 'Zoë']);
});

test('an invalid explicit delimiter is refused', () => {
  assert.throws(() => createCsvParser({ delimiter: ';;', onRecord: () => {} }), /delimiter must be one character/);
});
