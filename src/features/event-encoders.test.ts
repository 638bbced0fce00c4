import assert from 'node:assert/strict';
import { test } from 'node:test';
import { censorEvents, leadCutoff } from './censoring.js';
import { EventAggregatesEncoder } from './event-aggregates.js';
import type { EventSpec } from './feature-spec.js';
import { chooseSlotCount, PathSlotsEncoder } from './path-slots.js';
import { DEFAULT_PAGE_TYPES, TaxonomyMatcher } from './taxonomy.js';
import { encodeBlock, leadInput } from './test-support/lead-input.js';
import { fitTermIdf, writeTfidf } from './tfidf.js';
import { CreatedTimeEncoder, observationPoint, TouchpointTimingEncoder } from './time-features.js';

const taxonomy = {
  version: 1 as const,
  pageTypes: DEFAULT_PAGE_TYPES.map((s) => ({ ...s })),
  themes: [{ name: 'sap', keywords: ['sap'] }],
};
const matcher = new TaxonomyMatcher(taxonomy);
const spec: EventSpec = {
  columns: { leadId: 'lead_id', time: 'timestamp' },
  censor: true,
  types: ['page_view', 'form_fill'],
  formFillTypes: ['form_fill'],
  channels: ['google', 'email'],
  sessionGapMinutes: 30,
  countTransform: 'raw',
  taxonomy,
  terms: { vocabulary: [], idf: [] },
  pathSlots: { slots: 2, coverage: 0.9, channels: ['google', 'email'], pageTypes: matcher.pageTypes },
};
const MIN = 60_000;

test('K is the smallest path length covering the share of paths, within bounds', () => {
  assert.equal(chooseSlotCount([1, 1, 2, 2, 3, 3, 4, 5, 9, 40, 0, 0], 0.9, 10), 9);
  assert.equal(chooseSlotCount([1, 1, 1, 1, 1, 1, 1, 1, 1, 2], 0.9, 10), 1);
  assert.equal(chooseSlotCount([50, 60], 0.9, 10), 10);
  assert.equal(chooseSlotCount([], 0.9, 10), 1);
});

test('two leads with the same counts in a different order get different path-slot rows', () => {
  const enc = new PathSlotsEncoder(spec.pathSlots!);
  const resourceFirst = leadInput(
    {},
    { events: [{ channel: 'google' }, { channel: 'email' }], pageTypes: ['resource', 'pricing'] },
  );
  const pricingFirst = leadInput(
    {},
    { events: [{ channel: 'email' }, { channel: 'google' }], pageTypes: ['pricing', 'resource'] },
  );
  const a = encodeBlock(enc, resourceFirst);
  const b = encodeBlock(enc, pricingFirst);
  assert.equal(a['path.slot1.channel=google'], 1);
  assert.equal(a['path.slot1.pageType=resource'], 1);
  assert.equal(b['path.slot1.pageType=pricing'], 1);
  assert.notDeepEqual(a, b);
  const agg = new EventAggregatesEncoder(spec, matcher);
  const counts = (r: Record<string, number>) => Object.entries(r).filter(([k]) => !k.startsWith('events.sessionShare'));
  assert.deepEqual(
    counts(encodeBlock(agg, resourceFirst)),
    counts(encodeBlock(agg, pricingFirst)),
    'the counts cannot tell them apart',
  );
  const unknown = encodeBlock(enc, leadInput({}, { events: [{ channel: 'carrier pigeon' }], pageTypes: ['home'] }));
  assert.equal(unknown['path.slot1.channel=other'], 1);
  assert.ok(Object.entries(unknown).every(([k, v]) => !k.startsWith('path.slot2') || v === 0));
});

