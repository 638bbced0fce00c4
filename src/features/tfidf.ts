/** Term statistics over a corpus of documents (each a list of words), for TF-IDF features and theme proposals. */
export interface TermIdf {
  vocabulary: string[];
  /** Smoothed inverse document frequency per vocabulary word: ln((1 + n) / (1 + df)) + 1. */
  idf: number[];
}

/** Document frequency of every word. */
export function documentFrequencies(documents: Iterable<readonly string[]>): { df: Map<string, number>; documents: number } {
  const df = new Map<string, number>();
  let n = 0;
  for (const doc of documents) {
    n++;
    for (const word of new Set(doc)) df.set(word, (df.get(word) ?? 0) + 1);
  }
  return { df, documents: n };
}

/** Smoothed idf, as scikit-learn's TfidfVectorizer computes it. */
export function smoothIdf(df: number, documents: number): number {
  return Math.log((1 + documents) / (1 + df)) + 1;
}

/**
 * The `size` words found in most documents (at least `minDocuments` of them and at most
 * `maxShare` of all), ties broken alphabetically, with their idf. Words in `exclude` are
 * skipped.
 */
export function fitTermIdf(
  documents: Iterable<readonly string[]>,
  options: { size: number; minDocuments?: number; maxShare?: number; exclude?: ReadonlySet<string> },
): TermIdf {
  const { df, documents: n } = documentFrequencies(documents);
  const minDocuments = options.minDocuments ?? 5;
  const maxShare = options.maxShare ?? 0.9;
  const candidates = [...df.entries()]
    .filter(([word, count]) => count >= minDocuments && count <= maxShare * n && !options.exclude?.has(word))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.size);
  const vocabulary = candidates.map(([w]) => w).sort();
  return { vocabulary, idf: vocabulary.map((w) => smoothIdf(df.get(w)!, n)) };
}

/**
 * Writes the L2-normalized TF-IDF vector of one document over the vocabulary into
 * `out[offset..]` (term frequency = occurrences; all zeros for an empty document).
 */
export function writeTfidf(
  words: readonly string[],
  index: ReadonlyMap<string, number>,
  idf: readonly number[],
  out: Float64Array,
  offset: number,
): void {
  const size = idf.length;
  for (let k = 0; k < size; k++) out[offset + k] = 0;
  for (const w of words) {
    const k = index.get(w);
    if (k !== undefined) out[offset + k] += 1;
  }
  scaleTfidf(idf, out, offset);
}

/** Turns the term counts in `out[offset..]` into the L2-normalized TF-IDF vector (see `writeTfidf`). */
export function scaleTfidf(idf: readonly number[], out: Float64Array, offset: number): void {
  const size = idf.length;
  let norm = 0;
  for (let k = 0; k < size; k++) {
    const v = out[offset + k] * idf[k];
    out[offset + k] = v;
    norm += v * v;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let k = 0; k < size; k++) out[offset + k] *= inv;
  }
}
