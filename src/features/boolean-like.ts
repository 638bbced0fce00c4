import { isMissing } from '../data/schema/column-stats.js';
import type { BlockEncoder, LeadInput } from './encoder.js';
import type { BooleanEncoding } from './feature-spec.js';

/** Text read as true / false by a boolean-like column (compared trimmed and lower-cased). */
const TRUE_TEXT = new Set(['yes', 'true', 'y', 't', '1']);
const FALSE_TEXT = new Set(['no', 'false', 'n', 'f', '0']);

/**
 * A boolean-like value as 1 or 0: Yes/No, true/false, Y/N, T/F, 1/0 in any casing and
 * with surrounding spaces, or a JS boolean / the numbers 0 and 1. Null when missing,
 * NaN for anything else (an invalid value, which the caller decides how to treat).
 */
export function parseBooleanLike(value: unknown): number | null {
  if (isMissing(value)) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value === 1 ? 1 : value === 0 ? 0 : Number.NaN;
  const text = String(value).trim().toLowerCase();
  if (TRUE_TEXT.has(text)) return 1;
  if (FALSE_TEXT.has(text)) return 0;
  return Number.NaN;
}

/** A boolean-like column as 0/1; missing (and unreadable) → 0 plus a `__missing` indicator when training had missing values. */
export class BooleanEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group: string;
  constructor(
    private readonly spec: BooleanEncoding,
    private readonly placeholders: ReadonlySet<string>,
  ) {
    this.names = spec.indicator ? [spec.column, `${spec.column}__missing`] : [spec.column];
    this.group = spec.column;
  }
  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const raw = lead.get(this.spec.column);
    const v = typeof raw === 'string' && this.placeholders.has(raw.trim().toLowerCase()) ? null : parseBooleanLike(raw);
    const missing = v === null || Number.isNaN(v);
    out[offset] = missing ? 0 : v;
    if (this.spec.indicator) out[offset + 1] = missing ? 1 : 0;
  }
}

/** Fits a boolean encoding: whether missing values occurred in training. */
export function fitBooleanEncoding(
  column: string,
  values: ArrayLike<unknown>,
  placeholders: ReadonlySet<string>,
): BooleanEncoding {
  let missing = false;
  for (let i = 0; i < values.length && !missing; i++) {
    const raw = values[i];
    const v = typeof raw === 'string' && placeholders.has(raw.trim().toLowerCase()) ? null : parseBooleanLike(raw);
    missing = v === null || Number.isNaN(v);
  }
  return { type: 'boolean', column, indicator: missing };
}
