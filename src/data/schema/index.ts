export { type ColumnStats, columnStats, isMissing, topCounts, type ValueKey, valueKey } from './column-stats.js';
export { type ColumnKind, inferColumnKind, type KindGuess } from './infer-column-kind.js';
export { type ColumnRole, type ColumnSchema, columnRole, inferSchema, type TableSchema } from './infer-schema.js';
