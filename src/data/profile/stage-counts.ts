import { columnValues } from '../column-values.js';
import type { Dataset } from '../datasets/load-dataset.js';
import { isMissing } from '../schema/column-stats.js';

/** Leads per funnel stage, and how many of them converted. */
export interface StageCount {
  stage: string;
  count: number;
  converted: number;
}

/** The classic marketing funnel, top to bottom; stages are matched case-insensitively. */
export const FUNNEL_ORDER = ['awareness', 'interest', 'consideration', 'evaluation', 'intent', 'decision', 'action'];

/**
 * Leads per value of the configured funnel-stage column, widest stage of the classic
 * funnel first (unknown stage names follow, by size). Null without a stage column.
 */
export function stageCounts(dataset: Dataset, labels: ArrayLike<number>): StageCount[] | null {
  const column = dataset.config.stage;
  if (!column) return null;
  const values = columnValues(dataset.leads, column);
  const tally = new Map<string, StageCount>();
  for (let i = 0; i < values.length; i++) {
    if (isMissing(values[i])) continue;
    const stage = String(values[i]).trim();
    const entry = tally.get(stage) ?? { stage, count: 0, converted: 0 };
    entry.count++;
    entry.converted += labels[i] === 1 ? 1 : 0;
    tally.set(stage, entry);
  }
  const rank = (s: StageCount): number => {
    const k = FUNNEL_ORDER.indexOf(s.stage.toLowerCase());
    return k < 0 ? FUNNEL_ORDER.length : k;
  };
  return [...tally.values()].sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.stage.localeCompare(b.stage));
}
