import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi-document.js';
import type { ServeContext } from '../serve-context.js';
import type { ServedModel } from '../served-model.js';

/** GET /openapi.json: the API described for the model being served (built once per model). */
export function registerOpenApiRoute(app: FastifyInstance, ctx: ServeContext): void {
  const documents = new WeakMap<ServedModel, string>();
  app.get('/openapi.json', async (request, reply) => {
    const model = ctx.models.current;
    request.modelVersion = model.version;
    let text = documents.get(model);
    if (text === undefined) {
      text = JSON.stringify(
        openApiDocument(model, { maxLeads: ctx.maxLeads, unknownFields: ctx.unknownFields, auth: ctx.authEnabled }),
      );
      documents.set(model, text);
    }
    reply.type('application/json; charset=utf-8');
    return text;
  });
}
