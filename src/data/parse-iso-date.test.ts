import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIsoDate, parseIsoDate } from './parse-iso-date.js';

test('parseIsoDate reads dates and date-times, with zones, as UTC when no zone is given', () => {
  assert.equal(parseIsoDate('2024-03-05'), Date.UTC(2024, 2, 5));
  assert.equal(parseIsoDate('2024-03-05T14:30:00Z'), Date.UTC(2024, 2, 5, 14, 30));
  assert.equal(parseIsoDate('2024-03-05 14:30'), Date.UTC(2024, 2, 5, 14, 30));
  assert.equal(parseIsoDate('2024-03-05T14:30:00.250+01:00'), Date.UTC(2024, 2, 5, 13, 30, 0, 250));
  assert.equal(parseIsoDate('2024-03-05T14:30:00-0230'), Date.UTC(2024, 2, 5, 17, 0));
});

test('parseIsoDate refuses impossible dates and other formats', () => {
  for (const text of ['2024-02-30', '2024-13-01', '05/03/2024', '2024-3-5', '2024-03-05T25:00', 'yesterday', '']) {
    assert.equal(isIsoDate(text), false, text);
  }
});
