import { ConfigError } from '../core/errors.js';

/** Categorical, non-personal fields the dashboard can filter by, in order of preference. */
export const DEFAULT_SEGMENT_FIELDS = ['job_title', 'industry', 'lead_origin', 'region', 'country', 'lead_source'] as const;

/** Stage columns of scored data, in order of preference. */
export const DEFAULT_STAGE_FIELDS = ['predicted_stage', 'stage', 'funnel_stage'] as const;

/** Longest segment or stage value kept (longer text is cut). */
export const MAX_SEGMENT_LENGTH = 60;

const PERSONAL =
  /e-?mail|phone|mobile|(^|_)(first|last|full|given|family|sur)_?name$|^name$|address|street|postcode|zip|birth|ssn|passport|ip_?addr/i;

/** Whether a field name looks like personal data (e-mail, phone, names, addresses …). */
export function isPersonalField(field: string): boolean {
  return PERSONAL.test(field);
}

/** Refuses a personal-looking field as a dashboard segment or stage field. */
export function assertSegmentField(flag: string, field: string): string {
  if (isPersonalField(field))
    throw new ConfigError(`${flag} "${field}" looks like personal data; choose a category such as job_title or industry`);
  return field;
}

/** The segment fields to keep: the configured one first, then the defaults found in `available`. */
export function segmentFields(configured: string | undefined, available: Iterable<string>): string[] {
  const have = new Set(available);
  const out = configured ? [configured] : [];
  for (const f of DEFAULT_SEGMENT_FIELDS) if (have.has(f) && !out.includes(f)) out.push(f);
  return out;
}

/** A segment value as kept: trimmed text, cut to MAX_SEGMENT_LENGTH; blanks are null. */
export function segmentValue(value: unknown): string | null {
  if (value === null || value === undefined || typeof value === 'object') return null;
  const text = String(value).trim();
  return text === '' ? null : text.slice(0, MAX_SEGMENT_LENGTH);
}
