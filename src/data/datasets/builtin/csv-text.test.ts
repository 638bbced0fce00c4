import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsvField, toCsvLine } from './csv-text.js';
import { parseCsv } from './test-support/parse-csv.js';

test('toCsvField leaves plain values bare and quotes commas, quotes, line breaks and edge whitespace', () => {
  assert.equal(toCsvField('QA lead'), 'QA lead');
  assert.equal(toCsvField(''), '');
  assert.equal(toCsvField('Director, IT'), '"Director, IT"');
  assert.equal(toCsvField('"Shift Left" Without the Hype'), '"""Shift Left"" Without the Hype"');
  assert.equal(toCsvField('head of testing '), '"head of testing "');
  assert.equal(toCsvField(' Google'), '" Google"');
  assert.equal(toCsvField('a\nb'), '"a\nb"');
});

test('toCsvLine output parses back to the same values (RFC 4180 round trip)', () => {
  const rows = [
    ['L0000001', 'Baker, Lang & Partners', 'Bright Stores ("BRS")', 'head of testing ', '', 'Müller'],
    ['L0000002', 'x', 'multi\nline', ',', '""', ' '],
  ];
  const text = rows.map(toCsvLine).join('');
  assert.deepEqual(parseCsv(text), rows);
});
