import type { ColumnTable } from 'arquero';
import { DataError } from '../../core/errors.js';
import { columnValues, materialize } from '../column-values.js';
import { trimSpace } from '../missing-placeholders.js';
import type { TargetConfig } from './dataset-config.js';

/** The target column read as labels: 1 converted, 0 not, -1 missing or unreadable. */
export interface TargetScan {
  labels: Int8Array;
  positives: number;
  negatives: number;
  /** Rows (0-based) whose target is missing. */
  missingRows: number[];
  /** Rows (0-based) whose target cannot be read as the configured kind of value. */
  invalidRows: number[];
}

/**
 * Reads target values against the positive value. A numeric positive (1, "1") makes
 * the target numeric: every value must be a number, and only values equal to it are
 * positive (so 0/1, 0/1/2 or "1.0" all work). A text positive ("Won") compares
 * trimmed and case-insensitively; every other value is negative.
 */
export function scanTargetLabels(values: ArrayLike<unknown>, target: TargetConfig): TargetScan {
  const positiveNumber = typeof target.positive === 'number' ? target.positive : textNumber(target.positive);
  const numeric = Number.isFinite(positiveNumber);
  const positiveText = String(target.positive).trim().toLowerCase();
  const labels = new Int8Array(values.length);
  const scan: TargetScan = { labels, positives: 0, negatives: 0, missingRows: [], invalidRows: [] };
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let label: number;
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
      scan.missingRows.push(i);
      label = -1;
    } else if (numeric) {
      const x = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : textNumber(String(v));
      if (Number.isFinite(x)) label = x === positiveNumber ? 1 : 0;
      else {
        scan.invalidRows.push(i);
        label = -1;
      }
    } else label = String(v).trim().toLowerCase() === positiveText ? 1 : 0;
    labels[i] = label;
    if (label === 1) scan.positives++;
    else if (label === 0) scan.negatives++;
  }
  return scan;
}

/**
 * The target of a (validated) leads table as class indices for estimators and metrics.
 * Throws a `DataError` when a row has no readable label.
 */
export function toTargetLabels(leads: ColumnTable, target: TargetConfig): Int32Array {
  const values = columnValues(materialize(leads), target.column);
  const scan = scanTargetLabels(values, target);
  const bad = scan.missingRows[0] ?? scan.invalidRows[0];
  if (bad !== undefined) {
    throw new DataError(
      `target column "${target.column}" has no readable label at row ${bad + 1} (${JSON.stringify(values[bad])})`,
    );
  }
  return Int32Array.from(scan.labels);
}

function textNumber(text: string): number {
  const t = trimSpace(text);
  return t === '' ? Number.NaN : Number(t);
}
