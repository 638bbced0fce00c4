import { LeadReasoner } from './lead-reasoner.js';

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
  /**
   * The lead's 0–100 score minus that of the lead whose contributions are all zero: contributions
   * are spread over this many points (none when it has the other sign than their sum).
   */
  scoreGap: number;
  /** Raw values of the lead's fields, to say "industry: software" rather than a feature name. */
  lead?: Readonly<Record<string, unknown>>;
  /** Values that mean "not given" (trimmed, lower-cased), shown as such. */
  placeholders?: ReadonlySet<string>;
}

/**
 * Turns one lead's feature contributions into its top positive and negative reasons: the
 * contributions are summed per group (input field, or events / path / time …), each group
 * is described by its strongest feature as the lead has it, and the score gap (`scoreGap`) is
 * shared out in proportion, so the points of all drivers add up to it.
 * `LeadReasoner` does the same for many leads of one model.
 */
export function leadReasons(
  contributions: ArrayLike<number>,
  features: { names: readonly string[]; groups: readonly string[]; values: ArrayLike<number> },
  options: ReasonOptions,
): { positive: Reason[]; negative: Reason[] } {
  let reasoner = reasoners.get(features.names);
  if (!reasoner || reasoner.groups !== features.groups) {
    reasoner = new LeadReasoner(features.names, features.groups);
    reasoners.set(features.names, reasoner);
  }
  return reasoner.reasons(contributions, features.values, options);
}

/** Reasoners by feature-name list, for callers that explain many leads of one model. */
const reasoners = new WeakMap<readonly string[], LeadReasoner>();

/** The smallest driver that makes a reason: a hundredth of a score point. */
export const MIN_POINTS = 0.01;

/**
 * Score points rounded for showing: to a tenth from 0.1 up, to a hundredth below (where a lead
 * scores a few points, as when one lead in a hundred converts, its drivers are worth fractions of one).
 */
export function roundPoints(points: number): number {
  return Math.abs(points) >= 0.095 ? Math.round(points * 10) / 10 : Math.round(points * 100) / 100;
}

/** "Timeframe is 0-3 months: +14 points" ("Employees: 250 (+3 points)", "+0.04 points" for a fraction of one). */
export function formatReason(reason: Reason): string {
  const magnitude = Math.abs(reason.points);
  const n = magnitudeText(magnitude);
  const points = `${reason.points >= 0 ? '+' : '−'}${n} point${n === '1' ? '' : 's'}`;
  const text = capitalize(reason.text);
  return text.includes(':') ? `${text} (${points})` : `${text}: ${points}`;
}

/** Texts of magnitudes in hundredths below 1 (as `roundPoints` leaves them) and of whole points to 100, made once. */
const HUNDREDTHS = Array.from({ length: 100 }, (_, k) => String(k / 100));
const WHOLE = Array.from({ length: 101 }, (_, k) => String(k));

/** A magnitude of points as shown: below 1 as it is ("0.3", "0.04"), from 1 on rounded to a whole number. */
function magnitudeText(magnitude: number): string {
  if (magnitude < 1) {
    const k = Math.round(magnitude * 100);
    return k / 100 === magnitude ? HUNDREDTHS[k] : String(magnitude);
  }
  const whole = Math.round(magnitude);
  return whole <= 100 ? WHOLE[whole] : String(whole);
}

function capitalize(text: string): string {
  const c = text.charCodeAt(0);
  // An ASCII lower-case letter (most reasons) is shifted; other first letters are upper-cased in full.
  if (c >= 97 && c <= 122) return String.fromCharCode(c - 32) + text.slice(1);
  return c < 128 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
