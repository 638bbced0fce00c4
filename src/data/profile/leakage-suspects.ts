import type { ColumnRole } from '../schema/infer-schema.js';
import type { ColumnProfile } from './profile-dataset.js';

/** A column that may carry the outcome itself rather than predict it. */
export interface LeakageSuspect {
  column: string;
  role: ColumnRole;
  /** Single-column AUC over all labelled rows (see `singleColumnAuc`). */
  auc: number | null;
  /** Single-column AUC over the rows where the column is filled. */
  aucPresent: number | null;
  /** The larger of the two, used for ranking. */
  score: number | null;
  /** Whether the config already lists it as post-outcome (or label time, or funnel stage). */
  configured: boolean;
  reasons: string[];
}

const CONFIGURED_REASONS: Partial<Record<ColumnRole, string>> = {
  postOutcome: 'configured as post-outcome',
  labelTime: 'configured as the label time (known only once the outcome is)',
  stage: 'configured as the funnel stage (records the outcome)',
};

/**
 * Columns to keep out of the features: those the config marks as known only after
 * the outcome, and any whose single-column AUC reaches `threshold` — over all rows,
 * or over the rows where it is filled (a field sales fills in after working a lead
 * is typically missing for most leads, and decisive where present). Ranked by AUC.
 */
export function findLeakageSuspects(columns: readonly ColumnProfile[], threshold: number): LeakageSuspect[] {
  const suspects: LeakageSuspect[] = [];
  for (const column of columns) {
    if (column.role === 'target') continue;
    const reasons: string[] = [];
    const configured = CONFIGURED_REASONS[column.role];
    if (configured) reasons.push(configured);
    const auc = column.auc?.auc ?? null;
    const aucPresent = column.auc?.aucPresent ?? null;
    if (auc !== null && auc >= threshold) reasons.push(`AUC ${auc.toFixed(3)} on its own (≥ ${threshold})`);
    if (aucPresent !== null && aucPresent >= threshold) {
      const filled = Math.round((1 - column.missingRate) * 100);
      reasons.push(`AUC ${aucPresent.toFixed(3)} on the ${filled}% of rows where it is filled (≥ ${threshold})`);
    }
    if (reasons.length === 0) continue;
    const scores = [auc, aucPresent].filter((a): a is number => a !== null);
    suspects.push({
      column: column.name,
      role: column.role,
      auc,
      aucPresent,
      score: scores.length ? Math.max(...scores) : null,
      configured: configured !== undefined,
      reasons,
    });
  }
  return suspects.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.column.localeCompare(b.column));
}
