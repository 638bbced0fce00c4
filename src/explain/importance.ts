import { InputError } from '../core/errors.js';
import { describeFeature } from './feature-words.js';

export interface ImportanceRow {
  feature: string;
  meaning: string;
  importance: number;
  /** Share of the total importance. */
  share: number;
}

/** Features ranked by an importance vector (gain, split count, impurity, mean |SHAP| …), top first. */
export function rankImportances(names: readonly string[], values: ArrayLike<number>, top = 20): ImportanceRow[] {
  if (names.length !== values.length) throw new InputError(`${names.length} feature names but ${values.length} importances`);
  let total = 0;
  for (let j = 0; j < values.length; j++) total += Math.abs(values[j]);
  return names
    .map((feature, j) => ({
      feature,
      meaning: describeFeature(feature),
      importance: values[j],
      share: total > 0 ? Math.abs(values[j]) / total : 0,
    }))
    .sort((a, b) => Math.abs(b.importance) - Math.abs(a.importance) || a.feature.localeCompare(b.feature))
    .slice(0, top);
}

/** Importances summed per feature group (the input field, or events / path / time / text), largest first. */
export function groupImportances(
  groups: readonly string[],
  values: ArrayLike<number>,
): { group: string; importance: number; share: number }[] {
  const sums = new Map<string, number>();
  let total = 0;
  groups.forEach((g, j) => {
    sums.set(g, (sums.get(g) ?? 0) + Math.abs(values[j]));
    total += Math.abs(values[j]);
  });
  return [...sums.entries()]
    .map(([group, importance]) => ({ group, importance, share: total > 0 ? importance / total : 0 }))
    .sort((a, b) => b.importance - a.importance);
}
