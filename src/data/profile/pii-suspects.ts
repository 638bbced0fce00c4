import { nameWords } from '../identifier-names.js';
import { isMissing } from '../schema/column-stats.js';
import type { ColumnKind } from '../schema/infer-column-kind.js';

export type PiiCategory = 'email' | 'phone' | 'person name' | 'address' | 'other personal data';

/** A column that may hold personal data. */
export interface PiiSuspect {
  column: string;
  /** Listed in the config's `pii`. */
  configured: boolean;
  category: PiiCategory | null;
  /** Evidence, e.g. 'name mentions "email"', '97% of values look like e-mail addresses'. */
  reasons: string[];
  /** Share of the sampled filled values matching the category's pattern; null when judged by name only. */
  share: number | null;
}

/** Values sampled per column for the pattern checks. */
const SAMPLE = 2000;

const NAME_WORDS: readonly [PiiCategory, readonly string[]][] = [
  ['email', ['email', 'mail', 'emailaddress']],
  ['phone', ['phone', 'telephone', 'tel', 'mobile', 'cell', 'fax', 'whatsapp', 'phonenumber']],
  ['person name', ['firstname', 'lastname', 'surname', 'fullname', 'forename', 'name']],
  ['address', ['address', 'street', 'addr', 'zip', 'zipcode', 'postcode', 'postal']],
  ['other personal data', ['ssn', 'passport', 'dob', 'birth', 'birthday', 'birthdate', 'ip']],
];

/** Words that make "name" refer to a thing, not a person ("company name", "campaign name"). */
const NOT_A_PERSON = new Set([
  'company',
  'account',
  'organization',
  'organisation',
  'org',
  'product',
  'campaign',
  'source',
  'file',
  'domain',
  'brand',
  'event',
  'page',
  'job',
  'city',
  'country',
  'course',
  'plan',
]);

const PATTERNS: readonly { category: PiiCategory; test: (v: string) => boolean; minShare: number; what: string }[] = [
  { category: 'email', test: (v) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v), minShare: 0.3, what: 'e-mail addresses' },
  { category: 'phone', test: isPhoneLike, minShare: 0.5, what: 'phone numbers' },
  {
    category: 'person name',
    test: (v) => /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$/u.test(v),
    minShare: 0.5,
    what: 'first-and-last names',
  },
];

/**
 * Flags columns that may hold personal data, by name (email, phone, name, address,
 * …; yes/no flags and numeric columns excluded) and by values (e-mail addresses,
 * phone numbers, "First Last" names among varied values), plus the configured ones.
 */
export function findPiiSuspects(
  columns: readonly { name: string; kind: ColumnKind; values: ArrayLike<unknown> }[],
  configuredPii: readonly string[] = [],
): PiiSuspect[] {
  const suspects: PiiSuspect[] = [];
  for (const { name, kind, values } of columns) {
    const configured = configuredPii.includes(name);
    // Yes/no flags ("Do Not Email") and counts ("email_opens") are about contact, not contact data.
    const byName = kind === 'boolean' || kind === 'numeric' ? null : categoryFromName(name);
    const byValue = kind === 'boolean' || kind === 'numeric' ? null : categoryFromValues(values);
    if (!configured && !byName && !byValue) continue;
    const reasons: string[] = [];
    if (configured) reasons.push('configured as PII');
    if (byName) reasons.push(`name mentions "${byName.word}"`);
    if (byValue) reasons.push(`${Math.round(byValue.share * 100)}% of values look like ${byValue.what}`);
    suspects.push({
      column: name,
      configured,
      category: byValue?.category ?? byName?.category ?? null,
      reasons,
      share: byValue?.share ?? null,
    });
  }
  return suspects;
}

function categoryFromName(name: string): { category: PiiCategory; word: string } | null {
  const words = nameWords(name);
  const joined = words.join('');
  for (const [category, hints] of NAME_WORDS) {
    const word = hints.find((h) => words.includes(h) || (h.length > 6 && joined.includes(h)));
    if (!word) continue;
    if (category === 'person name' && words.some((w) => NOT_A_PERSON.has(w))) continue;
    return { category, word };
  }
  return null;
}

function categoryFromValues(values: ArrayLike<unknown>): { category: PiiCategory; share: number; what: string } | null {
  const sample = sampleStrings(values);
  if (sample.length === 0) return null;
  const distinctShare = new Set(sample).size / sample.length;
  for (const pattern of PATTERNS) {
    // Names repeat little; a column of a few title-case labels ("Direct Traffic") is not a name column.
    if (pattern.category === 'person name' && distinctShare < 0.5) continue;
    const share = sample.filter(pattern.test).length / sample.length;
    if (share >= pattern.minShare) return { category: pattern.category, share, what: pattern.what };
  }
  return null;
}

/** Up to `SAMPLE` present string values, evenly spaced over the rows. */
function sampleStrings(values: ArrayLike<unknown>): string[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!isMissing(values[i]) && typeof values[i] === 'string') present.push(i);
  const step = Math.max(1, present.length / SAMPLE);
  const out: string[] = [];
  for (let k = 0; k < present.length && out.length < SAMPLE; k = Math.floor(out.length * step)) {
    out.push((values[present[k]] as string).trim());
  }
  return out;
}

/** 7–15 digits with phone punctuation ("+49 30 1234567", "(555) 123-4567"), not a bare number or a date. */
function isPhoneLike(value: string): boolean {
  if (!/^\+?[\d\s()./-]{7,22}$/.test(value)) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 && /[+\s()./-]/.test(value);
}
