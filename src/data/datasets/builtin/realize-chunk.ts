import { type BuiltinPlan, simulatedChunk } from './builtin-plan.js';
import { drawAcceptedSecond, simulateCustomerActivity } from './customer-activity.js';
import { type EventTable, EventTableBuilder, mergeByLead } from './event-table.js';
import { STAGE_ACTION } from './funnel-stage.js';
import { formatIsoSecond } from './iso-time.js';
import { makeStream } from './random-streams.js';
import type { LeadColumns } from './simulate-leads.js';
import { FUNNEL_STAGES, isOfflineOrigin } from './taxonomy.js';

/** One chunk of leads, complete: all cells, acceptance times, and events ordered by lead, then time. */
export interface RealizedChunk {
  start: number;
  count: number;
  columns: LeadColumns;
  /** NaN when not accepted. */
  acceptedAtS: Float64Array;
  events: EventTable;
  postAcceptanceEvents: number;
}

/** Share of accepted online leads whose post-acceptance activity shows up in web tracking. */
const TRACKED_CUSTOMER_SHARE = 0.9;

/**
 * Pass two for one chunk: acceptance times, the new customers' web activity, and the
 * outcome columns (sales_accepted, accepted_at, funnel_stage).
 */
export function realizeChunk(plan: BuiltinPlan, chunk: number): RealizedChunk {
  const simulated = simulatedChunk(plan, chunk);
  const { start, count, columns } = simulated;
  const rng = makeStream(plan.options.seed, 'outcomes', chunk);
  const acceptedAtS = new Float64Array(count).fill(Number.NaN);
  const customerEvents = new EventTableBuilder(256);
  for (let i = 0; i < count; i++) {
    const row = start + i;
    const accepted = plan.salesAccepted[row] === 1;
    columns.sales_accepted[i] = accepted ? '1' : '0';
    columns.funnel_stage[i] = FUNNEL_STAGES[accepted ? STAGE_ACTION : simulated.stageIfNotAccepted[i]];
    if (!accepted) continue;
    const at = drawAcceptedSecond(rng, plan.arrivals.createdS[row], simulated.lastEventS[i]);
    acceptedAtS[i] = at;
    columns.accepted_at[i] = formatIsoSecond(at);
    if (!isOfflineOrigin(plan.arrivals.origin[row]) && rng.bernoulli(TRACKED_CUSTOMER_SHARE)) {
      simulateCustomerActivity(rng, row, at, simulated.theme[i], customerEvents);
    }
  }
  const events = mergeByLead(simulated.events.toTable(), customerEvents.toTable());
  return { start, count, columns, acceptedAtS, events, postAcceptanceEvents: customerEvents.rowCount };
}
