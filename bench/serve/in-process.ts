import { Matrix } from '../../src/core/matrix.js';
import { FeaturePipeline } from '../../src/features/pipeline.js';
import type { LeadServer } from '../../src/serve/lead-server.js';
import { readScoreRequest } from '../../src/serve/score-request.js';
import type { RawLead } from '../../src/serve/test-support/demo-model.js';

/** Median, mean and 99th percentile of per-lead times, in milliseconds. */
export interface Timing {
  median: number;
  mean: number;
  p99: number;
}

export interface InProcessResult {
  /** `scorer.score(lead, events)` with the default 3 reasons per direction. */
  score: Timing;
  scoreNoReasons: Timing;
  /** Where one lead's time goes. */
  breakdown: { validate: Timing; transform: Timing; predict: Timing; reasons: number; requestCheck: Timing };
  /** `scoreMany` throughput on one batch. */
  batch: { leads: number; leadsPerSecond: number; leadsPerSecondNoReasons: number };
}

function timeEach(count: number, run: (i: number) => void): Timing {
  for (let i = 0; i < Math.min(500, count); i++) run(i);
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    run(i);
    times[i] = performance.now() - start;
  }
  const mean = times.reduce((a, b) => a + b, 0) / count;
  times.sort();
  return { median: times[Math.floor(count / 2)], mean, p99: times[Math.floor(count * 0.99)] };
}

/**
 * The Scorer measured in this process, without HTTP: one lead at a time (with and without
 * reasons), the parts of one lead's time (the Scorer's checks, the feature transform, the
 * model, the reasons; and the server's request check), and `scoreMany` on a batch.
 */
export function measureInProcess(
  server: LeadServer,
  leads: readonly RawLead[],
  batchSize: number,
  perLead = 3000,
): InProcessResult {
  const model = server.context.models.current;
  const scorer = model.scorer;
  const pick = (i: number) => leads[i % leads.length];
  const known = (lead: Record<string, string>) =>
    Object.fromEntries(Object.entries(lead).filter(([k]) => model.leadFields.has(k)));
  const items = leads.slice(0, perLead).map((l) => ({ lead: known(l.lead), events: l.events }));
  const item = (i: number) => items[i % items.length];
  const score = timeEach(perLead, (i) => scorer.score(item(i).lead, item(i).events));
  const scoreNoReasons = timeEach(perLead, (i) => scorer.score(item(i).lead, item(i).events, { reasons: 0 }));
  const pipeline = FeaturePipeline.fromJSON(scorer.artifact.spec!);
  const width = pipeline.featureNames.length;
  const rows = items.map((it) => pipeline.transformOne(it.lead, it.events));
  const validate = timeEach(perLead, (i) => scorer.validate(item(i)));
  const transform = timeEach(perLead, (i) => pipeline.transformOne(item(i).lead, item(i).events));
  const predict = timeEach(perLead, (i) =>
    scorer.artifact.model.predictProba(new Matrix(1, width, Float64Array.from(rows[i % rows.length]), pipeline.featureNames)),
  );
  const bodies = leads.slice(0, perLead).map((l) => JSON.parse(JSON.stringify(l)));
  const requestCheck = timeEach(perLead, (i) => readScoreRequest(bodies[i % bodies.length], model));
  const batchItems = Array.from({ length: batchSize }, (_, i) => ({ lead: known(pick(i).lead), events: pick(i).events }));
  let start = performance.now();
  scorer.scoreMany(batchItems);
  const withReasons = batchSize / ((performance.now() - start) / 1000);
  start = performance.now();
  scorer.scoreMany(batchItems, { reasons: 0 });
  const noReasons = batchSize / ((performance.now() - start) / 1000);
  return {
    score,
    scoreNoReasons,
    breakdown: { validate, transform, predict, reasons: score.median - scoreNoReasons.median, requestCheck },
    batch: { leads: batchSize, leadsPerSecond: withReasons, leadsPerSecondNoReasons: noReasons },
  };
}
