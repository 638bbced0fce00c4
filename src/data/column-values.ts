import type { ColumnTable } from 'arquero';
import { InputError } from '../core/errors.js';

/** The table with filters and orderings applied, so row i of every column is row i of the table. */
export function materialize(table: ColumnTable): ColumnTable {
  return table.isFiltered() || table.isOrdered() ? table.reify() : table;
}

/**
 * The values of one column of a materialized table as an array-like (the column's
 * own array when it is one, no copy). Throws an `InputError` for an unknown column.
 */
export function columnValues(table: ColumnTable, name: string): ArrayLike<unknown> {
  const column = table.column(name);
  if (!column) throw new InputError(`column "${name}" is not in the table; columns: ${table.columnNames().join(', ')}`);
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as unknown as ArrayLike<unknown>;
  return Array.from({ length: table.numRows() }, (_, i) => column.at(i));
}
