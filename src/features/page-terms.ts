import type { BlockEncoder, LeadInput } from './encoder.js';
import type { EventSpec } from './feature-spec.js';
import { writeTfidf } from './tfidf.js';

/** TF-IDF of the words on the pages a lead visited (URL paths and titles), over the training vocabulary. */
export class PageTermsEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group = 'text';
  private readonly index: Map<string, number>;

  constructor(private readonly spec: EventSpec['terms']) {
    this.index = new Map(spec.vocabulary.map((w, k) => [w, k]));
    this.names = spec.vocabulary.map((w) => `text.tfidf=${w}`);
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const words = lead.path ? lead.path.words.flat() : [];
    writeTfidf(words, this.index, this.spec.idf, out, offset);
  }
}
