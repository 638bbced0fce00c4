import type { Matrix } from '../../core/matrix.js';
import { columnValues } from '../../data/column-values.js';
import type { Dataset } from '../../data/datasets/load-dataset.js';
import { parseIsoDate } from '../../data/parse-iso-date.js';
import { ruleMatrix } from './rule-features.js';
import type { RuleSet } from './rule-set.js';

/**
 * The fired-rules matrix of a data set's leads (all, or the given rows), their events joined
 * by lead id. Events at or after a lead's label time (when the config has one) are left out,
 * as they are for the models: a rule must not see the new customer's activity.
 */
export function datasetRuleMatrix(rules: RuleSet, dataset: Dataset, rows?: ArrayLike<number>): Matrix {
  const picked = rows ? Array.from(rows) : Array.from({ length: dataset.leads.numRows() }, (_, i) => i);
  const leads = picked.map((r) => dataset.leads.object(r) as Record<string, unknown>);
  const e = dataset.config.events;
  const byLead = new Map<string, Record<string, unknown>[]>();
  if (dataset.events && e && dataset.config.id) {
    const wanted = new Set(leads.map((l) => String(l[dataset.config.id!])));
    const labelTime = new Map<string, number>();
    if (dataset.config.labelTime) {
      for (const lead of leads) {
        const t = toMillis(lead[dataset.config.labelTime]);
        if (Number.isFinite(t)) labelTime.set(String(lead[dataset.config.id!]), t);
      }
    }
    const ids = columnValues(dataset.events, e.leadId);
    const times = columnValues(dataset.events, e.time);
    for (let k = 0; k < ids.length; k++) {
      const id = String(ids[k]);
      if (!wanted.has(id)) continue;
      const cutoff = labelTime.get(id);
      if (cutoff !== undefined && !(toMillis(times[k]) < cutoff)) continue;
      const list = byLead.get(id) ?? [];
      list.push(dataset.events.object(k) as Record<string, unknown>);
      byLead.set(id, list);
    }
  }
  const idColumn = dataset.config.id;
  return ruleMatrix(rules, leads, (lead) => (idColumn ? (byLead.get(String(lead[idColumn])) ?? []) : []), {
    url: e?.url,
    title: e?.title,
    type: e?.type,
    channel: e?.channel,
  });
}

function toMillis(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return parseIsoDate(value.trim());
  return Number.NaN;
}
