import { type BuiltinOptions, parseBuiltinOptions, type ResolvedBuiltinOptions } from './builtin-options.js';
import { planBuiltinDataset } from './builtin-plan.js';
import type { BuiltinLeadColumn } from './columns.js';
import { concatEventTables, type EventTable } from './event-table.js';
import { NOISE_SD } from './latent-model.js';
import { type RealizedChunk, realizeChunk } from './realize-chunk.js';
import { makeLeadColumns } from './simulate-leads.js';
import { isOfflineOrigin } from './taxonomy.js';

/** The leads: every CSV column as text, plus typed copies of the fields code needs most. */
export interface BuiltinLeadTable {
  readonly rowCount: number;
  /** Each leads.csv column as written ('' = blank cell). */
  readonly columns: { readonly [K in BuiltinLeadColumn]: readonly string[] };
  /** Creation time, seconds since the epoch (UTC). */
  readonly createdAtS: Float64Array;
  /** Acceptance time, seconds since the epoch; NaN when not accepted. */
  readonly acceptedAtS: Float64Array;
  /** The label (1 = accepted by sales). */
  readonly salesAccepted: Uint8Array;
  /** Index into LEAD_ORIGINS. */
  readonly origin: Uint8Array;
}

/** The generating mechanism's truth per lead. */
export interface BuiltinTruth {
  /** P(accepted | pre-acceptance record): the Bayes-optimal score. */
  readonly pTrue: Float64Array;
  /** Log-odds of the record including the intercept (before the rep's noise). */
  readonly logit: Float64Array;
  readonly intercept: number;
  readonly noiseSd: number;
}

export interface BuiltinCounts {
  readonly leads: number;
  readonly events: number;
  readonly preAcceptanceEvents: number;
  readonly postAcceptanceEvents: number;
  readonly offlineLeads: number;
  readonly positives: number;
  /** Share of leads accepted (drawn labels). */
  readonly positiveRate: number;
  /** Mean of p_true (equals the requested rate up to bisection tolerance). */
  readonly meanTrueProbability: number;
  /** ROC AUC of p_true against the labels: the best AUC a model can reach; NaN with one class. */
  readonly bayesRocAuc: number;
}

export interface BuiltinDataset {
  readonly options: ResolvedBuiltinOptions;
  readonly leads: BuiltinLeadTable;
  /** Events ordered by lead, then time. */
  readonly events: EventTable;
  readonly truth: BuiltinTruth;
  readonly counts: BuiltinCounts;
}

/**
 * Simulates a B2B SaaS marketing-to-sales funnel in memory: leads with messy CRM fields,
 * their web paths, the sales decision and the new customers' activity. Deterministic in
 * `options.seed`, and identical to what `writeBuiltinDataset` writes. `onProgress(done, total)`
 * counts leads simulated (total = options.leads).
 */
export function generateBuiltinDataset(
  options: BuiltinOptions = {},
  onProgress?: (done: number, total: number) => void,
): BuiltinDataset {
  const resolved = parseBuiltinOptions(options);
  const n = resolved.leads;
  const plan = planBuiltinDataset(resolved, true, onProgress && ((done) => onProgress(done, n)));
  const chunks: RealizedChunk[] = [];
  for (let c = 0; c < plan.chunkCount; c++) chunks.push(realizeChunk(plan, c));
  const columns = makeLeadColumns(n);
  const acceptedAtS = new Float64Array(n);
  for (const chunk of chunks) {
    for (const name of Object.keys(columns) as BuiltinLeadColumn[]) {
      const target = columns[name];
      const source = chunk.columns[name];
      for (let i = 0; i < chunk.count; i++) target[chunk.start + i] = source[i];
    }
    acceptedAtS.set(chunk.acceptedAtS, chunk.start);
  }
  const events = concatEventTables(chunks.map((c) => c.events));
  const postAcceptanceEvents = chunks.reduce((s, c) => s + c.postAcceptanceEvents, 0);
  onProgress?.(n, n);
  const counts: BuiltinCounts = {
    leads: n,
    events: events.rowCount,
    preAcceptanceEvents: plan.preAcceptanceEvents,
    postAcceptanceEvents,
    offlineLeads: countOffline(plan.arrivals.origin),
    positives: plan.positives,
    positiveRate: plan.positives / n,
    meanTrueProbability: plan.meanTrueProbability,
    bayesRocAuc: plan.bayesRocAuc,
  };
  const leads: BuiltinLeadTable = {
    rowCount: n,
    columns,
    createdAtS: plan.arrivals.createdS,
    acceptedAtS,
    salesAccepted: plan.salesAccepted,
    origin: plan.arrivals.origin,
  };
  const truth = { pTrue: plan.pTrue, logit: plan.logit, intercept: plan.intercept, noiseSd: NOISE_SD };
  return { options: resolved, leads, events, truth, counts };
}

export function countOffline(origin: Uint8Array): number {
  let n = 0;
  for (const o of origin) if (isOfflineOrigin(o)) n++;
  return n;
}
