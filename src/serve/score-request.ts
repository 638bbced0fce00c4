import type { LeadToScore } from '../artifact/scorer.js';
import { isStructuralProblem, joinField, problemsFromSchemaErrors, type RequestProblem } from './request-problems.js';
import { BATCH_KEY } from './request-schema.js';
import type { ServedModel } from './served-model.js';

/** Which of the three body shapes a request used. */
export type ScoreRequestShape = 'lead' | 'item' | 'batch';

/** A POST /v1/score body, checked and ready for the Scorer. */
export interface ScoreRequest {
  shape: ScoreRequestShape;
  /** The leads with only the fields the model reads, and their events. */
  items: LeadToScore[];
  /** The leads as sent (the dashboard keeps a few segment values from them). */
  sent: Readonly<Record<string, unknown>>[];
  /** Unknown fields that were ignored, one entry per field name. */
  warnings: RequestProblem[];
}

export type ReadScoreRequest =
  | { ok: true; request: ScoreRequest }
  /** `leads`: how many leads of the right shape the body held. */
  | { ok: false; problems: RequestProblem[]; leads: number };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads a POST /v1/score body against the model: the compiled JSON Schema check (shape and
 * each field's types, every error collected), then — when that fails — the Scorer's own
 * semantic checks on every lead that has the right shape, so one 400 names every bad field.
 * Unknown fields are dropped from the leads and listed as warnings (under the reject policy
 * the schema has already refused them).
 */
export function readScoreRequest(body: unknown, model: ServedModel): ReadScoreRequest {
  const valid = model.validateBody(body);
  const shape: ScoreRequestShape = !isObject(body) ? 'lead' : BATCH_KEY in body ? 'batch' : 'lead' in body ? 'item' : 'lead';
  const unknown = new Map<string, number>();
  const items: LeadToScore[] = [];
  const sent: Json[] = [];
  const positions: number[] = [];
  if (!valid) {
    const problems = problemsFromSchemaErrors(model.validateBody.errors ?? [], body);
    if (problems.some(isStructuralProblem)) return { ok: false, problems, leads: 0 };
    collect(body, shape, model, items, sent, positions, unknown);
    return {
      ok: false,
      problems: mergeProblems(problems, semanticProblems(model, shape, items, positions)),
      leads: items.length,
    };
  }
  collect(body, shape, model, items, sent, positions, unknown);
  const warnings: RequestProblem[] = [];
  for (const [field, count] of unknown)
    warnings.push({
      field,
      message: `ignored: not a field this model reads${shape === 'batch' ? ` (in ${count} lead${count === 1 ? '' : 's'})` : ''}`,
    });
  return { ok: true, request: { shape, items, sent, warnings } };
}

/** Problems the Scorer finds in leads that passed the schema check (each field named in the body). */
export function semanticProblems(
  model: ServedModel,
  shape: ScoreRequestShape,
  items: readonly LeadToScore[],
  positions: readonly number[] = items.map((_, i) => i),
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  items.forEach((item, k) => {
    const i = positions[k];
    const leadPath = shape === 'lead' ? '' : shape === 'item' ? 'lead' : `leads[${i}].lead`;
    const eventsPath = shape === 'batch' ? `leads[${i}].events` : 'events';
    for (const p of model.scorer.validate(item)) {
      const field =
        p.field === 'lead'
          ? leadPath || 'body'
          : p.field.startsWith('events')
            ? eventsPath + p.field.slice('events'.length)
            : joinField(leadPath, p.field);
      problems.push({ field, message: p.message });
    }
  });
  return problems;
}

/** Schema problems first, then the Scorer's for fields the schema did not already name. */
function mergeProblems(schema: RequestProblem[], semantic: RequestProblem[]): RequestProblem[] {
  const named = new Set(schema.map((p) => p.field));
  return [...schema, ...semantic.filter((p) => !named.has(p.field))];
}

/** The leads of a body in any shape, each with its position; shapes that are wrong are skipped. */
function collect(
  body: unknown,
  shape: ScoreRequestShape,
  model: ServedModel,
  items: LeadToScore[],
  sent: Json[],
  positions: number[],
  unknown: Map<string, number>,
): void {
  if (!isObject(body)) return;
  if (shape === 'lead') {
    add(body, undefined, '', null, 0);
    return;
  }
  if (shape === 'item') {
    noteUnknown(body, ITEM_KEY_SET, '', unknown);
    if (isObject(body.lead)) add(body.lead, body.events, 'lead', 'events', 0);
    return;
  }
  noteUnknown(body, BATCH_KEY_SET, '', unknown);
  const leads = body[BATCH_KEY];
  if (!Array.isArray(leads)) return;
  for (let i = 0; i < leads.length; i++) {
    const item = leads[i];
    if (!isObject(item) || !isObject(item.lead)) continue;
    noteUnknown(item, ITEM_KEY_SET, 'leads[]', unknown);
    add(item.lead, item.events, 'leads[].lead', 'leads[].events', i);
  }

  function add(lead: Json, events: unknown, leadLabel: string, eventsLabel: string | null, position: number): void {
    const kept = keepKnown(lead, model.leadFields, leadLabel, unknown);
    if (eventsLabel && model.eventFields && Array.isArray(events))
      for (const event of events) if (isObject(event)) noteUnknown(event, model.eventFields, `${eventsLabel}[]`, unknown);
    items.push({ lead: kept, events: Array.isArray(events) ? (events as Json[]) : [] });
    sent.push(lead);
    positions.push(position);
  }
}

const ITEM_KEY_SET: ReadonlySet<string> = new Set(['lead', 'events']);
const BATCH_KEY_SET: ReadonlySet<string> = new Set([BATCH_KEY]);

/** The lead with only the known fields (the same object when it has no others). */
function keepKnown(lead: Json, known: ReadonlySet<string>, label: string, unknown: Map<string, number>): Json {
  let kept: Json | null = null;
  for (const key in lead) {
    if (!Object.hasOwn(lead, key)) continue;
    if (known.has(key)) {
      if (kept) kept[key] = lead[key];
      continue;
    }
    if (!kept) {
      kept = {};
      for (const k in lead) {
        if (k === key) break;
        if (Object.hasOwn(lead, k)) kept[k] = lead[k];
      }
    }
    const field = joinField(label, key);
    unknown.set(field, (unknown.get(field) ?? 0) + 1);
  }
  return kept ?? lead;
}

function noteUnknown(record: Json, known: ReadonlySet<string>, label: string, unknown: Map<string, number>): void {
  for (const key in record) {
    if (!Object.hasOwn(record, key) || known.has(key)) continue;
    const field = joinField(label, key);
    unknown.set(field, (unknown.get(field) ?? 0) + 1);
  }
}
