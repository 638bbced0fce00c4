/**
 * The public x-education leads data as a one-hot matrix, for tests that check model quality on
 * real data: "Select" and blanks are missing, numeric columns keep NaN, categorical columns are
 * one-hot encoded (missing = all zeros), ids and the columns that leak the outcome are dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Matrix } from '../../../core/matrix.js';

export const X_EDUCATION_PATH = fileURLToPath(new URL('../../../../../shared/data/x-education-leads.csv', import.meta.url));

const DROPPED = new Set([
  'Prospect ID',
  'Lead Number',
  'Converted',
  'Tags',
  'Lead Quality',
  'Last Activity',
  'Last Notable Activity',
]);

export function hasXEducation(): boolean {
  return existsSync(X_EDUCATION_PATH);
}

/** Loads the matrix and labels (Converted). */
export function loadXEducationMatrix(): { X: Matrix; y: Int32Array } {
  const lines = parseCsv(readFileSync(X_EDUCATION_PATH, 'utf8'));
  const header = lines[0];
  const body = lines.slice(1).filter((r) => r.length === header.length);
  const target = header.indexOf('Converted');
  const columns: string[] = [];
  const values: Float64Array[] = [];
  header.forEach((name, j) => {
    if (DROPPED.has(name)) return;
    const cells = body.map((r) => (r[j] === '' || r[j] === 'Select' ? null : r[j]));
    const numeric = cells.every((c) => c === null || Number.isFinite(Number(c)));
    if (numeric) {
      columns.push(name);
      values.push(Float64Array.from(cells, (c) => (c === null ? Number.NaN : Number(c))));
      return;
    }
    const levels = [...new Set(cells.filter((c): c is string => c !== null))].sort();
    for (const level of levels) {
      columns.push(`${name}_${level}`);
      values.push(Float64Array.from(cells, (c) => (c === level ? 1 : 0)));
    }
  });
  return { X: Matrix.fromColumns(values, columns), y: Int32Array.from(body, (r) => Number(r[target])) };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
