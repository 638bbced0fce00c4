/**
 * The candidate closest to `name`, for "did you mean …?" hints: an exact match after
 * ignoring case, spaces, underscores and dashes wins; otherwise the smallest edit
 * distance on those normalized forms, if it is at most a third of the name's length
 * (minimum 2). Undefined when nothing is close.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const target = normalize(name);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length / 3)) + 1;
  for (const candidate of candidates) {
    const c = normalize(candidate);
    if (c === target) return candidate;
    const d = editDistance(target, c, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** " (did you mean "x"?)" or "". */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const close = closestName(name, candidates);
  return close === undefined ? '' : ` (did you mean "${close}"?)`;
}

/** Column names for a message: quoted, comma-separated, cut after `max` names. */
export function listNames(names: readonly string[], max = 40): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  return shown.join(', ') + (names.length > max ? `, … (${names.length - max} more)` : '');
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= limit) return limit;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
