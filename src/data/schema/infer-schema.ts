import type { ColumnTable } from 'arquero';
import { columnValues, materialize } from '../column-values.js';
import type { DatasetConfig } from '../datasets/dataset-config.js';
import { columnStats } from './column-stats.js';
import { type ColumnKind, inferColumnKind } from './infer-column-kind.js';

/**
 * What the dataset config says a column is for. One role per column, the first that
 * applies in this order: target, id, dropped, labelTime, stage, postOutcome, pii,
 * date; otherwise feature.
 */
export type ColumnRole = 'target' | 'id' | 'dropped' | 'labelTime' | 'stage' | 'postOutcome' | 'pii' | 'date' | 'feature';

export interface ColumnSchema {
  name: string;
  kind: ColumnKind;
  role: ColumnRole;
  /** Config group: answers typed into a form, or vendor enrichment. */
  group?: 'form' | 'enrichment';
  /** Why the kind was chosen. */
  reason: string;
}

export interface TableSchema {
  columns: ColumnSchema[];
}

/** Infers kind (from the values) and role (from the config) of every column. */
export function inferSchema(table: ColumnTable, config?: DatasetConfig): TableSchema {
  const t = materialize(table);
  return {
    columns: t.columnNames().map((name) => {
      const guess = inferColumnKind(name, columnStats(columnValues(t, name)));
      const role = columnRole(name, config);
      const kind = role === 'id' ? 'id' : guess.kind;
      const column: ColumnSchema = { name, kind, role, reason: role === 'id' ? 'configured id' : guess.reason };
      const group = columnGroup(name, config);
      if (group) column.group = group;
      return column;
    }),
  };
}

/** The role a config gives a column (see `ColumnRole`). */
export function columnRole(name: string, config?: DatasetConfig): ColumnRole {
  if (!config) return 'feature';
  if (name === config.target.column) return 'target';
  if (name === config.id) return 'id';
  if (config.drop.includes(name)) return 'dropped';
  if (name === config.labelTime) return 'labelTime';
  if (name === config.stage) return 'stage';
  if (config.postOutcome.includes(name)) return 'postOutcome';
  if (config.pii.includes(name)) return 'pii';
  if (name === config.date) return 'date';
  return 'feature';
}

function columnGroup(name: string, config?: DatasetConfig): 'form' | 'enrichment' | undefined {
  if (config?.formFields.includes(name)) return 'form';
  if (config?.enrichmentFields.includes(name)) return 'enrichment';
  return undefined;
}
