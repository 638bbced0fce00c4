import { describeFeature, isIndicatorName } from '../feature-words.js';
import { MIN_POINTS, type Reason, type ReasonOptions, roundPoints } from '../lead-reasons.js';

/** The first implementation of `leadReasons` (a map per lead), kept as the reference of the compiled one. */
export function referenceLeadReasons(
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
  const perUnit = Math.abs(total) > 1e-12 ? Math.max(0, options.scoreGap / total) : 0;
  const reasons: Reason[] = [...byGroup.entries()].map(([group, { sum, strongest }]) => ({
    group,
    text: reasonText(group, features.names[strongest], features.values[strongest], options.lead, options.placeholders),
    points: roundPoints(sum * perUnit),
    contribution: sum,
  }));
  const top = options.top ?? 3;
  // A driver worth less than a hundredth of a point does not make a reason.
  const telling = reasons.filter((r) => Math.abs(r.points) >= MIN_POINTS || perUnit === 0);
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

function reasonText(
  group: string,
  feature: string,
  value: number,
  lead?: Readonly<Record<string, unknown>>,
  placeholders?: ReadonlySet<string>,
): string {
  const raw = lead && Object.hasOwn(lead, group) ? lead[group] : undefined;
  const isIndicator = isIndicatorName(feature);
  if (isIndicator && value === 1) return describeFeature(feature);
  if (raw !== undefined) {
    const given = raw === null ? '' : String(raw).trim();
    const text = given === '' || placeholders?.has(given.toLowerCase()) ? 'not given' : given;
    return `${group.replace(/_/g, ' ')}: ${text}`;
  }
  if (isIndicator) return `not: ${describeFeature(feature)}`;
  return describeFeature(feature);
}
