import { DEFAULT_PAGE_TYPES, type Taxonomy, type TaxonomySegment } from './taxonomy.js';
import { documentFrequencies, smoothIdf } from './tfidf.js';
import { textTokens, urlTokens } from './url-tokens.js';

/** A page seen in training and how many events landed on it. */
export interface PageVisit {
  url: string | null;
  title: string | null;
  events: number;
}

export interface ProposalOptions {
  /** Themes taken from the most visited words (default 10). */
  frequentThemes?: number;
  /** Themes taken from rare words with a high TF-IDF on the pages that have them (default 4). */
  rareThemes?: number;
  /** Words on more than this share of pages are too generic to be a theme (default 0.15). */
  maxPageShare?: number;
  /** A rare theme needs at least this many events (default 20). */
  minEvents?: number;
  /** Page types to start from (default DEFAULT_PAGE_TYPES). */
  pageTypes?: readonly TaxonomySegment[];
}

/**
 * Proposes a taxonomy from the training pages: the default page types, and themes made
 * of (a) the words most visited across pages and (b) rare words that dominate the few
 * pages they appear on (high TF-IDF), leaving out page-type words, the brand (words on
 * most pages) and generic words. Each theme starts as one word; edit the JSON to merge
 * synonyms ("sap" with "s4hana") or rename.
 */
export function proposeTaxonomy(pages: readonly PageVisit[], options: ProposalOptions = {}): Taxonomy {
  const pageTypes = (options.pageTypes ?? DEFAULT_PAGE_TYPES).map((s) => ({ name: s.name, keywords: [...s.keywords] }));
  const typeWords = new Set(pageTypes.flatMap((s) => s.keywords));
  const words = pages.map((p) => {
    const url = p.url ? urlTokens(p.url) : { host: [], path: [] };
    return [...url.path, ...(p.title ? textTokens(p.title) : [])];
  });
  const { df, documents } = documentFrequencies(words);
  const maxShare = options.maxPageShare ?? 0.15;
  const isCandidate = (w: string): boolean =>
    w.length >= 3 && !typeWords.has(w) && (df.get(w) ?? 0) <= Math.max(1, maxShare * documents) && !/\d/.test(w);
  const visits = new Map<string, number>();
  pages.forEach((p, i) => {
    for (const w of new Set(words[i])) if (isCandidate(w)) visits.set(w, (visits.get(w) ?? 0) + p.events);
  });
  const byVisits = [...visits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const chosen = byVisits.slice(0, options.frequentThemes ?? 10).map(([w]) => w);
  const rareScore = new Map<string, number>();
  words.forEach((doc) => {
    const counts = new Map<string, number>();
    for (const w of doc) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w, c] of counts) {
      if (!isCandidate(w) || chosen.includes(w)) continue;
      const score = (c / doc.length) * smoothIdf(df.get(w)!, documents);
      if (score > (rareScore.get(w) ?? 0)) rareScore.set(w, score);
    }
  });
  const minEvents = options.minEvents ?? 20;
  const rare = [...rareScore.entries()]
    .filter(([w]) => (visits.get(w) ?? 0) >= minEvents)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.rareThemes ?? 4)
    .map(([w]) => w);
  const themes = [...chosen, ...rare].map((w) => ({ name: w, keywords: [w] }));
  return { version: 1, pageTypes, themes };
}
