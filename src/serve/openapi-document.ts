import type { UnknownFieldPolicy } from './request-schema.js';
import type { ServedModel } from './served-model.js';

export interface OpenApiOptions {
  maxLeads: number;
  unknownFields: UnknownFieldPolicy;
  /** Whether bearer-token auth is on. */
  auth: boolean;
}

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string): Schema => ({ description, content: { 'application/json': { schema } } });
const errorResponse = (description: string): Schema => json(ref('Error'), description);

/**
 * An OpenAPI 3.1 document of the API for the model being served: the lead's fields and event
 * objects come from the model's input schema, so clients can generate types and validate
 * before they send.
 */
export function openApiDocument(model: ServedModel, options: OpenApiOptions): Schema {
  const input = model.info.inputSchema;
  const additionalProperties = options.unknownFields === 'ignore';
  const secured = options.auth ? [{ bearerAuth: [] }] : [];
  const open: Schema[] = [];
  const denied = options.auth ? { '401': errorResponse('missing or invalid API token') } : {};
  return {
    openapi: '3.1.0',
    info: {
      title: `leadstack lead scoring API (${model.version})`,
      version: model.info.manifest.version,
      description:
        `Scores leads with the model ${model.version}: calibrated probability, 0–100 score, percentile, grade, route and the reasons in plain words. ` +
        `Fields the model does not read are ${additionalProperties ? 'ignored and listed in `warnings`' : 'rejected with 400'}.`,
    },
    servers: [{ url: '/' }],
    security: secured,
    paths: {
      '/v1/score': {
        post: {
          summary: `Score one lead or a batch of up to ${options.maxLeads}`,
          parameters: [
            {
              name: 'reasons',
              in: 'query',
              required: false,
              description: 'reasons per direction, 0–10 (default 3; 0 is fastest)',
              schema: { type: 'string', pattern: '^(?:[0-9]|10)$' },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('ScoreRequest') } } },
          responses: {
            '200': json(
              { anyOf: [ref('SingleScoreResponse'), ref('BatchScoreResponse')] },
              'one result for one lead, `{ modelVersion, results }` for a batch',
            ),
            '400': errorResponse('malformed JSON or invalid leads: every problem is listed with its field'),
            ...denied,
            '413': errorResponse('the body is larger than the limit'),
            '415': errorResponse('the body is not JSON'),
          },
        },
      },
      '/v1/model': {
        get: {
          summary: 'The model card, manifest, training metadata, input schema and decision policy',
          responses: { '200': json(ref('ModelInfo'), 'the model'), ...denied },
        },
      },
      '/v1/admin/reload': {
        post: {
          summary: 'Load the model folder again (or another one) and swap it in once verified',
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: { type: 'object', properties: { model: { type: 'string' } }, additionalProperties: false },
              },
            },
          },
          responses: {
            '200': json(
              {
                type: 'object',
                properties: { reloaded: { const: true }, modelVersion: { type: 'string' }, previousVersion: { type: 'string' } },
              },
              'reloaded',
            ),
            ...denied,
            '422': errorResponse('the new model did not load or verify; the previous one keeps serving'),
          },
        },
      },
      '/v1/dashboard/leads': {
        get: {
          summary: 'Scored leads for the dashboard (no personal fields)',
          parameters: [{ name: 'source', in: 'query', required: false, schema: { enum: ['file', 'recent'] } }],
          responses: { '200': json({ type: 'object' }, 'the leads and the dashboard settings'), ...denied },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness and the model version',
          security: open,
          responses: { '200': json({ type: 'object' }, 'serving') },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          responses: {
            '200': { description: 'text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } },
            ...denied,
          },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1'), ...denied } },
      },
      '/': {
        get: {
          summary: 'The dashboard (HTML, works offline)',
          security: open,
          responses: { '200': { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } } },
        },
      },
    },
    components: {
      ...(options.auth
        ? { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'an API token given to the server' } } }
        : {}),
      schemas: {
        Lead: {
          type: 'object',
          description: `A lead's fields. Fields the model reads: ${input.modelFields.join(', ')}. A blank value or a placeholder such as "Select" counts as missing.`,
          properties: input.properties,
          additionalProperties,
        },
        Event: input.events
          ? {
              ...input.events.items,
              additionalProperties,
              description: "One of the lead's touchpoints (web visit, download, form …)",
            }
          : { type: 'object', description: "One of the lead's touchpoints" },
        LeadWithEvents: {
          type: 'object',
          required: ['lead'],
          properties: { lead: ref('Lead'), events: { type: 'array', items: ref('Event') } },
          additionalProperties,
        },
        BatchRequest: {
          type: 'object',
          required: ['leads'],
          properties: { leads: { type: 'array', minItems: 1, maxItems: options.maxLeads, items: ref('LeadWithEvents') } },
          additionalProperties,
        },
        ScoreRequest: {
          description:
            'A batch `{ "leads": [...] }`, one lead with its events `{ "lead", "events" }`, or the lead\'s fields alone (told apart by the keys `leads` and `lead`).',
          anyOf: [ref('BatchRequest'), ref('LeadWithEvents'), ref('Lead')],
        },
        Reason: {
          type: 'object',
          required: ['field', 'text', 'points'],
          properties: {
            field: { type: 'string' },
            text: { type: 'string' },
            points: {
              type: 'number',
              description:
                'score points this reason adds (negative: takes away), from the score of a lead whose features contribute nothing',
            },
          },
        },
        ScoreResult: {
          type: 'object',
          required: ['id', 'probability', 'score', 'percentile', 'grade', 'route', 'reasons', 'modelVersion', 'scoredAt'],
          properties: {
            id: { type: ['string', 'null'], description: 'the lead id, when the lead has one' },
            probability: { type: 'number', minimum: 0, maximum: 1, description: 'calibrated probability of conversion' },
            score: { type: 'integer', minimum: 0, maximum: 100, description: 'the probability × 100, rounded' },
            percentile: { type: 'number', minimum: 0, maximum: 100, description: 'share of training leads scoring at or below' },
            grade: { type: 'string', enum: [...model.grades] },
            route: { type: 'string', enum: ['sales', 'nurture'] },
            reasons: {
              type: 'object',
              properties: {
                positive: { type: 'array', items: ref('Reason') },
                negative: { type: 'array', items: ref('Reason') },
                text: { type: 'array', items: { type: 'string' } },
              },
            },
            modelVersion: { type: 'string' },
            scoredAt: { type: 'string', format: 'date-time' },
          },
        },
        SingleScoreResponse: {
          allOf: [ref('ScoreResult'), { type: 'object', properties: { warnings: { type: 'array', items: ref('Problem') } } }],
        },
        BatchScoreResponse: {
          type: 'object',
          required: ['modelVersion', 'results'],
          properties: {
            modelVersion: { type: 'string' },
            results: { type: 'array', items: ref('ScoreResult') },
            warnings: { type: 'array', items: ref('Problem') },
          },
        },
        Problem: {
          type: 'object',
          required: ['field', 'message'],
          properties: {
            field: { type: 'string', description: 'place in the body, e.g. leads[2].lead.employees' },
            message: { type: 'string' },
          },
        },
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: {
            error: {
              type: 'string',
              description:
                'a stable code: invalid-request, malformed-json, body-too-large, unsupported-media-type, unauthorized, not-found, reload-failed, internal',
            },
            message: { type: 'string' },
            problems: { type: 'array', items: ref('Problem') },
            omittedProblems: { type: 'integer' },
          },
        },
        ModelInfo: {
          type: 'object',
          properties: {
            modelVersion: { type: 'string' },
            loadedAt: { type: 'string', format: 'date-time' },
            manifest: { type: 'object' },
            training: { type: 'object' },
            inputSchema: { type: 'object' },
            policy: { type: 'object' },
            card: { type: 'string', description: 'the model card (Markdown)' },
          },
        },
      },
    },
  };
}
