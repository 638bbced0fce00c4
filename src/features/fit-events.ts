import { censorEvents, readLeadTimes } from './censoring.js';
import type { EventIndex, LeadEvent } from './event-log.js';
import type { EventSpec, TimeSpec } from './feature-spec.js';
import { chooseSlotCount } from './path-slots.js';
import type { ResolvedPipelineOptions } from './pipeline-options.js';
import { TaxonomyMatcher } from './taxonomy.js';
import { type PageVisit, proposeTaxonomy } from './taxonomy-proposal.js';
import { fitTermIdf } from './tfidf.js';

/** Event types with their own count, at most. */
const MAX_TYPES = 20;
/** Channels with their own columns, at most. */
const MAX_CHANNELS = 12;
/** A type or channel needs this many training events for a column of its own. */
const MIN_EVENTS = 20;
const FORM_FILL = /form|submit|sign.?up|register/;

export interface FittedEvents {
  spec: EventSpec;
  /** Events of the training leads, and how many were censored. */
  events: number;
  censoredEvents: number;
}

/**
 * Learns the event part of a spec from the training leads' events (after censoring):
 * the event types and channels with their own columns, the taxonomy (given, or proposed
 * from the pages seen), the TF-IDF vocabulary of page words and the number of path slots.
 */
export function fitEvents(
  leadIds: readonly (string | null)[],
  leadGet: (row: number, column: string) => unknown,
  index: EventIndex,
  time: TimeSpec | null,
  labelTime: string | undefined,
  placeholders: ReadonlySet<string>,
  o: ResolvedPipelineOptions,
): FittedEvents {
  const paths: LeadEvent[][] = [];
  let events = 0;
  let censoredEvents = 0;
  for (let i = 0; i < leadIds.length; i++) {
    const id = leadIds[i];
    if (id === null) {
      paths.push([]);
      continue;
    }
    const times = readLeadTimes((c) => leadGet(i, c), time, labelTime, o.censor, placeholders);
    const { kept, dropped } = censorEvents(index.leadEvents(id, placeholders).events, times.cutoff);
    paths.push(kept);
    events += kept.length;
    censoredEvents += dropped;
  }
  const typeCounts = new Map<string, number>();
  const channelCounts = new Map<string, number>();
  const pages = new Map<string, PageVisit>();
  for (const path of paths) {
    for (const e of path) {
      if (e.type !== null) typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1);
      if (e.channel !== null) channelCounts.set(e.channel, (channelCounts.get(e.channel) ?? 0) + 1);
      const key = `${e.url ?? ''}\n${e.title ?? ''}`;
      const page = pages.get(key);
      if (page) page.events++;
      else pages.set(key, { url: e.url, title: e.title, events: 1 });
    }
  }
  const types = topKeys(typeCounts, MAX_TYPES);
  const taxonomy = o.taxonomy ?? proposeTaxonomy([...pages.values()]);
  const matcher = new TaxonomyMatcher(taxonomy);
  const segmentOf = new Map<string, string[]>();
  for (const [key, page] of pages) segmentOf.set(key, matcher.segment(page.url, page.title).words);
  const documents = paths.map((path) => path.flatMap((e) => segmentOf.get(`${e.url ?? ''}\n${e.title ?? ''}`) ?? []));
  const withEvents = documents.filter((d) => d.length > 0);
  const terms = o.termVocabulary
    ? fitTermIdf(withEvents, {
        size: o.termVocabulary,
        minDocuments: Math.max(5, Math.ceil(0.001 * withEvents.length)),
        maxShare: 0.5,
      })
    : { vocabulary: [], idf: [] };
  const channels = topKeys(channelCounts, MAX_CHANNELS);
  const spec: EventSpec = {
    columns: { ...index.eventColumns },
    censor: o.censor,
    types,
    formFillTypes: o.formFillTypes ?? [...typeCounts.keys()].filter((t) => FORM_FILL.test(t)).sort(),
    channels,
    sessionGapMinutes: o.sessionGapMinutes,
    countTransform: o.countTransform,
    taxonomy,
    terms,
    pathSlots: o.pathSlots
      ? {
          slots: chooseSlotCount(
            paths.map((p) => p.length),
            o.pathSlots.coverage,
            o.pathSlots.maxSlots,
          ),
          coverage: o.pathSlots.coverage,
          channels,
          pageTypes: matcher.pageTypes,
        }
      : null,
  };
  return { spec, events, censoredEvents };
}

function topKeys(counts: ReadonlyMap<string, number>, max: number): string[] {
  return [...counts.entries()]
    .filter(([, n]) => n >= MIN_EVENTS)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([k]) => k);
}
