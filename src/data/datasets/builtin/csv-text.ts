/**
 * RFC 4180 text: a field is quoted when it holds a comma, quote, CR or LF (quotes doubled),
 * and also when it starts or ends with whitespace, so that readers which trim unquoted
 * fields keep the stray spaces this data set carries on purpose.
 */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function toCsvField(value: string): string {
  if (value === '' || !NEEDS_QUOTES.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/** One CSV record, terminated by a line feed. */
export function toCsvLine(values: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + toCsvField(values[i]);
  return `${line}\n`;
}
