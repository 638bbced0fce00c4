import { BooleanEncoder } from './boolean-like.js';
import { censorEvents, type LeadTimes, readLeadTimes } from './censoring.js';
import { EmailDomainEncoder } from './email-domain.js';
import type { BlockEncoder, LeadInput, LeadPath } from './encoder.js';
import { EventAggregatesEncoder } from './event-aggregates.js';
import type { EventColumns, LeadEvent } from './event-log.js';
import type { ColumnEncoding, FeatureSpec } from './feature-spec.js';
import { HighCardinalityEncoder } from './high-cardinality.js';
import { FieldGroupEncoder, NumericEncoder } from './missingness.js';
import { MultiValueEncoder } from './multi-value.js';
import { placeholderSet } from './normalize-value.js';
import { OneHotEncoder } from './one-hot.js';
import { PageTermsEncoder } from './page-terms.js';
import { PathSlotsEncoder } from './path-slots.js';
import { TaxonomyMatcher } from './taxonomy.js';
import { CreatedTimeEncoder, TouchpointTimingEncoder } from './time-features.js';
import { pageKey } from './url-tokens.js';

/** Most distinct pages whose segmentation is cached. */
const SEGMENT_CACHE_LIMIT = 200_000;

/** A spec turned into encoders and lookups, shared by batch and single-lead transforms. */
export class CompiledSpec {
  readonly encoders: BlockEncoder[];
  readonly width: number;
  readonly placeholders: Set<string>;
  readonly matcher: TaxonomyMatcher | null;
  readonly eventColumns: EventColumns | null;
  /**
   * Segmented pages by URL: the segment of the first title seen with it, and those of other
   * titles by title (a page is segmented once; most URLs come with one title, found by one lookup).
   */
  private readonly segments = new Map<string | null, SegmentsOfUrl>();
  private segmentCount = 0;

  constructor(readonly spec: FeatureSpec) {
    this.placeholders = placeholderSet(spec.dataset.placeholders);
    this.matcher = spec.events ? new TaxonomyMatcher(spec.events.taxonomy) : null;
    this.eventColumns = spec.events ? spec.events.columns : null;
    const encoders: BlockEncoder[] = spec.columns.map((c) => columnEncoder(c, this.placeholders));
    for (const group of spec.groups) encoders.push(new FieldGroupEncoder(group, this.placeholders));
    if (spec.time) encoders.push(new CreatedTimeEncoder(spec.time));
    if (spec.events && this.matcher) {
      encoders.push(new EventAggregatesEncoder(spec.events, this.matcher));
      encoders.push(new TouchpointTimingEncoder(spec.events));
      if (spec.events.pathSlots) encoders.push(new PathSlotsEncoder(spec.events.pathSlots));
      if (spec.events.terms.vocabulary.length) encoders.push(new PageTermsEncoder(spec.events.terms));
    }
    this.encoders = encoders;
    this.width = encoders.reduce((w, e) => w + e.names.length, 0);
  }

  /** Output column names in order. */
  names(): string[] {
    return this.encoders.flatMap((e) => [...e.names]);
  }

  /** The group of each output column. */
  groups(): string[] {
    return this.encoders.flatMap((e) => e.names.map(() => e.group));
  }

  /** Times of a lead: creation, observation point, and the cutoff of its events. */
  leadTimes(get: (column: string) => unknown): LeadTimes {
    const { spec } = this;
    return readLeadTimes(get, spec.time, spec.dataset.labelTime, spec.events?.censor ?? false, this.placeholders);
  }

  /** The lead's path after censoring, each page segmented. */
  leadPath(events: readonly LeadEvent[], cutoff: number): { path: LeadPath; censored: number } {
    const { kept, dropped } = censorEvents(events, cutoff);
    const path: LeadPath = { events: kept, pageTypes: [], themes: [], words: [], pages: [] };
    for (const e of kept) {
      const s = this.segment(e.url, e.title);
      path.pageTypes.push(s.pageType);
      path.themes.push(s.themes);
      path.words.push(s.words);
      path.pages.push(s.page);
    }
    return { path, censored: dropped };
  }

  /** Writes all output columns of one lead. */
  encode(lead: LeadInput, out: Float64Array, offset: number): void {
    let at = offset;
    for (const encoder of this.encoders) {
      encoder.write(lead, out, at);
      at += encoder.names.length;
    }
    const scaler = this.spec.scaler;
    if (scaler) for (let j = 0; j < this.width; j++) out[offset + j] = (out[offset + j] - scaler.mean[j]) / scaler.scale[j];
  }

  private segment(url: string | null, title: string | null): PageSegment {
    const ofUrl = this.segments.get(url);
    if (ofUrl !== undefined && ofUrl.title === title) return ofUrl.segment;
    let s = ofUrl?.others?.get(title);
    if (!s) {
      s = { ...this.matcher!.segment(url, title), page: url ? pageKey(url) : null };
      if (this.segmentCount < SEGMENT_CACHE_LIMIT) {
        if (!ofUrl) this.segments.set(url, { title, segment: s, others: null });
        else (ofUrl.others ??= new Map()).set(title, s);
        this.segmentCount++;
      }
    }
    return s;
  }
}

/** The segments of one URL's pages: that of the first title seen, and those of other titles. */
interface SegmentsOfUrl {
  title: string | null;
  segment: PageSegment;
  others: Map<string | null, PageSegment> | null;
}

/** A page's segments, words and identity (see `pageKey`). */
interface PageSegment {
  pageType: string;
  themes: string[];
  words: string[];
  page: string | null;
}

function columnEncoder(c: ColumnEncoding, placeholders: ReadonlySet<string>): BlockEncoder {
  switch (c.type) {
    case 'numeric':
      return new NumericEncoder(c, placeholders);
    case 'boolean':
      return new BooleanEncoder(c, placeholders);
    case 'oneHot':
      return new OneHotEncoder(c, placeholders);
    case 'highCardinality':
      return new HighCardinalityEncoder(c, placeholders);
    case 'multiValue':
      return new MultiValueEncoder(c, placeholders);
    case 'emailDomain':
      return new EmailDomainEncoder(c);
  }
}