test('aggregates count types, channels, distinct pages, time on site, sessions and page segments', () => {
  const agg = new EventAggregatesEncoder(spec, matcher);
  const lead = leadInput(
    {},
    {
      events: [
        { t: 0, channel: 'google', type: 'page_view', url: 'https://x.com/pricing', duration: 30 },
        { t: 5 * MIN, channel: 'google', type: 'page_view', url: 'https://x.com/pricing/', duration: 20 },
        { t: 10 * MIN, channel: 'email', type: 'form_fill', url: 'https://x.com/demo', duration: 5 },
        { t: 200 * MIN, channel: 'direct', type: 'chat', url: 'https://x.com/blog/sap', duration: 0 },
      ],
      pageTypes: ['pricing', 'pricing', 'demo', 'blog'],
      themes: [[], [], [], ['sap']],
    },
  );
  const r = encodeBlock(agg, lead);
  assert.equal(r['events.count'], 4);
  assert.equal(r['events.none'], 0);
  assert.equal(r['events.type=page_view'], 2);
  assert.equal(r['events.type=other'], 1);
  assert.equal(r['events.channel=other'], 1);
  assert.equal(r['events.distinctPages'], 3);
  assert.equal(r['events.timeOnSite'], 55);
  assert.equal(r['events.sessions'], 2);
  assert.equal(r['events.sessionShare.channel=google'], 0.5);
  assert.equal(r['events.sessionShare.channel=other'], 0.5);
  assert.equal(r['events.pageType=pricing'], 2);
  assert.equal(r['events.theme=sap'], 1);
  const none = encodeBlock(agg, leadInput({}, { events: [] }));
  assert.equal(none['events.none'], 1);
  assert.equal(none['events.count'], 0);
  const logged = encodeBlock(new EventAggregatesEncoder({ ...spec, countTransform: 'log1p' }, matcher), lead);
  assert.equal(logged['events.count'], Math.log1p(4));
});

test('time features: creation hour and weekday, gaps between touchpoints, recency at the observation point', () => {
  const created = Date.parse('2025-03-05T14:30:00Z');
  const time = { created: 'created_at', observation: { windowDays: 30 } };
  const point = observationPoint(time, created)!;
  assert.equal(point - created, 30 * 86_400_000);
  const r = encodeBlock(new CreatedTimeEncoder(time), leadInput({}, null, { createdAt: created, observationPoint: point }));
  assert.equal(r['created.hour'], 14);
  assert.equal(r['created.day=Wed'], 1);
  assert.equal(r.created__missing, 0);
  assert.equal(encodeBlock(new CreatedTimeEncoder(time), leadInput({})).created__missing, 1);
  const aged = new CreatedTimeEncoder({ created: 'c', observation: { at: '2025-04-04T14:30:00Z' } });
  assert.equal(
    encodeBlock(aged, leadInput({}, null, { createdAt: created, observationPoint: Date.parse('2025-04-04T14:30:00Z') }))[
      'lead.ageDays'
    ],
    30,
  );
  const timing = new TouchpointTimingEncoder(spec);
  const lead = leadInput(
    {},
    {
      events: [
        { t: created - 86_400_000, type: 'page_view' },
        { t: created, type: 'form_fill' },
        { t: created + 2 * 86_400_000, type: 'page_view' },
      ],
    },
    { createdAt: created, observationPoint: point },
  );
  assert.deepEqual(encodeBlock(timing, lead), {
    'events.hoursToFirstFormFill': 24,
    'events.noFormFill': 0,
    'events.daysFirstToLast': 3,
    'events.daysCreatedToFirst': -1,
    'events.daysSinceLast': 28,
  });
  assert.equal(encodeBlock(timing, leadInput({}, { events: [] }))['events.noFormFill'], 1);
});

test('censoring keeps the events before the earlier of label time and observation point', () => {
  const events = [0, 10, 20, 30].map((t) => ({ t, channel: null, url: null, title: null, type: null, duration: 0 }));
  assert.deepEqual(
    censorEvents(events, leadCutoff(20, 25)).kept.map((e) => e.t),
    [0, 10],
  );
  assert.equal(censorEvents(events, leadCutoff(null, 25)).dropped, 1);
  assert.equal(censorEvents(events, leadCutoff(null, null)).kept.length, 4);
});

test('TF-IDF over the training vocabulary is L2-normalized and ignores unknown words', () => {
  const docs = [['sap', 'demo'], ['sap', 'pricing'], ['cloud'], ['sap']];
  const fitted = fitTermIdf(docs, { size: 3, minDocuments: 1, maxShare: 1 });
  assert.deepEqual(fitted.vocabulary, ['cloud', 'demo', 'sap']);
  const index = new Map(fitted.vocabulary.map((w, k) => [w, k]));
  const out = new Float64Array(3);
  writeTfidf(['sap', 'sap', 'cloud', 'unknown'], index, fitted.idf, out, 0);
  assert.ok(Math.abs(Math.hypot(...out) - 1) < 1e-12);
  assert.equal(out[1], 0);
  assert.ok(out[0] > 0 && out[2] > 0);
});
