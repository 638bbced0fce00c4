/**
 * Values that mean "missing" in exports from CRMs and web forms. Matching trims
 * surrounding whitespace and ignores case, so " select " and "NULL" match too.
 * `Select` is the untouched default of a form's drop-down.
 */
export const DEFAULT_PLACEHOLDERS: readonly string[] = ['', 'Select', 'NA', 'N/A', 'null'];

/** Tests an (untrimmed) value against a list of missing placeholders. */
export type PlaceholderMatcher = (value: string) => boolean;

/** Builds a matcher for `placeholders` (trimmed, case-insensitive). */
export function makePlaceholderMatcher(placeholders: readonly string[] = DEFAULT_PLACEHOLDERS): PlaceholderMatcher {
  const set = new Set(placeholders.map((p) => p.trim().toLowerCase()));
  let longest = 0;
  for (const p of set) longest = Math.max(longest, p.length);
  return (value: string): boolean => {
    // Fast path: most values are longer than any placeholder and carry no padding.
    if (value.length > longest && !isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(value.length - 1))) return false;
    const trimmed = trimSpace(value);
    return trimmed.length <= longest && set.has(trimmed.toLowerCase());
  };
}

/** `String#trim`, skipping the call (and the copy) when there is nothing to trim. */
export function trimSpace(value: string): string {
  if (value.length === 0) return value;
  if (!isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(value.length - 1))) return value;
  return value.trim();
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || code === 0xfeff;
}
