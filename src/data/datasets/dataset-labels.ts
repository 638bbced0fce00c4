import { columnValues } from '../column-values.js';
import type { Dataset } from './load-dataset.js';
import { scanTargetLabels } from './target-labels.js';

/** The target of every lead of a loaded data set as 1 (converted) or 0; loading already dropped or refused unlabeled rows. */
export function datasetLabels(dataset: Dataset): Uint8Array {
  const scan = scanTargetLabels(columnValues(dataset.leads, dataset.config.target.column), dataset.config.target);
  return Uint8Array.from(scan.labels, (label) => (label === 1 ? 1 : 0));
}

/** A numeric column as numbers (null where missing or not a number). */
export function numericColumn(dataset: Dataset, column: string): (number | null)[] {
  return Array.from(columnValues(dataset.leads, column), (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
}
