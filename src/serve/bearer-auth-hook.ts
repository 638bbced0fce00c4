import type { FastifyInstance } from 'fastify';
import type { BearerTokens } from './bearer-tokens.js';

/**
 * Requires a valid bearer token on every route not marked `config.open` (the dashboard page
 * shell and /healthz are open; the API, the dashboard data and /metrics are not). A request
 * without a valid token gets 401 with `WWW-Authenticate: Bearer`. Does nothing without tokens.
 */
export function installBearerAuth(app: FastifyInstance, tokens: BearerTokens): void {
  if (!tokens.enabled) return;
  app.addHook('onRequest', (request, reply, done) => {
    const config = request.routeOptions.config;
    if (request.routeOptions.url === undefined || config?.open) return done();
    const check = tokens.check(request.headers.authorization);
    if (check === 'ok') return done();
    reply
      .code(401)
      .header(
        'www-authenticate',
        check === 'missing' ? 'Bearer realm="leadstack"' : 'Bearer realm="leadstack", error="invalid_token"',
      )
      .send({
        error: 'unauthorized',
        message: check === 'missing' ? 'send an API token: Authorization: Bearer <token>' : 'the API token is not valid',
      });
  });
}
