import type { Labels } from '../core/labels.js';

export interface TrapRow {
  decision: string;
  'accuracy %': number;
  'leads sent to sales': number;
  'conversions found': number;
  'recall %': number;
  'precision %': number | null;
}

/**
 * Why accuracy misleads on rare conversions: the accuracy, leads sent, conversions found,
 * recall and precision of rejecting every lead, and of a model's scores at each given
 * threshold (e.g. the default 0.5 and a tuned one).
 */
export function accuracyTrap(
  labels: Labels,
  scores: ArrayLike<number>,
  thresholds: readonly { name: string; threshold: number }[],
): TrapRow[] {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] === 1 ? 1 : 0;
  const row = (decision: string, predict: (i: number) => boolean): TrapRow => {
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < n; i++) {
      if (!predict(i)) continue;
      if (labels[i] === 1) tp++;
      else fp++;
    }
    const tn = n - positives - fp;
    const round = (v: number) => Math.round(v * 100) / 100;
    return {
      decision,
      'accuracy %': round((100 * (tp + tn)) / n),
      'leads sent to sales': tp + fp,
      'conversions found': tp,
      'recall %': round(positives ? (100 * tp) / positives : 0),
      'precision %': tp + fp ? round((100 * tp) / (tp + fp)) : null,
    };
  };
  return [row('reject every lead', () => false), ...thresholds.map((t) => row(t.name, (i) => scores[i] >= t.threshold))];
}
