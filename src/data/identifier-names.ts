/** Words that make a column an identifier or contact number wherever they appear in its name. */
const ID_WORDS = new Set([
  'id',
  'ids',
  'uuid',
  'guid',
  'key',
  'zip',
  'zipcode',
  'postcode',
  'postal',
  'phone',
  'telephone',
  'tel',
  'mobile',
  'fax',
  'ssn',
  'iban',
  'sku',
  'ean',
  'isbn',
]);

/** Words that make a column an identifier when they end its name ("Lead Number", "Account No", "Country Code"). */
const ID_SUFFIXES = new Set(['number', 'no', 'nr', 'num', 'code']);

/** Splits a column name into lower-case words: "LeadID" → lead, id; "first_touch-channel" → first, touch, channel. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Whether a column's name says it holds identifiers or codes that only look like
 * numbers (ids, zip codes, phone numbers): "lead_id", "Lead Number", "ZIP",
 * "phoneNo". Such columns stay text so "02134" keeps its zero and nobody averages them.
 */
export function isIdentifierName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (words.some((w) => ID_WORDS.has(w))) return true;
  return words.length > 1 && ID_SUFFIXES.has(words[words.length - 1]);
}
