import type { FastifyInstance } from 'fastify';
import type { ScoreResult } from '../../artifact/scorer.js';
import { InputError } from '../../core/errors.js';
import { dashboardLeadFromResult } from '../dashboard-lead.js';
import { sendProblems } from '../http-errors.js';
import { scoreInChunks } from '../score-in-chunks.js';
import { readScoreRequest, semanticProblems } from '../score-request.js';
import type { ServeContext } from '../serve-context.js';

/** Reasons per direction returned by default. */
export const DEFAULT_REASONS = 3;

const querySchema = {
  type: 'object',
  properties: { reasons: { type: 'string', pattern: '^(?:[0-9]|10)$', description: 'reasons per direction, 0–10 (default 3)' } },
} as const;

/**
 * POST /v1/score: one lead (its fields, or `{ lead, events }`) → one result; `{ leads: [...] }`
 * → `{ modelVersion, results }`. Unknown fields ignored come back as `warnings`.
 */
export function registerScoreRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.post('/v1/score', { schema: { querystring: querySchema } }, async (request, reply) => {
    const model = ctx.models.current;
    request.modelVersion = model.version;
    const read = readScoreRequest(request.body, model);
    if (!read.ok) {
      request.leadCount = read.leads;
      return sendProblems(reply, read.problems);
    }
    const { shape, items, sent, warnings } = read.request;
    request.leadCount = items.length;
    const query = request.query as { reasons?: string };
    const reasons = query.reasons === undefined ? DEFAULT_REASONS : Number(query.reasons);
    let results: ScoreResult[];
    try {
      results = await scoreInChunks(model.scorer, items, { reasons });
    } catch (error) {
      if (error instanceof InputError) return sendProblems(reply, semanticProblems(model, shape, items));
      throw error;
    }
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      ctx.metrics.observeScore(model.version, r.score, r.grade, r.route);
      ctx.recent.push(dashboardLeadFromResult(r, sent[i], model.segmentFields));
    }
    if (shape === 'batch')
      return warnings.length ? { modelVersion: model.version, results, warnings } : { modelVersion: model.version, results };
    return warnings.length ? { ...results[0], warnings } : results[0];
  });
}
