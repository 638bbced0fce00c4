import type { LogSink } from './request-log.js';
import type { UnknownFieldPolicy } from './request-schema.js';
import { assertSegmentField } from './segment-fields.js';

/** How `leadstack serve` runs. */
export interface ServeOptions {
  /** The exported model folder (models/<name>/<version>). */
  modelDir: string;
  /** Interface to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Most leads in one POST /v1/score (default 1000). */
  maxLeads?: number;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Fields the model does not read: ignored with a warning (default) or rejected with 400. */
  unknownFields?: UnknownFieldPolicy;
  /** API tokens; when any is given every route but /healthz and the dashboard page needs one. */
  tokens?: readonly string[];
  /** A scored CSV / JSON-lines file shown on the dashboard (default: the API's recent leads). */
  leadsFile?: string;
  /** Categorical field the dashboard filters by (default: job_title, industry, … whichever exists). */
  segmentField?: string;
  /** Stage column of the scored file for the funnel (default: predicted_stage, stage or funnel_stage). */
  stageField?: string;
  /** Recently scored leads kept in memory for the dashboard (default 2000; personal fields never kept). */
  recentLeads?: number;
  /** Where log lines go (default stdout). */
  log?: LogSink;
  /** Longest wait for requests in flight at shutdown before connections are cut (default 10 s). */
  shutdownGraceMs?: number;
}

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  maxLeads: 1000,
  bodyLimit: 1024 * 1024,
  unknownFields: 'ignore',
  recentLeads: 2000,
  shutdownGraceMs: 10_000,
} as const satisfies Partial<ServeOptions>;

/** The options with every default filled in. */
export type ResolvedServeOptions = ServeOptions & {
  host: string;
  port: number;
  maxLeads: number;
  bodyLimit: number;
  unknownFields: UnknownFieldPolicy;
  tokens: readonly string[];
  recentLeads: number;
  shutdownGraceMs: number;
};

/** Fills in the defaults and refuses personal-looking dashboard fields. */
export function resolveServeOptions(options: ServeOptions): ResolvedServeOptions {
  if (options.segmentField) assertSegmentField('--segment-field', options.segmentField);
  if (options.stageField) assertSegmentField('--stage-field', options.stageField);
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ServeOptions;
  return { ...SERVE_DEFAULTS, tokens: [], ...given };
}
