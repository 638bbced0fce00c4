import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePlainNumber } from './parse-plain-number.js';

test('parsePlainNumber reads plain decimals', () => {
  assert.equal(parsePlainNumber('12'), 12);
  assert.equal(parsePlainNumber('-0.5'), -0.5);
  assert.equal(parsePlainNumber('.5'), 0.5);
  assert.equal(parsePlainNumber('0'), 0);
  assert.equal(parsePlainNumber('0.25'), 0.25);
  assert.equal(parsePlainNumber('1e-3'), 0.001);
  assert.equal(parsePlainNumber('2.5E+2'), 250);
  assert.equal(parsePlainNumber('3,5', true), 3.5);
});

test('parsePlainNumber refuses identifiers, codes and non-decimal notations', () => {
  for (const text of [
    '007',
    '02134',
    '+4930123456',
    '1234567890123456',
    'Infinity',
    'NaN',
    '0x1F',
    '1,000',
    '1.2.3',
    '',
    '-',
    '.',
    '1e',
    '12 ',
    'abc',
  ]) {
    assert.ok(Number.isNaN(parsePlainNumber(text)), text);
  }
});
