import { readFileSync } from 'node:fs';
import { parseCsv } from '../../data/csv/parse-csv.js';

/** The rows of a CSV file as objects of raw text, exactly as an integration would send them. */
export function readRawRecords(path: string): Record<string, string>[] {
  const { header, columns } = parseCsv(readFileSync(path));
  const rows = columns[0]?.length ?? 0;
  const out: Record<string, string>[] = [];
  for (let i = 0; i < rows; i++) {
    const record: Record<string, string> = {};
    header.forEach((name, c) => {
      record[name] = columns[c][i];
    });
    out.push(record);
  }
  return out;
}

/** Groups records by the value of one column. */
export function groupBy<T extends Record<string, string>>(records: readonly T[], column: string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of records) {
    const key = r[column].trim();
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}
