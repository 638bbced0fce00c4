import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-errors.js';
import type { ServeContext } from '../serve-context.js';

/**
 * POST /v1/admin/reload: loads the model folder again (or `{ "model": "<dir>" }`) and swaps it
 * in once loaded and verified; 200 with the new version, or 422 with the reason while the
 * previous model keeps serving. The body is optional.
 */
export function registerReloadRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.post('/v1/admin/reload', async (request, reply) => {
    const dir = reloadTarget(request.body);
    const outcome = await ctx.models.reload(dir);
    request.modelVersion = ctx.models.current.version;
    if (outcome.ok) return { reloaded: true, modelVersion: outcome.modelVersion, previousVersion: outcome.previousVersion };
    return reply.code(422).send({
      error: 'reload-failed',
      message: `the model was not reloaded: ${outcome.reason}`,
      modelVersion: outcome.modelVersion,
    });
  });
}

function reloadTarget(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  const model = (body as { model?: unknown }).model;
  const keys = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : null;
  if (!keys || keys.some((k) => k !== 'model') || (model !== undefined && (typeof model !== 'string' || model === '')))
    throw new HttpError(400, 'invalid-request', 'expected no body, or {"model": "<model folder>"}');
  return model as string | undefined;
}
