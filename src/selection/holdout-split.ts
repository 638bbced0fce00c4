import { InputError } from '../core/errors.js';
import { columnValues } from '../data/column-values.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { parseIsoDate } from '../data/parse-iso-date.js';
import type { SplitChoice } from './prepare-dataset.js';
import { dateSplit, stratifiedHoldout } from './train-test-split.js';

/**
 * The development and hold-out rows of a data set for a split choice: all rows (none), the
 * leads created before a date (its `date` column), or a stratified share; with a summary
 * of the split for reports.
 */
export function holdoutSplit(
  dataset: Dataset,
  labels: Uint8Array,
  choice: SplitChoice,
  seed: number,
): { dev: Int32Array; test: Int32Array; split: Record<string, unknown> } {
  if ('none' in choice) return { dev: Int32Array.from(labels.keys()), test: new Int32Array(0), split: { kind: 'none' } };
  if ('date' in choice) {
    const column = dataset.config.date;
    if (!column) throw new InputError('a date split needs the dataset config to name its "date" column', { field: 'date' });
    const cutoff = parseIsoDate(choice.date);
    if (Number.isNaN(cutoff))
      throw new InputError(`expected an ISO date such as 2025-06-30, got "${choice.date}"`, { field: 'split' });
    const times = Array.from(columnValues(dataset.leads, column), (v) =>
      v instanceof Date ? v.getTime() : typeof v === 'string' ? parseIsoDate(v.trim()) : Number.NaN,
    );
    const fold = dateSplit(times, cutoff);
    return {
      dev: fold.train,
      test: fold.test,
      split: { kind: 'date', column, before: choice.date, devRows: fold.train.length, testRows: fold.test.length },
    };
  }
  const fold = stratifiedHoldout(labels, choice.testSize, seed);
  return {
    dev: fold.train,
    test: fold.test,
    split: { kind: 'stratified hold-out', testSize: choice.testSize, devRows: fold.train.length, testRows: fold.test.length },
  };
}
