import type { EventTable } from './event-table.js';
import { formatIsoSecond } from './iso-time.js';
import { leadId } from './lead-id.js';
import { eventUrl } from './site-behaviour.js';
import { SITE_PAGES } from './site-catalogue.js';
import { CHANNELS, EVENT_TYPES } from './taxonomy.js';

/**
 * The cells of event `row` as written to events.csv (BUILTIN_EVENT_COLUMNS order):
 * lead_id, timestamp, channel, url, title, event_type, time_on_page_s.
 */
export function eventCells(events: EventTable, row: number): string[] {
  const page = events.page[row];
  const channel = events.channel[row];
  return [
    leadId(events.leadRow[row]),
    formatIsoSecond(events.timestampS[row]),
    CHANNELS[channel],
    eventUrl(page, channel, events.campaignTagged[row] === 1),
    SITE_PAGES[page].title,
    EVENT_TYPES[events.eventType[row]],
    String(events.timeOnPageS[row]),
  ];
}
