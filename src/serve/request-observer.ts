import type { FastifyInstance } from 'fastify';
import type { ServeContext } from './serve-context.js';

/**
 * Counts and logs every response (route pattern, method, status, latency, lead count, model
 * version — nothing from the request itself), and while the server shuts down marks each
 * answer `Connection: close`, so idle keep-alive sockets do not hold up the exit.
 */
export function installRequestObserver(app: FastifyInstance, ctx: ServeContext, lifecycle: { closing: boolean }): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (lifecycle.closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.observeRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    ctx.log.request({
      method: request.method,
      route,
      status: reply.statusCode,
      ms: reply.elapsedTime,
      leads: request.leadCount,
      modelVersion: request.modelVersion || ctx.models.version,
    });
    done();
  });
}
