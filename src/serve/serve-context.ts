import type { ModelHolder } from './model-holder.js';
import type { RecentLeads } from './recent-leads.js';
import type { RequestLog } from './request-log.js';
import type { UnknownFieldPolicy } from './request-schema.js';
import type { ScoredLeadsFile } from './scored-leads-file.js';
import type { ServeMetrics } from './serve-metrics.js';

/** What the routes share: the model holder, metrics, the dashboard's data and the settings. */
export interface ServeContext {
  /** Read `models.current` once per request and use that model to the end. */
  readonly models: ModelHolder;
  readonly metrics: ServeMetrics;
  readonly recent: RecentLeads;
  readonly log: RequestLog;
  readonly scoredFile: ScoredLeadsFile | null;
  readonly authEnabled: boolean;
  readonly maxLeads: number;
  readonly bodyLimit: number;
  readonly unknownFields: UnknownFieldPolicy;
  readonly segmentField: string | undefined;
  readonly startedAt: number;
}
