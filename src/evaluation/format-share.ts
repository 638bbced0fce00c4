/** Number formatting for the messages of the evaluation layer (plain text a stakeholder reads). */

/** A share as a percentage: 0.0123 → "1.23%", 0.123 → "12.3%", 0.5 → "50%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return String(share);
  const pct = share * 100;
  const digits = Math.abs(pct) < 1 ? 2 : Math.abs(pct) < 10 ? 1 : 0;
  return `${Number(pct.toFixed(digits))}%`;
}

/** A count with thousands separators; fractional counts keep one decimal (ties shared out evenly). */
export function formatCount(count: number): string {
  const rounded = Number.isInteger(count) ? count : Math.round(count * 10) / 10;
  return rounded.toLocaleString('en-US');
}

/** A score or threshold with up to four significant digits: 0.123456 → "0.1235", 42 → "42". */
export function formatScore(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}
