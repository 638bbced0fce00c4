import type { BlockEncoder, LeadInput } from './encoder.js';
import type { MultiValueEncoding } from './feature-spec.js';
import { cleanText } from './normalize-value.js';

/** Separators of list-valued cells, in the order they are tried. */
export const LIST_SEPARATORS = [';', '|'] as const;

/**
 * Whether a categorical column holds lists ("Jira;GitLab;AWS"): most filled values contain
 * the separator, and the distinct tokens are far fewer than the distinct values. Returns
 * the separator, or null.
 */
export function detectListSeparator(values: readonly (string | null)[]): string | null {
  const filled = values.filter((v): v is string => v !== null);
  if (filled.length < 20) return null;
  for (const sep of LIST_SEPARATORS) {
    let withSep = 0;
    const distinct = new Set<string>();
    const tokens = new Set<string>();
    for (const v of filled) {
      distinct.add(v);
      if (v.includes(sep)) withSep++;
      for (const t of splitList(v, sep)) tokens.add(t.toLowerCase());
    }
    if (withSep >= 0.3 * filled.length && tokens.size * 3 <= distinct.size) return sep;
  }
  return null;
}

/** The trimmed, non-empty items of a list cell. */
export function splitList(value: string, separator: string): string[] {
  return value
    .split(separator)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** One binary column per token seen at least `minCount` times (at most `maxTokens`), tokens compared lower-cased. */
export function fitMultiValueEncoding(
  column: string,
  caseFold: boolean,
  separator: string,
  values: readonly (string | null)[],
  minCount: number,
  maxTokens: number,
): MultiValueEncoding {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (v === null) continue;
    for (const t of new Set(splitList(v, separator).map((x) => x.toLowerCase()))) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const tokens = [...counts.entries()]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxTokens)
    .map(([t]) => t);
  return { type: 'multiValue', column, caseFold, separator, tokens };
}

/** `<column>.has=<token>` per token, `<column>.count` (items listed) and `<column>__missing`. */
export class MultiValueEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group: string;
  private readonly index: Map<string, number>;

  constructor(
    private readonly spec: MultiValueEncoding,
    private readonly placeholders: ReadonlySet<string>,
  ) {
    this.index = new Map(spec.tokens.map((t, k) => [t, k]));
    this.names = [...spec.tokens.map((t) => `${spec.column}.has=${t}`), `${spec.column}.count`, `${spec.column}__missing`];
    this.group = spec.column;
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const n = this.spec.tokens.length;
    for (let k = 0; k < n + 2; k++) out[offset + k] = 0;
    const value = cleanText(lead.get(this.spec.column), this.spec.caseFold, this.placeholders);
    if (value === null) {
      out[offset + n + 1] = 1;
      return;
    }
    const items = new Set(splitList(value, this.spec.separator).map((t) => t.toLowerCase()));
    for (const t of items) {
      const k = this.index.get(t);
      if (k !== undefined) out[offset + k] = 1;
    }
    out[offset + n] = items.size;
  }
}
