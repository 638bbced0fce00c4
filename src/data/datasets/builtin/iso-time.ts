const DAY_S = 86_400;
const dayPrefixes = new Map<number, string>();

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * ISO 8601 UTC text of a whole second since the epoch, e.g. 2025-03-14T09:21:33Z.
 * Locale-independent; day prefixes are cached because events cluster on few days.
 */
export function formatIsoSecond(second: number): string {
  const day = Math.floor(second / DAY_S);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_S * 1000).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const rest = second - day * DAY_S;
  const hours = Math.floor(rest / 3600);
  const minutes = Math.floor((rest % 3600) / 60);
  return `${prefix}${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(rest % 60)}Z`;
}
