import type { LeadEvent } from './event-log.js';
import type { TimeSpec } from './feature-spec.js';
import { cleanTime } from './normalize-value.js';
import { observationPoint } from './time-features.js';

/**
 * Drops the events at or after a lead's cutoff — its label time (e.g. the moment sales
 * accepted it; later visits are the new customer's onboarding) or the end of its
 * observation window — before any feature is computed from them. `events` must be time
 * ordered; returns the kept prefix and how many were dropped.
 */
export function censorEvents(events: readonly LeadEvent[], cutoff: number): { kept: LeadEvent[]; dropped: number } {
  if (!Number.isFinite(cutoff)) return { kept: events as LeadEvent[], dropped: 0 };
  let n = 0;
  while (n < events.length && events[n].t < cutoff) n++;
  return { kept: n === events.length ? (events as LeadEvent[]) : events.slice(0, n), dropped: events.length - n };
}

/** The earliest of the lead's label time and observation point (Infinity when neither is known). */
export function leadCutoff(labelTime: number | null, observationPoint: number | null): number {
  let cutoff = Number.POSITIVE_INFINITY;
  if (labelTime !== null && Number.isFinite(labelTime)) cutoff = labelTime;
  if (observationPoint !== null && Number.isFinite(observationPoint)) cutoff = Math.min(cutoff, observationPoint);
  return cutoff;
}

/** A lead's creation time, observation point and event cutoff (ms since the epoch; null / Infinity when unknown). */
export interface LeadTimes {
  createdAt: number | null;
  observationPoint: number | null;
  cutoff: number;
}

/**
 * Reads a lead's times: creation (from the time spec's column), observation point, and the
 * cutoff of its events — the label time when censoring is on, or the observation point,
 * whichever comes first.
 */
export function readLeadTimes(
  get: (column: string) => unknown,
  time: TimeSpec | null,
  labelTimeColumn: string | undefined,
  censor: boolean,
  placeholders: ReadonlySet<string>,
): LeadTimes {
  const created = time ? cleanTime(get(time.created), placeholders) : null;
  const createdAt = created !== null && Number.isFinite(created) ? created : null;
  const point = observationPoint(time, createdAt);
  const label = censor && labelTimeColumn ? cleanTime(get(labelTimeColumn), placeholders) : null;
  return { createdAt, observationPoint: point, cutoff: leadCutoff(label, point) };
}
