import { InputError } from '../../core/errors.js';
import { columnValues } from '../column-values.js';
import type { Dataset } from './load-dataset.js';

/** One lead as field → value and its events as objects, the shape an integration sends for scoring. */
export interface LeadRecord {
  lead: Record<string, unknown>;
  events: Record<string, unknown>[];
}

/** The lead with this id (and its events). */
export function leadRecord(dataset: Dataset, id: string): LeadRecord {
  const idColumn = dataset.config.id;
  if (!idColumn) throw new InputError('the dataset config names no "id" column', { field: 'id' });
  const ids = columnValues(dataset.leads, idColumn);
  for (let i = 0; i < ids.length; i++) if (String(ids[i]) === id) return recordAt(dataset, i);
  throw new InputError(`no lead with ${idColumn} "${id}"`);
}

/** The lead in row `row` (0-based) of the leads table, with its events. */
export function recordAt(dataset: Dataset, row: number): LeadRecord {
  const lead = dataset.leads.object(row) as Record<string, unknown>;
  const events: Record<string, unknown>[] = [];
  const e = dataset.config.events;
  if (dataset.events && e && dataset.config.id) {
    const id = String(lead[dataset.config.id]);
    const leadIds = columnValues(dataset.events, e.leadId);
    for (let k = 0; k < leadIds.length; k++)
      if (String(leadIds[k]) === id) events.push(dataset.events.object(k) as Record<string, unknown>);
  }
  return { lead, events };
}

/**
 * The first lead (in file order) with at least `minEvents` events over at least two
 * different pages: a good example for showing what the order of a path adds.
 */
export function firstLeadWithPath(dataset: Dataset, minEvents = 3): LeadRecord | null {
  const e = dataset.config.events;
  if (!dataset.events || !e || !dataset.config.id || !e.url) return null;
  const leadIds = columnValues(dataset.events, e.leadId);
  const urls = columnValues(dataset.events, e.url);
  const pages = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (let k = 0; k < leadIds.length; k++) {
    const id = String(leadIds[k]);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const set = pages.get(id) ?? new Set<string>();
    set.add(String(urls[k]));
    pages.set(id, set);
  }
  const ids = columnValues(dataset.leads, dataset.config.id);
  for (let i = 0; i < ids.length; i++) {
    const id = String(ids[i]);
    if ((counts.get(id) ?? 0) >= minEvents && (pages.get(id)?.size ?? 0) >= 2) return recordAt(dataset, i);
  }
  return null;
}
