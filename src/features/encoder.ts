import type { LeadEvent } from './event-log.js';

/** A lead's events after censoring, each page segmented by the taxonomy. */
export interface LeadPath {
  events: LeadEvent[];
  pageTypes: string[];
  themes: string[][];
  /** Words of each event's page (path and title). */
  words: string[][];
  /** Each event's page for counting distinct pages (`pageKey` of its URL), null without a URL. */
  pages: (string | null)[];
}

/** What an encoder sees of one lead. */
export interface LeadInput {
  /** The raw value of a lead column (a loaded cell or an incoming JSON value). */
  get(column: string): unknown;
  /** The lead's events (null when the pipeline has no event log). */
  path: LeadPath | null;
  /** When the lead's features are observed (ms since the epoch), or null when unknown. */
  observationPoint: number | null;
  /** When the lead was created (ms), or null. */
  createdAt: number | null;
}

/** Writes one block of output columns for a lead. */
export interface BlockEncoder {
  readonly names: readonly string[];
  /** Group of every column of the block: the input column, or events / path / time / text. */
  readonly group: string;
  write(lead: LeadInput, out: Float64Array, offset: number): void;
}

/** log1p for counts and durations when the spec asks for it. */
export function countValue(count: number, log: boolean): number {
  return log ? Math.log1p(count) : count;
}
