import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DashboardLead } from '../dashboard-lead.js';
import { DASHBOARD_DATA_URL, dashboardPage } from '../dashboard-page.js';
import { HttpError } from '../http-errors.js';
import type { ServeContext } from '../serve-context.js';

/** What GET /v1/dashboard/leads returns. */
export interface DashboardData {
  source: 'file' | 'recent';
  /** The scored file's name (without its folder), for a file source. */
  file: string | null;
  modelVersion: string;
  grades: readonly string[];
  segmentField: string | null;
  stageField: string | null;
  /** Calibrated probability from which the model routes a lead to sales. */
  salesThreshold: number;
  generatedAt: string;
  leads: DashboardLead[];
}

const querySchema = {
  type: 'object',
  properties: { source: { type: 'string', enum: ['file', 'recent'] } },
} as const;

/**
 * GET /: the dashboard page (open: it holds no data). GET /v1/dashboard/leads: the scored
 * leads it shows — from the --leads-file, or the API's recent requests — with no personal
 * fields. Behind the token when auth is on.
 */
export function registerDashboardRoutes(app: FastifyInstance, ctx: ServeContext): void {
  let page: string | null = null;
  app.get('/', { config: { open: true } }, async (_request, reply) => {
    page ??= dashboardPage();
    reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
      );
    return page;
  });

  app.get(DASHBOARD_DATA_URL, { schema: { querystring: querySchema } }, async (request) => {
    const model = ctx.models.current;
    request.modelVersion = model.version;
    const wanted = (request.query as { source?: 'file' | 'recent' }).source ?? (ctx.scoredFile ? 'file' : 'recent');
    const base = {
      modelVersion: model.version,
      grades: model.grades,
      salesThreshold: model.info.policy.salesThreshold,
      generatedAt: new Date().toISOString(),
    };
    if (wanted === 'file') {
      if (!ctx.scoredFile) throw new HttpError(404, 'not-found', 'no scored leads file: start the server with --leads-file');
      const scored = ctx.scoredFile.read();
      request.leadCount = scored.leads.length;
      return {
        ...base,
        source: 'file',
        file: basename(ctx.scoredFile.path),
        segmentField: scored.segmentFields[0] ?? null,
        stageField: scored.stageField,
        leads: scored.leads,
      } satisfies DashboardData;
    }
    const leads = ctx.recent.list();
    request.leadCount = leads.length;
    const segmentField = ctx.segmentField ?? model.segmentFields.find((f) => leads.some((l) => f in l.segments)) ?? null;
    return { ...base, source: 'recent', file: null, segmentField, stageField: null, leads } satisfies DashboardData;
  });
}
