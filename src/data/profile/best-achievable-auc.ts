import { rocAuc } from '../../metrics/roc-auc.js';
import { columnValues } from '../column-values.js';
import type { Dataset } from '../datasets/load-dataset.js';

/**
 * ROC-AUC of the true conversion probabilities (synthetic data only): the best any
 * model can reach on these leads. Null without a truth file or with a single class.
 */
export function bestAchievableAuc(dataset: Dataset, labels: ArrayLike<number>): number | null {
  const { truth, config } = dataset;
  if (!truth || !config.truth || !config.id) return null;
  const idColumn = config.truth.leadId ?? config.id;
  const probability = columnValues(truth, config.truth.probability ?? 'p_true');
  const byId = new Map<unknown, number>();
  const truthIds = columnValues(truth, idColumn);
  for (let i = 0; i < truthIds.length; i++) byId.set(truthIds[i], Number(probability[i]));
  const ids = columnValues(dataset.leads, config.id);
  const scores = new Float64Array(ids.length);
  let positives = 0;
  for (let i = 0; i < ids.length; i++) {
    const p = byId.get(ids[i]);
    if (p === undefined || !Number.isFinite(p)) return null;
    scores[i] = p;
    positives += labels[i] === 1 ? 1 : 0;
  }
  if (positives === 0 || positives === ids.length) return null;
  return rocAuc(Uint8Array.from(labels), scores);
}
