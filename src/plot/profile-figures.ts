import { InputError } from '../core/errors.js';
import type { DatasetProfile } from '../data/profile/profile-dataset.js';
import { classBalanceChart } from './class-balance-chart.js';
import { conversionByLevelChart, type LevelRate } from './conversion-by-level-chart.js';
import type { Figure } from './figure.js';
import { leakageChart } from './leakage-chart.js';
import { type ColumnMissingness, missingConversionChart, missingnessChart } from './missingness-chart.js';

/** Figures of a data profile (see `profileDataset`), ready for a notebook or a report. */

/** Converted vs not converted leads. */
export function profileClassBalanceChart(profile: DatasetProfile): Figure {
  const t = requireTarget(profile);
  return classBalanceChart(
    [
      { label: 'not converted', count: t.negatives, positive: false },
      { label: 'converted', count: t.positives, positive: true },
    ],
    `Class balance: ${t.column} = ${String(t.positive)}`,
  );
}

/** Missing share per feature column (not the target, ids, PII or post-outcome columns). */
export function profileMissingnessChart(profile: DatasetProfile): Figure {
  return missingnessChart(missingnessOf(profile));
}

/** Conversion when a value is missing vs present, per column with missing values. */
export function profileMissingConversionChart(profile: DatasetProfile): Figure {
  return missingConversionChart(missingnessOf(profile), requireTarget(profile).rate);
}

/** Conversion by level of one categorical column of the profile. */
export function profileLevelChart(profile: DatasetProfile, column: string): Figure {
  const c = profile.columns.find((x) => x.name === column);
  if (!c?.levels) throw new InputError(`column "${column}" has no conversion-by-level table in this profile`);
  const levels: LevelRate[] = c.levels.map((l) => ({
    level: l.level === 'missing' ? '(missing)' : l.level === 'other' ? '(other levels)' : String(l.value),
    count: l.count,
    rate: l.rate,
  }));
  return conversionByLevelChart(column, levels, requireTarget(profile).rate);
}

/**
 * The `count` categorical feature columns with the strongest single-column AUC, leaving
 * out leakage suspects, ids and personal data: the candidates for per-level charts.
 */
export function strongestCategoricalColumns(profile: DatasetProfile, count = 4): string[] {
  const leaking = new Set(profile.leakage.map((s) => s.column));
  return profile.columns
    .filter((c) => c.levels && c.auc && isFeatureRole(c.role) && !leaking.has(c.name) && c.distinct > 1)
    .sort((a, b) => (b.auc?.auc ?? 0) - (a.auc?.auc ?? 0))
    .slice(0, count)
    .map((c) => c.name);
}

/** The `count` numeric feature columns with the strongest single-column AUC. */
export function strongestNumericColumns(profile: DatasetProfile, count = 4): string[] {
  const leaking = new Set(profile.leakage.map((s) => s.column));
  return profile.columns
    .filter((c) => c.kind === 'numeric' && c.auc && isFeatureRole(c.role) && !leaking.has(c.name))
    .sort((a, b) => (b.auc?.auc ?? 0) - (a.auc?.auc ?? 0))
    .slice(0, count)
    .map((c) => c.name);
}

/** Single-column AUC of every column with one, leakage suspects (configured or by AUC) highlighted. */
export function profileLeakageChart(profile: DatasetProfile): Figure {
  const postOutcome = new Set(profile.leakage.filter((s) => s.configured).map((s) => s.column));
  const suspects = profile.columns
    .filter((c) => c.auc && c.role !== 'id' && c.role !== 'pii' && c.role !== 'target')
    .map((c) => ({ column: c.name, auc: Math.max(c.auc!.auc, c.auc!.aucPresent ?? 0), postOutcome: postOutcome.has(c.name) }));
  return leakageChart(suspects, profile.settings.leakageThreshold, 'Single-column ROC-AUC: how much each column alone "knows"');
}

function missingnessOf(profile: DatasetProfile): ColumnMissingness[] {
  return profile.columns
    .filter((c) => isFeatureRole(c.role) && c.kind !== 'empty')
    .map((c) => {
      const m: ColumnMissingness = { column: c.name, missingShare: c.missingRate };
      if (c.missingness?.missing.rate != null) m.rateWhenMissing = c.missingness.missing.rate;
      if (c.missingness?.present.rate != null) m.rateWhenPresent = c.missingness.present.rate;
      return m;
    });
}

function isFeatureRole(role: string): boolean {
  return role === 'feature';
}

function requireTarget(profile: DatasetProfile): NonNullable<DatasetProfile['target']> {
  if (!profile.target) throw new InputError(`the profile of ${profile.name} has no target column`);
  return profile.target;
}
