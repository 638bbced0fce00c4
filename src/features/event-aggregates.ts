import { type BlockEncoder, countValue, type LeadInput } from './encoder.js';
import type { EventSpec } from './feature-spec.js';
import type { TaxonomyMatcher } from './taxonomy.js';

const OTHER = 'other';

/**
 * Per-lead aggregates of its (censored) touchpoints: events per type and per channel,
 * distinct pages, total time on site, sessions and each channel's share of them, events
 * per page type and per theme of the taxonomy, and `events.none` for leads without any
 * (trade-show and imported leads). Counts and seconds are log1p'd when the spec says so.
 */
export class EventAggregatesEncoder implements BlockEncoder {
  readonly names: string[] = [];
  readonly group = 'events';
  private readonly typeIndex: Map<string, number>;
  private readonly channelIndex: Map<string, number>;
  private readonly pageTypeIndex: Map<string, number>;
  private readonly themeIndex: Map<string, number>;
  private readonly at: { type: number; channel: number; pages: number; share: number; pageType: number; theme: number };
  private readonly log: boolean;
  private readonly gapMs: number;
  /** A lead's distinct pages and sessions per channel (scratch of `write`). */
  private readonly pages = new Set<string>();
  private readonly channelSessions: Float64Array;

  constructor(spec: EventSpec, matcher: TaxonomyMatcher) {
    const types = [...spec.types, OTHER];
    const channels = [...spec.channels, OTHER];
    this.typeIndex = new Map(types.map((t, k) => [t, k]));
    this.channelIndex = new Map(channels.map((c, k) => [c, k]));
    this.pageTypeIndex = new Map(matcher.pageTypes.map((p, k) => [p, k]));
    this.themeIndex = new Map(matcher.themes.map((t, k) => [t, k]));
    const n = this.names;
    n.push('events.count', 'events.none');
    const type = n.length;
    n.push(...types.map((t) => `events.type=${t}`));
    const channel = n.length;
    n.push(...channels.map((c) => `events.channel=${c}`));
    const pages = n.length;
    n.push('events.distinctPages', 'events.timeOnSite', 'events.sessions');
    const share = n.length;
    n.push(...channels.map((c) => `events.sessionShare.channel=${c}`));
    const pageType = n.length;
    n.push(...matcher.pageTypes.map((p) => `events.pageType=${p}`));
    const theme = n.length;
    n.push(...matcher.themes.map((t) => `events.theme=${t}`));
    this.at = { type, channel, pages, share, pageType, theme };
    this.channelSessions = new Float64Array(channels.length);
    this.log = spec.countTransform === 'log1p';
    this.gapMs = spec.sessionGapMinutes * 60_000;
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const width = this.names.length;
    for (let k = 0; k < width; k++) out[offset + k] = 0;
    const path = lead.path;
    const events = path?.events ?? [];
    const log = this.log;
    out[offset] = countValue(events.length, log);
    out[offset + 1] = events.length === 0 ? 1 : 0;
    if (!path || events.length === 0) return;
    const { at } = this;
    // Scratch reused lead after lead (write is synchronous).
    const pages = this.pages;
    pages.clear();
    let seconds = 0;
    let sessions = 0;
    const channelSessions = this.channelSessions;
    channelSessions.fill(0);
    let previous = Number.NEGATIVE_INFINITY;
    for (let e = 0; e < events.length; e++) {
      const ev = events[e];
      out[offset + at.type + (this.typeIndex.get(ev.type ?? OTHER) ?? this.typeIndex.get(OTHER)!)] += 1;
      const c = this.channelIndex.get(ev.channel ?? OTHER) ?? this.channelIndex.get(OTHER)!;
      out[offset + at.channel + c] += 1;
      const page = path.pages[e];
      if (page !== null) pages.add(page);
      seconds += ev.duration;
      if (ev.t - previous > this.gapMs) {
        sessions++;
        channelSessions[c] += 1;
      }
      previous = ev.t;
      out[offset + at.pageType + this.pageTypeIndex.get(path.pageTypes[e])!] += 1;
      for (const theme of path.themes[e]) out[offset + at.theme + this.themeIndex.get(theme)!] += 1;
    }
    out[offset + at.pages] = countValue(pages.size, log);
    out[offset + at.pages + 1] = countValue(seconds, log);
    out[offset + at.pages + 2] = countValue(sessions, log);
    for (let c = 0; c < channelSessions.length; c++) out[offset + at.share + c] = channelSessions[c] / sessions;
    if (log) {
      // log1p(0) is 0: only the counts that are there need the call.
      for (let k = at.type; k < at.pages; k++) if (out[offset + k] !== 0) out[offset + k] = Math.log1p(out[offset + k]);
      for (let k = at.pageType; k < width; k++) if (out[offset + k] !== 0) out[offset + k] = Math.log1p(out[offset + k]);
    }
  }
}
