import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StringColumnBuilder, stringAt, toStringArray } from './string-column-builder.js';

test('a column of repeated values stays dictionary-encoded and reads back exactly', () => {
  const builder = new StringColumnBuilder();
  const text = 'email,organic,email,,organic,paid';
  const values = text.split(',');
  let at = 0;
  for (const v of values) {
    builder.addSpan(text, at, at + v.length);
    at += v.length + 1;
  }
  for (let i = 0; i < 5000; i++) builder.addValue(values[i % values.length]);
  const column = builder.finish();
  assert.deepEqual(column.dictionary, ['email', 'organic', '', 'paid']);
  assert.equal(column.length, 5006);
  assert.deepEqual(toStringArray(column).slice(0, 6), values);
  assert.equal(stringAt(column, 5005), values[4999 % 6]);
});

test('a column of mostly distinct values switches to plain strings without losing rows', () => {
  const builder = new StringColumnBuilder();
  const expected: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const v = i % 3 === 0 ? 'same' : `2024-01-01T00:00:${i}`;
    expected.push(v);
    builder.addValue(v);
  }
  const column = builder.finish();
  assert.equal(column.dictionary, undefined);
  assert.deepEqual(toStringArray(column), expected);
});

test('values with equal hashes of head and tail but different middles stay distinct', () => {
  const builder = new StringColumnBuilder();
  const a = `https://example.com/${'a'.repeat(40)}/x/${'b'.repeat(30)}`;
  const b = `https://example.com/${'a'.repeat(40)}/y/${'b'.repeat(30)}`;
  for (let i = 0; i < 10; i++) builder.addValue(i % 2 ? a : b);
  const column = builder.finish();
  assert.equal(column.dictionary!.length, 2);
  assert.deepEqual(toStringArray(column).slice(0, 2), [b, a]);
});
