import { singleColumnAuc } from '../data/profile/single-column-auc.js';
import type { ColumnKind } from '../data/schema/infer-column-kind.js';
import type { ExcludedColumn, LeakageFinding } from './feature-spec.js';

export interface LeakageGuardOptions {
  /** Single-column ROC-AUC (overall, or where the column is filled) from which a column is a suspect (default 0.9). */
  threshold: number;
  /** Columns to use although they are configured post-outcome or suspect: the explicit opt-in. */
  allow: ReadonlySet<string>;
  seed: number;
}

export interface LeakageCandidate {
  name: string;
  kind: ColumnKind;
  values: ArrayLike<unknown>;
  /** Configured as known only after the outcome (post-outcome, label time, funnel stage). */
  configured: boolean;
  configuredAs?: string;
}

/**
 * Keeps the outcome out of the features: configured post-outcome columns are excluded,
 * and any other column whose single-column ROC-AUC reaches the threshold is reported and
 * excluded too — unless it is named in `allow`, in which case it is used and the finding
 * says so. Labels: 1, 0 or −1 (unlabelled, ignored).
 */
export function guardLeakage(
  candidates: readonly LeakageCandidate[],
  labels: ArrayLike<number> | null,
  options: LeakageGuardOptions,
): { findings: LeakageFinding[]; excluded: ExcludedColumn[] } {
  const findings: LeakageFinding[] = [];
  const excluded: ExcludedColumn[] = [];
  for (const c of candidates) {
    const auc = labels && c.kind !== 'empty' ? singleColumnAuc(c.values, c.kind, labels, { seed: options.seed }) : null;
    const reasons: string[] = [];
    if (c.configured) reasons.push(`configured as ${c.configuredAs ?? 'post-outcome'}`);
    if (auc && auc.auc >= options.threshold) reasons.push(`AUC ${auc.auc.toFixed(3)} on its own (≥ ${options.threshold})`);
    if (auc?.aucPresent != null && auc.aucPresent >= options.threshold) {
      reasons.push(`AUC ${auc.aucPresent.toFixed(3)} where filled (≥ ${options.threshold})`);
    }
    if (reasons.length === 0) continue;
    const included = options.allow.has(c.name);
    findings.push({
      column: c.name,
      auc: auc?.auc ?? null,
      aucPresent: auc?.aucPresent ?? null,
      configured: c.configured,
      included,
      reasons,
    });
    if (!included) {
      excluded.push({
        column: c.name,
        reason: c.configured
          ? c.configuredAs === 'label time'
            ? 'label time'
            : c.configuredAs === 'funnel stage'
              ? 'funnel stage'
              : 'post-outcome'
          : 'leakage',
        detail: `${reasons.join('; ')}; opt in with leakage.allow to use it`,
      });
    }
  }
  findings.sort(
    (a, b) =>
      Math.max(b.auc ?? 0, b.aucPresent ?? 0) - Math.max(a.auc ?? 0, a.aucPresent ?? 0) || a.column.localeCompare(b.column),
  );
  return { findings, excluded };
}
