import type { ColumnTable } from 'arquero';
import { columnValues } from '../data/column-values.js';
import { cleanNumber, cleanText, cleanTime } from './normalize-value.js';

/** The event-log columns a pipeline reads (names as in the dataset config). */
export interface EventColumns {
  leadId: string;
  time: string;
  url?: string;
  title?: string;
  channel?: string;
  type?: string;
  duration?: string;
}

/** One touchpoint, cleaned: channel and type lower-cased, missing text null, unknown duration 0. */
export interface LeadEvent {
  /** Milliseconds since the epoch. */
  t: number;
  channel: string | null;
  url: string | null;
  title: string | null;
  type: string | null;
  /** Seconds spent (0 when unknown). */
  duration: number;
}

/**
 * Cleans one raw event (a loaded row or incoming JSON) the same way either way; null
 * when its time is missing or unreadable (such an event cannot be placed on the path).
 */
export function cleanEvent(
  get: (column: string) => unknown,
  columns: EventColumns,
  placeholders: ReadonlySet<string>,
): LeadEvent | null {
  const t = cleanTime(get(columns.time), placeholders);
  if (t === null || Number.isNaN(t)) return null;
  const duration = columns.duration ? cleanNumber(get(columns.duration), placeholders) : null;
  return {
    t,
    channel: columns.channel ? cleanText(get(columns.channel), true, placeholders) : null,
    url: columns.url ? cleanText(get(columns.url), false, placeholders) : null,
    title: columns.title ? cleanText(get(columns.title), false, placeholders) : null,
    type: columns.type ? cleanText(get(columns.type), true, placeholders) : null,
    duration: duration !== null && Number.isFinite(duration) && duration > 0 ? duration : 0,
  };
}

/** Cleans a lead's events and orders them by time (ties keep their input order); also counts the unreadable ones. */
export function cleanLeadEvents(
  count: number,
  get: (k: number, column: string) => unknown,
  columns: EventColumns,
  placeholders: ReadonlySet<string>,
): { events: LeadEvent[]; unreadable: number } {
  const events: LeadEvent[] = [];
  let unreadable = 0;
  for (let k = 0; k < count; k++) {
    const e = cleanEvent((c) => get(k, c), columns, placeholders);
    if (e) events.push(e);
    else unreadable++;
  }
  events.sort((a, b) => a.t - b.t);
  return { events, unreadable };
}

/** The rows of an event table grouped by lead id (as text), in table order. */
export class EventIndex {
  private readonly rowsOf = new Map<string, number[]>();
  private readonly columns = new Map<string, ArrayLike<unknown>>();

  constructor(
    readonly table: ColumnTable,
    readonly eventColumns: EventColumns,
  ) {
    for (const name of Object.values(eventColumns)) {
      if (name && !this.columns.has(name)) this.columns.set(name, columnValues(table, name));
    }
    const ids = this.columns.get(eventColumns.leadId)!;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id === null || id === undefined) continue;
      const key = String(id).trim();
      const rows = this.rowsOf.get(key);
      if (rows) rows.push(i);
      else this.rowsOf.set(key, [i]);
    }
  }

  /** Number of event rows. */
  get size(): number {
    return this.table.numRows();
  }

  /** Table rows of one lead's events (empty when it has none). */
  rows(leadId: string): readonly number[] {
    return this.rowsOf.get(leadId) ?? [];
  }

  /** Cleaned, time-ordered events of one lead. */
  leadEvents(leadId: string, placeholders: ReadonlySet<string>): { events: LeadEvent[]; unreadable: number } {
    const rows = this.rows(leadId);
    return cleanLeadEvents(rows.length, (k, c) => this.columns.get(c)![rows[k]], this.eventColumns, placeholders);
  }

  /** Lead ids with events. */
  leadIds(): IterableIterator<string> {
    return this.rowsOf.keys();
  }
}
