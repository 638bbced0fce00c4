import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCell, toHtmlTable } from './html-table.js';

test('formatCell: integers with separators, other numbers rounded, empty for missing', () => {
  assert.equal(formatCell(1234567), '1,234,567');
  assert.equal(formatCell(0.123456), '0.123');
  assert.equal(formatCell(0.123456, 5), '0.12346');
  assert.equal(formatCell(null), '');
  assert.equal(formatCell(undefined), '');
  assert.equal(formatCell(Number.NaN), 'NaN');
  assert.equal(formatCell('text'), 'text');
});

test('toHtmlTable shows a nested value as JSON, never as [object Object], and escapes it', () => {
  const rows = [{ grade: 'A', model: { leads: 12, rate: 0.123456 } as never, note: '<b>' }];
  const html = toHtmlTable(rows);
  assert.doesNotMatch(html, /\[object Object\]/);
  assert.match(html, /\{&quot;leads&quot;:12,&quot;rate&quot;:0\.1235\}/);
  assert.match(html, /&lt;b&gt;/);
});

test('toHtmlTable counts the rows it leaves out', () => {
  const rows = Array.from({ length: 60 }, (_, i) => ({ i }));
  const html = toHtmlTable(rows, { maxRows: 10, caption: 'c' });
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  assert.equal((body.match(/<tr>/g) ?? []).length, 10, 'ten rows shown');
  assert.match(html, /<tfoot>.*… 50 more rows/);
});
