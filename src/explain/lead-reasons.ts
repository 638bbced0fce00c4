import { describeFeature } from './feature-words.js';

/** One driver of a lead's score, in words a seller can read. */
export interface Reason {
  /** The input field or feature group (timeframe, events, path …). */
  group: string;
  /** E.g. "timeframe is 0-3 months", "visits to pricing pages". */
  text: string;
  /** Score points (0–100 scale) this driver adds (positive) or removes (negative). */
  points: number;
  /** The same on the model's scale (log-odds, or probability for forests). */
  contribution: number;
}

export interface ReasonOptions {
  /** Drivers listed per direction (default 3). */
  top?: number;
  /** The lead's 0–100 score minus the average lead's: contributions are spread over this many points. */
  scoreGap: number;
  /** Raw values of the lead's fields, to say "industry: software" rather than a feature name. */
  lead?: Readonly<Record<string, unknown>>;
  /** Values that mean "not given" (trimmed, lower-cased), shown as such. */
  placeholders?: ReadonlySet<string>;
}

/**
 * Turns one lead's feature contributions into its top positive and negative reasons: the
 * contributions are summed per group (input field, or events / path / time …), each group
 * is described by its strongest feature as the lead has it, and the score gap to the
 * average lead is shared out in proportion, so the points of all drivers add up to it.
 */
export function leadReasons(
  contributions: ArrayLike<number>,
  features: { names: readonly string[]; groups: readonly string[]; values: ArrayLike<number> },
  options: ReasonOptions,
): { positive: Reason[]; negative: Reason[] } {
  const byGroup = new Map<string, { sum: number; strongest: number }>();
  let total = 0;
  for (let j = 0; j < contributions.length; j++) {
    const c = contributions[j];
    if (c === 0) continue;
    total += c;
    const g = features.groups[j];
    const entry = byGroup.get(g);
    if (!entry) byGroup.set(g, { sum: c, strongest: j });
    else {
      entry.sum += c;
      if (Math.abs(c) > Math.abs(contributions[entry.strongest])) entry.strongest = j;
    }
  }
  const perUnit = Math.abs(total) > 1e-12 ? options.scoreGap / total : 0;
  const reasons: Reason[] = [...byGroup.entries()].map(([group, { sum, strongest }]) => ({
    group,
    text: reasonText(group, features.names[strongest], features.values[strongest], options.lead, options.placeholders),
    points: Math.round(sum * perUnit * 10) / 10,
    contribution: sum,
  }));
  const top = options.top ?? 3;
  // A driver worth less than half a point does not make a reason.
  const telling = reasons.filter((r) => Math.abs(r.points) >= 0.5 || perUnit === 0);
  return {
    positive: telling
      .filter((r) => r.contribution > 0)
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, top),
    negative: telling
      .filter((r) => r.contribution < 0)
      .sort((a, b) => a.contribution - b.contribution)
      .slice(0, top),
  };
}

/** "Timeframe is 0-3 months: +14 points" ("Employees: 250 (+3 points)" when the text has a colon already). */
export function formatReason(reason: Reason): string {
  const n = Math.abs(Math.round(reason.points));
  const points = `${reason.points >= 0 ? '+' : '−'}${n} point${n === 1 ? '' : 's'}`;
  const text = capitalize(reason.text);
  return text.includes(':') ? `${text} (${points})` : `${text}: ${points}`;
}

function reasonText(
  group: string,
  feature: string,
  value: number,
  lead?: Readonly<Record<string, unknown>>,
  placeholders?: ReadonlySet<string>,
): string {
  const raw = lead && Object.hasOwn(lead, group) ? lead[group] : undefined;
  const isIndicator = /=|__missing$|\.has=/.test(feature);
  if (isIndicator && value === 1) return describeFeature(feature);
  if (raw !== undefined) {
    const given = raw === null ? '' : String(raw).trim();
    const text = given === '' || placeholders?.has(given.toLowerCase()) ? 'not given' : given;
    return `${group.replace(/_/g, ' ')}: ${text}`;
  }
  if (isIndicator) return `not: ${describeFeature(feature)}`;
  return describeFeature(feature);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
