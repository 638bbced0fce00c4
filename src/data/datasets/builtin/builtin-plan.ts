import { rocAuc } from '../../../metrics/roc-auc.js';
import type { ResolvedBuiltinOptions } from './builtin-options.js';
import { type CompanyPool, companyCountFor, makeCompanyPool } from './company-pool.js';
import { acceptanceProbability, solveIntercept } from './latent-model.js';
import { drawLeadArrivals, type LeadArrivals } from './lead-arrivals.js';
import { makeStream } from './random-streams.js';
import { type SimulatedLeads, simulateLeadChunk } from './simulate-leads.js';

/** Leads per chunk. Part of the format: each chunk has its own random streams. */
export const CHUNK_LEADS = 50_000;

/**
 * Pass one of the generator: every lead simulated and scored, the intercept solved, p_true
 * and labels drawn. Chunks are kept when asked (in-memory use) and otherwise simulated
 * again, identically, when they are written.
 */
export interface BuiltinPlan {
  readonly options: ResolvedBuiltinOptions;
  readonly companies: CompanyPool;
  readonly arrivals: LeadArrivals;
  readonly chunkCount: number;
  readonly intercept: number;
  /** Record log-odds including the intercept. */
  readonly logit: Float64Array;
  readonly pTrue: Float64Array;
  readonly salesAccepted: Uint8Array;
  readonly positives: number;
  readonly meanTrueProbability: number;
  /** NaN when only one class was drawn. */
  readonly bayesRocAuc: number;
  readonly preAcceptanceEvents: number;
  readonly kept: readonly (SimulatedLeads | undefined)[];
}

export function chunkRange(leads: number, chunk: number): [number, number] {
  return [chunk * CHUNK_LEADS, Math.min(leads, (chunk + 1) * CHUNK_LEADS)];
}

export function planBuiltinDataset(
  options: ResolvedBuiltinOptions,
  keepChunks: boolean,
  onProgress?: (done: number) => void,
): BuiltinPlan {
  const n = options.leads;
  const companies = makeCompanyPool(makeStream(options.seed, 'companies'), companyCountFor(n));
  const arrivals = drawLeadArrivals(makeStream(options.seed, 'arrivals'), n, companies);
  const chunkCount = Math.ceil(n / CHUNK_LEADS);
  const eta = new Float64Array(n);
  const kept: (SimulatedLeads | undefined)[] = [];
  let preAcceptanceEvents = 0;
  for (let c = 0; c < chunkCount; c++) {
    const range = chunkRange(n, c);
    const chunk = simulateLeadChunk(options.seed, c, companies, arrivals, range, onProgress && ((d) => onProgress(range[0] + d)));
    eta.set(chunk.eta, range[0]);
    preAcceptanceEvents += chunk.events.rowCount;
    kept.push(keepChunks ? chunk : undefined);
    onProgress?.(range[1]);
  }
  const intercept = solveIntercept(eta, options.positiveRate);
  const logit = eta.map((e) => e + intercept);
  const pTrue = logit.map(acceptanceProbability);
  const labels = makeStream(options.seed, 'labels');
  const salesAccepted = new Uint8Array(n);
  for (let i = 0; i < n; i++) salesAccepted[i] = labels.next() < pTrue[i] ? 1 : 0;
  const positives = salesAccepted.reduce((a, b) => a + b, 0);
  return {
    options,
    companies,
    arrivals,
    chunkCount,
    intercept,
    logit,
    pTrue,
    salesAccepted,
    positives,
    meanTrueProbability: pTrue.reduce((a, b) => a + b, 0) / n,
    bayesRocAuc: positives > 0 && positives < n ? rocAuc(salesAccepted, pTrue) : Number.NaN,
    preAcceptanceEvents,
    kept,
  };
}

/** The chunk's simulation: kept from pass one, or simulated again (identically). */
export function simulatedChunk(plan: BuiltinPlan, chunk: number): SimulatedLeads {
  const kept = plan.kept[chunk];
  if (kept) return kept;
  const { options, companies, arrivals } = plan;
  return simulateLeadChunk(options.seed, chunk, companies, arrivals, chunkRange(options.leads, chunk));
}
