/** Integers with more significant digits than this lose precision as doubles and are identifiers anyway. */
const MAX_DIGITS = 15;

/**
 * Parses a trimmed decimal number as written in a CSV: optional minus, digits with an
 * optional fraction, optional exponent ("12", "-0.5", ".5", "1e-3"). Returns NaN for
 * anything else and for text that only looks numeric but is an identifier or code:
 * a leading zero ("007", "02134"), a plus sign ("+4930…", a phone number), more than
 * 15 integer digits, "Infinity", hex, or thousands separators.
 *
 * `decimalComma` reads "3,5" as 3.5 (files from locales that write decimals that way).
 */
export function parsePlainNumber(text: string, decimalComma = false): number {
  const n = text.length;
  let i = 0;
  if (text.charCodeAt(0) === 45) i++; // '-'
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (intDigits > 1 && text.charCodeAt(intStart) === 48) return Number.NaN; // leading zero: an identifier
  if (intDigits > MAX_DIGITS) return Number.NaN;
  let fracDigits = 0;
  const sep = decimalComma ? 44 : 46;
  let sepAt = -1;
  if (i < n && text.charCodeAt(i) === sep) {
    sepAt = i++;
    const fracStart = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    fracDigits = i - fracStart;
  }
  if (intDigits + fracDigits === 0) return Number.NaN;
  if (i < n && (text.charCodeAt(i) | 32) === 101) {
    // exponent: e or E, optional sign, digits
    i++;
    if (i < n && (text.charCodeAt(i) === 45 || text.charCodeAt(i) === 43)) i++;
    const expStart = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === expStart) return Number.NaN;
  }
  if (i !== n) return Number.NaN;
  if (sepAt >= 0 && decimalComma) return Number(`${text.slice(0, sepAt)}.${text.slice(sepAt + 1)}`);
  return Number(text);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
