import { parseIsoDate } from '../data/parse-iso-date.js';
import { parsePlainNumber } from '../data/parse-plain-number.js';
import { isMissing } from '../data/schema/column-stats.js';

/*
 * Raw cells are cleaned before encoding identically for a loaded table (whose cells the
 * loader already cleaned) and for one incoming lead (raw JSON): each function applied to
 * its own output gives the same result.
 */

/** A cleaned categorical value: trimmed text (lower-cased when `caseFold`), or null when missing or a placeholder. */
export function cleanText(value: unknown, caseFold: boolean, placeholderSet: ReadonlySet<string>): string | null {
  if (isMissing(value)) return null;
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (value instanceof Date) text = value.toISOString();
  else text = String(value).trim();
  if (placeholderSet.has(text.toLowerCase())) return null;
  return caseFold ? text.toLowerCase() : text;
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
  if (placeholderSet.has(text.toLowerCase())) return null;
  return parsePlainNumber(text);
}

/** Milliseconds since the epoch of a date cell (Date or ISO text), null when missing, NaN when unreadable. */
export function cleanTime(value: unknown, placeholderSet: ReadonlySet<string>): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = String(value).trim();
  if (placeholderSet.has(text.toLowerCase())) return null;
  return parseIsoDate(text);
}

/** The placeholder set of some rules (trimmed, lower-cased). */
export function placeholderSet(placeholders: readonly string[]): Set<string> {
  return new Set(placeholders.map((p) => p.trim().toLowerCase()));
}
