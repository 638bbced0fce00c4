import type { InputSchema } from '../artifact/input-schema.js';

/** What the server does with fields the model does not read. */
export type UnknownFieldPolicy = 'ignore' | 'reject';

export interface RequestSchemaOptions {
  maxLeads: number;
  unknownFields: UnknownFieldPolicy;
}

type JsonSchema = Record<string, unknown>;

/** The wrapper keys of the two enveloped body shapes. */
export const ITEM_KEYS = ['lead', 'events'] as const;
export const BATCH_KEY = 'leads';

/**
 * The JSON Schema of a POST /v1/score body, derived from the model's input schema. Three
 * shapes, told apart by their keys: `{ "leads": [{ "lead", "events" }, …] }` (a batch),
 * `{ "lead": {…}, "events": […] }` (one lead with its events), or the lead's fields alone.
 * Each field gets the JSON types the model accepts; whether a value can be read (numeric
 * text, yes/no words, dates, placeholders meaning missing) is the Scorer's own check.
 * Unknown fields are allowed unless the policy rejects them.
 */
export function scoreRequestSchema(input: InputSchema, options: RequestSchemaOptions): JsonSchema {
  const additionalProperties = options.unknownFields === 'ignore';
  const lead: JsonSchema = { type: 'object', properties: fieldSchemas(input.properties), additionalProperties };
  const eventItem: JsonSchema = input.events
    ? {
        type: 'object',
        properties: fieldSchemas(input.events.items.properties),
        required: input.events.items.required,
        additionalProperties,
      }
    : { type: 'object' };
  const item: JsonSchema = {
    type: 'object',
    required: ['lead'],
    properties: { lead, events: { type: 'array', items: eventItem } },
    additionalProperties,
  };
  const batch: JsonSchema = {
    type: 'object',
    required: [BATCH_KEY],
    properties: { [BATCH_KEY]: { type: 'array', minItems: 1, maxItems: options.maxLeads, items: item } },
    additionalProperties,
  };
  return conditional([BATCH_KEY], batch, conditional(['lead'], item, lead));
}

/** JSON Schema's if / then / else: objects with the `required` keys match `then`, others `else`. */
function conditional(required: string[], then: JsonSchema, otherwise: JsonSchema): JsonSchema {
  const schema: JsonSchema = { type: 'object', if: { required } };
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword, not a promise.
  schema.then = then;
  schema.else = otherwise;
  return schema;
}

/** Each field's JSON types and description; formats are left to the Scorer, which also accepts placeholders. */
function fieldSchemas(properties: Readonly<Record<string, Record<string, unknown>>>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(properties)) {
    const field: JsonSchema = {};
    if (schema.type !== undefined) field.type = schema.type;
    if (typeof schema.description === 'string') field.description = schema.description;
    out[name] = field;
  }
  return out;
}
