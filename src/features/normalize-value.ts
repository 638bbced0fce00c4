import { parseIsoDate } from '../data/parse-iso-date.js';
import { parsePlainNumber } from '../data/parse-plain-number.js';
import { isMissing } from '../data/schema/column-stats.js';

/*
 * Raw cells are cleaned before encoding identically for a loaded table (whose cells the
 * loader already cleaned) and for one incoming lead (raw JSON): each function applied to
 * its own output gives the same result.
 */

/** Whether a character code (or byte) is ASCII white space that `String.prototype.trim` removes: tab, line feed, vertical tab, form feed, carriage return, space. */
export function isTrimmedAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A cleaned categorical value: trimmed text (lower-cased when `caseFold`), or null when missing or a placeholder. */
export function cleanText(value: unknown, caseFold: boolean, placeholderSet: ReadonlySet<string>): string | null {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (isMissing(value)) return null;
  else if (typeof value === 'number') text = String(value);
  else if (value instanceof Date) text = value.toISOString();
  else text = String(value).trim();
  if (text.length > longestPlaceholder(placeholderSet)) return caseFold ? text.toLowerCase() : text;
  // Short text is lower-cased once, for the placeholder test and the result.
  const lower = text.toLowerCase();
  if (placeholderSet.has(lower)) return null;
  return caseFold ? lower : text;
}

/**
 * A cleaned number: numbers as they are, numeric text parsed (plain decimals only),
 * placeholders and blanks null. NaN marks a value that is present but not a number.
 */
export function cleanNumber(value: unknown, placeholderSet: ReadonlySet<string>): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = String(value).trim();
  if (isPlaceholder(text, placeholderSet)) return null;
  return parsePlainNumber(text);
}

/** Milliseconds since the epoch of a date cell (Date or ISO text), null when missing, NaN when unreadable. */
export function cleanTime(value: unknown, placeholderSet: ReadonlySet<string>): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = String(value).trim();
  if (isPlaceholder(text, placeholderSet)) return null;
  return parseIsoTime(text);
}

/** `parseIsoDate` (ms since the epoch, NaN when unreadable) with a fast path for the usual "YYYY-MM-DDTHH:MM:SSZ". */
export function parseIsoTime(text: string): number {
  return parseUtcSecond(text) ?? parseIsoDate(text);
}

/** Whether trimmed text is one of the placeholders (compared lower-cased); text longer than every placeholder is not. */
export function isPlaceholder(text: string, placeholderSet: ReadonlySet<string>): boolean {
  return text.length <= longestPlaceholder(placeholderSet) && placeholderSet.has(text.toLowerCase());
}

/** A set's longest placeholder, kept on the set (looked up on every cell) and redone when its size changes. */
const LONGEST = Symbol('longest placeholder');
/** The same for sets that take no new property (frozen). */
const longestOfFrozen = new WeakMap<ReadonlySet<string>, { size: number; length: number }>();

type Measured = ReadonlySet<string> & { [LONGEST]?: { size: number; length: number } };

function longestPlaceholder(placeholderSet: Measured): number {
  let known = placeholderSet[LONGEST] ?? longestOfFrozen.get(placeholderSet);
  if (!known || known.size !== placeholderSet.size) {
    let length = 0;
    for (const p of placeholderSet) length = Math.max(length, p.length);
    known = { size: placeholderSet.size, length };
    if (Object.isExtensible(placeholderSet)) Object.defineProperty(placeholderSet, LONGEST, { value: known, writable: true });
    else longestOfFrozen.set(placeholderSet, known);
  }
  return known.length;
}

const DIGIT_0 = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The common case of `parseIsoDate`, without a regular expression or a call to `Date.UTC`:
 * "YYYY-MM-DDTHH:MM:SSZ" with a year from 1000, a date that exists and a second below 60 — the
 * same milliseconds as `parseIsoDate`. Undefined for any other text (which `parseIsoDate` then reads).
 */
function parseUtcSecond(text: string): number | undefined {
  if (text.length !== 20) return undefined;
  if (
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 90 /* Z */
  )
    return undefined;
  const t = utcMilliseconds(
    digitsAt(text, 0, 4),
    digitsAt(text, 5, 2),
    digitsAt(text, 8, 2),
    digitsAt(text, 11, 2),
    digitsAt(text, 14, 2),
    digitsAt(text, 17, 2),
  );
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Milliseconds since the epoch of a UTC date-time as written in "YYYY-MM-DDTHH:MM:SSZ": what
 * `Date.UTC` gives for a year from 1000, a date that exists and a second below 60; NaN for any
 * other numbers (−1 marks a field that was not digits).
 */
export function utcMilliseconds(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23)) return Number.NaN;
  if (!(minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return Number.NaN;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return Number.NaN;
  return daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
}

/** The number written by `width` digits of `text` at `at`; −1 if one is not a digit. */
function digitsAt(text: string, at: number, width: number): number {
  let v = 0;
  for (let k = at; k < at + width; k++) {
    const d = text.charCodeAt(k) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (year ≥ 0), in whole
 * numbers: what `Date.UTC` counts (H. Hinnant's days_from_civil).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The placeholder set of some rules (trimmed, lower-cased). */
export function placeholderSet(placeholders: readonly string[]): Set<string> {
  return new Set(placeholders.map((p) => p.trim().toLowerCase()));
}
