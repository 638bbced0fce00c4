import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIsoDate } from '../data/parse-iso-date.js';
import { cleanText, cleanTime, isPlaceholder, parseIsoTime, placeholderSet } from './normalize-value.js';

test('parseIsoTime reads every date-time exactly as parseIsoDate, the fast common form included', () => {
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  let checked = 0;
  for (let k = 0; k < 40_000; k++) {
    const year = [50, 999, 1000, 1600, 1900, 1970, 2000, 2023, 2024, 2100, 9999][k % 11];
    const text = `${pad(year, 4)}-${pad((k * 7) % 14, 2)}-${pad((k * 13) % 33, 2)}T${pad((k * 5) % 26, 2)}:${pad((k * 11) % 62, 2)}:${pad((k * 3) % 62, 2)}Z`;
    assert.ok(Object.is(parseIsoTime(text), parseIsoDate(text)), text);
    checked++;
  }
  for (const text of [
    '2024-02-29T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-01-31T23:59:60Z',
    '2024-01-01t00:00:00z',
    '2024-01-01T00:00:00',
    '2024-01-01',
    '2024-01-0aT00:00:00Z',
    '2024-03-05 14:30:00.123+01:00',
  ])
    assert.ok(Object.is(parseIsoTime(text), parseIsoDate(text)), text);
  assert.equal(checked, 40_000);
  // Every day of years around each leap rule, at the first and the last second.
  for (const year of [1000, 1582, 1600, 1899, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 2400, 9999])
    for (let month = 1; month <= 12; month++)
      for (let day = 1; day <= 31; day++)
        for (const time of ['00:00:00', '23:59:59']) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}Z`;
          assert.ok(Object.is(parseIsoTime(text), parseIsoDate(text)), text);
        }
});

test('placeholders are found by length first, then lower-cased', () => {
  const set = placeholderSet(['Select', 'N/A', '']);
  assert.ok(isPlaceholder('select', set) && isPlaceholder('N/a', set) && isPlaceholder('', set));
  assert.ok(!isPlaceholder('Selected', set) && !isPlaceholder('https://example.com/select', set));
  assert.equal(cleanText('  SELECT ', true, set), null);
  assert.equal(cleanText(' Software ', true, set), 'software');
  assert.equal(cleanTime('N/A', set), null);
  assert.equal(cleanTime(' 2024-03-05T14:30:00Z ', set), Date.UTC(2024, 2, 5, 14, 30, 0));
  // A set that grows is measured again; a frozen set is measured too.
  set.add('not provided');
  assert.ok(isPlaceholder('Not Provided', set));
  const frozen = Object.freeze(placeholderSet(['unknown']));
  assert.ok(isPlaceholder('UNKNOWN', frozen) && !isPlaceholder('unknowns', frozen));
});
