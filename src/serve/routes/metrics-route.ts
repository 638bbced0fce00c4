import type { FastifyInstance } from 'fastify';
import type { ServeContext } from '../serve-context.js';

/** GET /metrics: Prometheus text format. */
export function registerMetricsRoute(app: FastifyInstance, ctx: ServeContext): void {
  app.get('/metrics', async (_request, reply) => {
    reply.type('text/plain; version=0.0.4; charset=utf-8');
    return ctx.metrics.render();
  });
}
