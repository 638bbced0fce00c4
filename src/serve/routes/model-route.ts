import type { FastifyInstance } from 'fastify';
import type { ServeContext } from '../serve-context.js';

/** GET /v1/model: the model card, manifest, training metadata, input schema and policy summary. */
export function registerModelRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.get('/v1/model', async (request) => {
    const model = ctx.models.current;
    request.modelVersion = model.version;
    return model.info;
  });
}
