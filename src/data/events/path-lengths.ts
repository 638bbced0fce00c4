import { columnValues } from '../column-values.js';
import type { Dataset } from '../datasets/load-dataset.js';
import { parseIsoDate } from '../parse-iso-date.js';

/** Touchpoints per lead, counted from the event log. */
export interface PathLengths {
  /** Events per lead, in the order of `dataset.leads` (0 for leads without events). */
  lengths: Int32Array;
  /** Leads with at least one event. */
  leadsWithEvents: number;
  /** Events left out because they happened at or after the lead's label time (e.g. customer onboarding). */
  censoredEvents: number;
  /** Events whose lead id is not among the leads. */
  unmatchedEvents: number;
}

/**
 * Counts each lead's touchpoints in the event log. With a label time in the config
 * (`labelTime`, e.g. accepted_at) events at or after it are not counted: they happened
 * once the outcome was known. Null when the data set has no event log.
 */
export function pathLengths(dataset: Dataset): PathLengths | null {
  const { events, config } = dataset;
  if (!events || !config.events || !config.id) return null;
  const ids = columnValues(dataset.leads, config.id);
  const rowOf = new Map<unknown, number>();
  for (let i = 0; i < ids.length; i++) rowOf.set(ids[i], i);
  const labelTimes = config.labelTime ? Array.from(columnValues(dataset.leads, config.labelTime), toMillis) : undefined;
  const eventLeads = columnValues(events, config.events.leadId);
  const eventTimes = columnValues(events, config.events.time);
  const lengths = new Int32Array(ids.length);
  let censoredEvents = 0;
  let unmatchedEvents = 0;
  for (let e = 0; e < eventLeads.length; e++) {
    const row = rowOf.get(eventLeads[e]);
    if (row === undefined) {
      unmatchedEvents++;
      continue;
    }
    const cutoff = labelTimes?.[row];
    if (cutoff !== undefined && !Number.isNaN(cutoff) && toMillis(eventTimes[e]) >= cutoff) {
      censoredEvents++;
      continue;
    }
    lengths[row]++;
  }
  let leadsWithEvents = 0;
  for (const n of lengths) if (n > 0) leadsWithEvents++;
  return { lengths, leadsWithEvents, censoredEvents, unmatchedEvents };
}

function toMillis(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return parseIsoDate(value.trim());
  return Number.NaN;
}
