import type { BlockEncoder, LeadInput } from './encoder.js';
import type { FieldGroupShare, NumericEncoding } from './feature-spec.js';
import { cleanNumber } from './normalize-value.js';

/** How a numeric column's missing values are filled: a constant (−1 by default) or the training median. */
export type NumericFill = { constant: number } | 'median';

/**
 * Missingness as information, for numeric columns: a missing value becomes a fill value
 * and a `<column>__missing` indicator says it was missing (emitted when training had any).
 * A value that is present but not a number is treated as missing.
 */
export function fitNumericEncoding(column: string, values: readonly (number | null)[], fill: NumericFill): NumericEncoding {
  let missing = 0;
  const present: number[] = [];
  for (const v of values) {
    if (v === null || Number.isNaN(v)) missing++;
    else present.push(v);
  }
  let fillValue = fill === 'median' ? median(present) : fill.constant;
  if (!Number.isFinite(fillValue)) fillValue = 0;
  return { type: 'numeric', column, fill: fillValue, indicator: missing > 0 };
}

export class NumericEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group: string;
  constructor(
    private readonly spec: NumericEncoding,
    private readonly placeholders: ReadonlySet<string>,
  ) {
    this.names = spec.indicator ? [spec.column, `${spec.column}__missing`] : [spec.column];
    this.group = spec.column;
  }
  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const v = cleanNumber(lead.get(this.spec.column), this.placeholders);
    const missing = v === null || !Number.isFinite(v);
    out[offset] = missing ? this.spec.fill : v;
    if (this.spec.indicator) out[offset + 1] = missing ? 1 : 0;
  }
}

/**
 * Per-lead share of a group of fields: `form.missingShare` — the share of the form
 * questions left blank (the study's richest signal); `enrichment.coverage` — the share
 * of vendor attributes known about the company.
 */
export class FieldGroupEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group: string;
  constructor(
    private readonly spec: FieldGroupShare,
    private readonly placeholders: ReadonlySet<string>,
  ) {
    this.names = [spec.name];
    this.group = spec.name.split('.')[0];
  }
  write(lead: LeadInput, out: Float64Array, offset: number): void {
    let missing = 0;
    for (const field of this.spec.fields) if (isBlank(lead.get(field), this.placeholders)) missing++;
    const share = missing / this.spec.fields.length;
    out[offset] = this.spec.name === 'form.missingShare' ? share : 1 - share;
  }
}

function isBlank(value: unknown, placeholders: ReadonlySet<string>): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  return placeholders.has(String(value).trim().toLowerCase());
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
