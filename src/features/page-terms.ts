import type { BlockEncoder, LeadInput } from './encoder.js';
import type { EventSpec } from './feature-spec.js';
import { scaleTfidf } from './tfidf.js';

/** TF-IDF of the words on the pages a lead visited (URL paths and titles), over the training vocabulary. */
export class PageTermsEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group = 'text';
  private readonly index: Map<string, number>;

  constructor(private readonly spec: EventSpec['terms']) {
    this.index = new Map(spec.vocabulary.map((w, k) => [w, k]));
    this.names = spec.vocabulary.map((w) => `text.tfidf=${w}`);
  }

  /** Vocabulary positions of a segmented page's words (pages are segmented once, so their word lists are reused). */
  private readonly terms = new WeakMap<readonly string[], Int32Array>();

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const idf = this.spec.idf;
    for (let k = 0; k < idf.length; k++) out[offset + k] = 0;
    if (lead.path) {
      for (const words of lead.path.words) {
        let terms = this.terms.get(words);
        if (!terms) {
          terms = Int32Array.from(words.map((w) => this.index.get(w) ?? -1).filter((k) => k >= 0));
          this.terms.set(words, terms);
        }
        for (let j = 0; j < terms.length; j++) out[offset + terms[j]] += 1;
      }
    }
    scaleTfidf(idf, out, offset);
  }
}
