import { findPiiSuspects } from '../data/profile/pii-suspects.js';
import type { ColumnKind } from '../data/schema/infer-column-kind.js';
import type { ExcludedColumn } from './feature-spec.js';

/**
 * Personal data never becomes a feature: the configured PII columns and any column that
 * looks like names, e-mail addresses, phone numbers or addresses (by name or by value) are
 * excluded. An e-mail column may still feed the explicit free-mail / business-domain
 * transform, which keeps neither the address nor the domain.
 */
export function guardPersonalData(
  columns: readonly { name: string; kind: ColumnKind; values: ArrayLike<unknown> }[],
  configured: readonly string[],
): ExcludedColumn[] {
  return findPiiSuspects(columns, configured).map((s) => ({
    column: s.column,
    reason: 'personal data' as const,
    detail: s.reasons.join('; '),
  }));
}
