import { isIdentifierName } from '../identifier-names.js';
import { parseIsoDate } from '../parse-iso-date.js';
import type { ColumnStats, ValueKey } from './column-stats.js';

/**
 * What a column holds, which decides how features are built from it:
 * - `id`: one distinct value per row that names a record (never a feature);
 * - `numeric`: numbers with an order and a scale;
 * - `categorical`: a limited set of labels;
 * - `boolean`: two values such as Yes/No, true/false, Y/N, 1/0 (any case);
 * - `date`: ISO dates or date-times;
 * - `text`: free text or contact data, long or (nearly) unique strings;
 * - `empty`: every value missing.
 */
export type ColumnKind = 'id' | 'numeric' | 'categorical' | 'boolean' | 'date' | 'text' | 'empty';

export interface KindGuess {
  kind: ColumnKind;
  /** Why, in a few words, for reports. */
  reason: string;
}

/** Share of distinct values (among present ones) from which a column counts as unique. */
export const UNIQUE_SHARE = 0.95;
/** Distinct share from which long strings count as free text. */
export const TEXT_DISTINCT_SHARE = 0.5;
/** Mean length (characters) from which mostly-distinct strings count as free text. */
export const TEXT_MEAN_LENGTH = 30;
/** Mean word count from which mostly-distinct strings count as free text. */
export const TEXT_MEAN_WORDS = 4;
/** Present values a column needs before uniqueness alone (without an id-like name) is trusted. */
export const MIN_ROWS_FOR_UNIQUENESS = 20;

const BOOLEAN_PAIRS: readonly (readonly [string, string])[] = [
  ['yes', 'no'],
  ['true', 'false'],
  ['y', 'n'],
  ['t', 'f'],
  ['1', '0'],
];

const CODE_LIKE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_.:#/-]{3,}$/;

/**
 * Guesses a column's kind from its name and value counts. Rules, in order:
 * 1. no present value → `empty`;
 * 2. values that, ignoring case, are one of the pairs yes/no, true/false, y/n, t/f,
 *    1/0 (numbers need both 0 and 1) → `boolean`;
 * 3. every value an ISO date or a `Date` → `date`;
 * 4. numbers: integers, unique, with an id-like name → `id`; otherwise `numeric`;
 * 5. strings that are unique (≥ 95% distinct) and either have an id-like name or
 *    look like codes (no spaces, a digit, e.g. UUIDs, "L000123") → `id`;
 * 6. strings at least half distinct and long (mean ≥ 30 characters or ≥ 4 words),
 *    or unique over at least 20 values (e-mails, phone numbers, names) → `text`;
 * 7. otherwise → `categorical`.
 */
export function inferColumnKind(name: string, stats: ColumnStats): KindGuess {
  const present = stats.rows - stats.missing;
  if (present === 0) return { kind: 'empty', reason: 'every value is missing' };
  const keys = [...stats.counts.keys()];
  const distinctShare = keys.length / present;
  const idName = isIdentifierName(name);
  if (isBooleanSet(keys)) {
    return {
      kind: 'boolean',
      reason: keys.length === 1 ? `one value: ${String(keys[0])}` : `yes/no values: ${keys.map(String).join(' / ')}`,
    };
  }
  if (stats.dates === present || (stats.strings === present && keys.every((k) => !Number.isNaN(parseIsoDate(String(k)))))) {
    return { kind: 'date', reason: 'ISO dates' };
  }
  if (stats.numbers === present) {
    if (idName && distinctShare >= UNIQUE_SHARE && keys.every((k) => Number.isInteger(k))) {
      return { kind: 'id', reason: 'unique integers with an id-like name' };
    }
    return { kind: 'numeric', reason: 'numbers' };
  }
  const unique = distinctShare >= UNIQUE_SHARE;
  if (unique && idName) return { kind: 'id', reason: 'unique values with an id-like name' };
  if (unique && present >= MIN_ROWS_FOR_UNIQUENESS && keys.every((k) => CODE_LIKE.test(String(k)))) {
    return { kind: 'id', reason: 'unique codes' };
  }
  if (distinctShare >= TEXT_DISTINCT_SHARE) {
    const { meanLength, meanWords } = textShape(stats.counts);
    if (meanLength >= TEXT_MEAN_LENGTH || meanWords >= TEXT_MEAN_WORDS)
      return { kind: 'text', reason: 'long, mostly distinct strings' };
  }
  if (unique && present >= MIN_ROWS_FOR_UNIQUENESS) return { kind: 'text', reason: 'nearly every value is distinct' };
  return { kind: 'categorical', reason: `${keys.length} distinct value${keys.length === 1 ? '' : 's'}` };
}

function isBooleanSet(keys: readonly ValueKey[]): boolean {
  if (keys.length === 0) return false;
  if (keys.every((k) => typeof k === 'boolean')) return true;
  if (keys.every((k) => typeof k === 'number')) return keys.length === 2 && keys.includes(0) && keys.includes(1);
  const lower = new Set(keys.map((k) => String(k).trim().toLowerCase()));
  return lower.size <= 2 && BOOLEAN_PAIRS.some((pair) => [...lower].every((k) => pair.includes(k)));
}

/** Mean character and word counts over present values (weighted by their counts). */
function textShape(counts: Map<ValueKey, number>): { meanLength: number; meanWords: number } {
  let total = 0;
  let length = 0;
  let words = 0;
  for (const [value, count] of counts) {
    const text = String(value);
    total += count;
    length += text.length * count;
    words += text.split(/\s+/).filter((w) => w.length > 0).length * count;
  }
  return { meanLength: length / total, meanWords: words / total };
}
