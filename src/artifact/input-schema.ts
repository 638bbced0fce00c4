import type { FeatureSpec } from '../features/feature-spec.js';
import { requiredColumns } from '../features/pipeline.js';
import type { RuleSet } from '../models/rules/rule-set.js';

/** A JSON Schema (draft-07 subset) describing the fields of a lead the model reads. */
export interface InputSchema {
  $schema: string;
  title: string;
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  /** Fields the model reads; an absent one counts as missing, so none is strictly required. */
  modelFields: string[];
  /** Unknown fields are accepted and ignored (they are not features), unless the server is told to reject them. */
  additionalProperties: boolean;
  events?: { type: 'array'; items: { type: 'object'; properties: Record<string, Record<string, unknown>>; required: string[] } };
}

/**
 * The input schema of a model, derived from its feature spec (or rule set): each field the
 * model reads with the JSON types it accepts — numbers may also arrive as numeric text and
 * yes/no fields as text or booleans, since CRM integrations send either — and the event
 * objects when the model uses an event log.
 */
export function inputSchema(spec: FeatureSpec | null, rules: RuleSet | null, title: string): InputSchema {
  const properties: Record<string, Record<string, unknown>> = {};
  if (spec) {
    for (const c of spec.columns) {
      if (c.type === 'numeric')
        properties[c.column] = {
          type: ['number', 'string', 'null'],
          description: 'a number (numeric text accepted); blank or a placeholder means missing',
        };
      else if (c.type === 'boolean')
        properties[c.column] = { type: ['boolean', 'string', 'number', 'null'], description: 'yes/no, true/false, y/n or 1/0' };
      else if (c.type === 'emailDomain')
        properties[c.column] = { type: ['string', 'null'], description: 'an e-mail address (only its domain type is used)' };
      else properties[c.column] = { type: ['string', 'number', 'null'], description: 'a category' };
    }
    for (const column of requiredColumns(spec))
      if (!properties[column]) properties[column] = { type: ['string', 'number', 'null'] };
    if (spec.time)
      properties[spec.time.created] = {
        type: ['string', 'null'],
        format: 'date-time',
        description: 'when the lead was created (ISO 8601)',
      };
    if (spec.dataset.id)
      properties[spec.dataset.id] = { type: ['string', 'number'], description: 'the lead id, echoed in the response' };
  }
  if (rules) {
    for (const rule of rules.rules)
      if ('field' in rule.when && !properties[rule.when.field])
        properties[rule.when.field] = { type: ['string', 'number', 'boolean', 'null'] };
  }
  const schema: InputSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    type: 'object',
    properties,
    modelFields: Object.keys(properties).sort(),
    additionalProperties: true,
  };
  const e = spec?.events?.columns;
  if (e) {
    const eventProps: Record<string, Record<string, unknown>> = { [e.time]: { type: 'string', format: 'date-time' } };
    for (const key of ['url', 'title', 'channel', 'type'] as const)
      if (e[key]) eventProps[e[key]!] = { type: ['string', 'null'] };
    if (e.duration) eventProps[e.duration] = { type: ['number', 'string', 'null'] };
    schema.events = { type: 'array', items: { type: 'object', properties: eventProps, required: [e.time] } };
  }
  return schema;
}
