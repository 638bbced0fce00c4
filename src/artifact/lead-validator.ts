import { parsePlainNumber } from '../data/parse-plain-number.js';
import { parseBooleanLike } from '../features/boolean-like.js';
import type { ColumnEncoding, FeatureSpec } from '../features/feature-spec.js';
import { isPlaceholder, parseIsoTime } from '../features/normalize-value.js';
import type { LoadedArtifact } from './load-artifact.js';
import type { LeadProblem } from './validate-lead.js';

const DEFAULT_PLACEHOLDERS = ['', 'Select', 'N/A', 'NA', 'null'];

/**
 * `validateLead` prepared once per model, for scoring many leads: the placeholders, the columns
 * to check and the time columns are looked up once, and dates in the usual ISO form are read
 * without a regular expression. Finds the same problems, in the same order, with the same words.
 */
export class LeadValidator {
  private readonly spec: FeatureSpec | null;
  private readonly placeholders: Set<string>;
  private readonly checked: ColumnEncoding[];

  constructor(artifact: LoadedArtifact) {
    this.spec = artifact.spec;
    this.placeholders = new Set((this.spec?.dataset.placeholders ?? DEFAULT_PLACEHOLDERS).map((p) => p.trim().toLowerCase()));
    this.checked = (this.spec?.columns ?? []).filter((c) => c.type === 'numeric' || c.type === 'boolean');
  }

  /** Problems with a lead's fields and events (empty when it can be scored). */
  problems(lead: unknown, events: unknown = []): LeadProblem[] {
    const problems: LeadProblem[] = [];
    if (lead === null || typeof lead !== 'object' || Array.isArray(lead))
      return [{ field: 'lead', message: 'expected an object of field → value' }];
    const record = lead as Record<string, unknown>;
    for (const field of Object.keys(record)) {
      const value = record[field];
      if (value !== null && typeof value === 'object')
        problems.push({ field, message: 'expected a single value, got an object or a list' });
    }
    const spec = this.spec;
    if (!spec) return problems;
    for (const c of this.checked) {
      const v = record[c.column];
      if (this.isBlank(v) || (typeof v === 'object' && v !== null)) continue;
      if (c.type === 'numeric') {
        const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number.NaN : parsePlainNumber(String(v).trim());
        if (!Number.isFinite(n)) problems.push({ field: c.column, message: `expected a number, got ${JSON.stringify(v)}` });
      } else if (Number.isNaN(parseBooleanLike(v) as number)) {
        problems.push({ field: c.column, message: `expected yes/no, true/false, y/n or 1/0, got ${JSON.stringify(v)}` });
      }
    }
    if (spec.time) {
      const v = record[spec.time.created];
      if (!this.isBlank(v) && Number.isNaN(parseIsoTime(String(v).trim())))
        problems.push({
          field: spec.time.created,
          message: `expected an ISO date-time such as 2025-03-05T14:30:00Z, got ${JSON.stringify(v)}`,
        });
    }
    const time = spec.events?.columns.time;
    if (time !== undefined && events !== undefined && events !== null) {
      if (!Array.isArray(events)) problems.push({ field: 'events', message: 'expected a list of events' });
      else {
        events.forEach((ev, k) => {
          if (ev === null || typeof ev !== 'object' || Array.isArray(ev))
            problems.push({ field: `events[${k}]`, message: 'expected an object' });
          else if (Number.isNaN(parseIsoTime(String((ev as Record<string, unknown>)[time] ?? '').trim()))) {
            problems.push({
              field: `events[${k}].${time}`,
              message: `expected an ISO date-time, got ${JSON.stringify((ev as Record<string, unknown>)[time] ?? null)}`,
            });
          }
        });
      }
    }
    return problems;
  }

  private isBlank(v: unknown): boolean {
    return v === null || v === undefined || (typeof v === 'string' && isPlaceholder(v.trim(), this.placeholders));
  }
}
