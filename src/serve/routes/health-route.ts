import type { FastifyInstance } from 'fastify';
import type { ServeContext } from '../serve-context.js';

/** GET /healthz: open without a token; 200 with the model version while the server runs. */
export function registerHealthRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.get('/healthz', { config: { open: true } }, async (request) => {
    const model = ctx.models.current;
    request.modelVersion = model.version;
    return {
      status: 'ok',
      modelVersion: model.version,
      loadedAt: model.loadedAt,
      uptimeSeconds: Math.round((Date.now() - ctx.startedAt) / 1000),
    };
  });
}
