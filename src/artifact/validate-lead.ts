import { parseIsoDate } from '../data/parse-iso-date.js';
import { parsePlainNumber } from '../data/parse-plain-number.js';
import { parseBooleanLike } from '../features/boolean-like.js';
import type { LoadedArtifact } from './load-artifact.js';

/** One thing wrong with a lead, named by field ("employees", "events[2].timestamp"). */
export interface LeadProblem {
  field: string;
  message: string;
}

/**
 * Checks a lead against what the model reads: an object; numbers (or numeric text) where the
 * model expects numbers; yes/no values for yes/no fields; an ISO date-time for the creation
 * date; no nested objects; events (when given) a list of objects with a readable time.
 * Blank values and the data set's placeholders ("Select", "N/A" …) count as missing and are
 * fine: missingness is information. Fields the model does not read are ignored.
 */
export function validateLead(artifact: LoadedArtifact, lead: unknown, events: unknown = []): LeadProblem[] {
  const problems: LeadProblem[] = [];
  if (lead === null || typeof lead !== 'object' || Array.isArray(lead))
    return [{ field: 'lead', message: 'expected an object of field → value' }];
  const record = lead as Record<string, unknown>;
  const spec = artifact.spec;
  const placeholders = new Set(
    (spec?.dataset.placeholders ?? ['', 'Select', 'N/A', 'NA', 'null']).map((p) => p.trim().toLowerCase()),
  );
  const isBlank = (v: unknown): boolean =>
    v === null || v === undefined || (typeof v === 'string' && placeholders.has(v.trim().toLowerCase()));
  for (const [field, value] of Object.entries(record)) {
    if (value !== null && typeof value === 'object')
      problems.push({ field, message: 'expected a single value, got an object or a list' });
  }
  if (spec) {
    for (const c of spec.columns) {
      const v = record[c.column];
      if (isBlank(v) || (typeof v === 'object' && v !== null)) continue;
      if (c.type === 'numeric') {
        const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number.NaN : parsePlainNumber(String(v).trim());
        if (!Number.isFinite(n)) problems.push({ field: c.column, message: `expected a number, got ${JSON.stringify(v)}` });
      } else if (c.type === 'boolean' && Number.isNaN(parseBooleanLike(v) as number)) {
        problems.push({ field: c.column, message: `expected yes/no, true/false, y/n or 1/0, got ${JSON.stringify(v)}` });
      }
    }
    if (spec.time) {
      const v = record[spec.time.created];
      if (!isBlank(v) && Number.isNaN(parseIsoDate(String(v).trim())))
        problems.push({
          field: spec.time.created,
          message: `expected an ISO date-time such as 2025-03-05T14:30:00Z, got ${JSON.stringify(v)}`,
        });
    }
    const e = spec.events?.columns;
    if (e && events !== undefined && events !== null) {
      if (!Array.isArray(events)) problems.push({ field: 'events', message: 'expected a list of events' });
      else {
        events.forEach((ev, k) => {
          if (ev === null || typeof ev !== 'object' || Array.isArray(ev))
            problems.push({ field: `events[${k}]`, message: 'expected an object' });
          else if (Number.isNaN(parseIsoDate(String((ev as Record<string, unknown>)[e.time] ?? '').trim()))) {
            problems.push({
              field: `events[${k}].${e.time}`,
              message: `expected an ISO date-time, got ${JSON.stringify((ev as Record<string, unknown>)[e.time] ?? null)}`,
            });
          }
        });
      }
    }
  }
  return problems;
}
