import type { BlockEncoder, LeadInput } from './encoder.js';
import type { EventSpec, TimeSpec } from './feature-spec.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The observation point of a lead: its creation plus the window, or the fixed time; null when unknown. */
export function observationPoint(time: TimeSpec | null, createdAt: number | null): number | null {
  if (!time) return null;
  if ('at' in time.observation) return Date.parse(time.observation.at);
  return createdAt === null ? null : createdAt + time.observation.windowDays * DAY_MS;
}

/**
 * When the lead arrived: hour of day and day of week (UTC), and with a fixed observation
 * time, the lead's age in days then. Unknown creation time → zeros and `created__missing`.
 */
export class CreatedTimeEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group = 'time';
  private readonly withAge: boolean;

  constructor(spec: TimeSpec) {
    this.withAge = 'at' in spec.observation;
    this.names = ['created.hour', ...WEEKDAYS.map((d) => `created.day=${d}`), 'created__missing'];
    if (this.withAge) this.names.push('lead.ageDays');
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    for (let k = 0; k < this.names.length; k++) out[offset + k] = 0;
    const t = lead.createdAt;
    if (t === null) {
      out[offset + 8] = 1;
      return;
    }
    const date = new Date(t);
    out[offset] = date.getUTCHours();
    out[offset + 1 + ((date.getUTCDay() + 6) % 7)] = 1;
    if (this.withAge && lead.observationPoint !== null) out[offset + 9] = (lead.observationPoint - t) / DAY_MS;
  }
}

/**
 * Time between touchpoints: first event to first form fill (hours), first to last event
 * (days), creation to first event (days, negative for visits before the lead was created),
 * and days from the last event to the observation point. −1 when there is nothing to measure.
 */
export class TouchpointTimingEncoder implements BlockEncoder {
  readonly names = [
    'events.hoursToFirstFormFill',
    'events.noFormFill',
    'events.daysFirstToLast',
    'events.daysCreatedToFirst',
    'events.daysSinceLast',
  ];
  readonly group = 'time';
  private readonly formFill: Set<string>;

  constructor(spec: EventSpec) {
    this.formFill = new Set(spec.formFillTypes);
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const events = lead.path?.events ?? [];
    out[offset] = -1;
    out[offset + 1] = 1;
    out[offset + 2] = -1;
    out[offset + 3] = -1;
    out[offset + 4] = -1;
    if (events.length === 0) return;
    const first = events[0].t;
    const last = events[events.length - 1].t;
    const fill = events.find((e) => e.type !== null && this.formFill.has(e.type));
    if (fill) {
      out[offset] = (fill.t - first) / HOUR_MS;
      out[offset + 1] = 0;
    }
    out[offset + 2] = (last - first) / DAY_MS;
    if (lead.createdAt !== null) out[offset + 3] = (first - lead.createdAt) / DAY_MS;
    if (lead.observationPoint !== null) out[offset + 4] = Math.max(0, (lead.observationPoint - last) / DAY_MS);
  }
}
