/** One thing wrong with a request, named by its place in the body ("leads[2].lead.employees"). */
export interface RequestProblem {
  field: string;
  message: string;
}

/** The parts of a JSON Schema validation error the server reads (ajv's error objects). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const BODY_SHAPES = 'a lead object, {"lead": {…}, "events": […]}, or {"leads": [{"lead": {…}, "events": […]}, …]}';

/** `/leads/0/lead/employees` → `leads[0].lead.employees`. */
export function fieldPath(instancePath: string): string {
  if (instancePath === '') return '';
  let out = '';
  for (const raw of instancePath.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

/** Joins a path and a key: ('lead', 'email') → 'lead.email', ('', 'email') → 'email'. */
export function joinField(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Turns schema validation errors into problems a CRM developer can act on: one per field,
 * saying what was expected and what JSON type came (never echoing the value). Errors that
 * only say a branch of the body schema failed are dropped; the branch's own errors stay.
 */
export function problemsFromSchemaErrors(errors: readonly SchemaError[], body: unknown): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const problem = describeError(error, body);
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Problems that make the body's shape unusable (so per-field checks are pointless). */
export function isStructuralProblem(problem: RequestProblem): boolean {
  return problem.field === 'body' || problem.field === 'leads';
}

function describeError(error: SchemaError, body: unknown): RequestProblem {
  const path = fieldPath(error.instancePath);
  const p = error.params;
  switch (error.keyword) {
    case 'type': {
      const got = jsonType(valueAt(body, error.instancePath));
      if (path === '') return { field: 'body', message: `expected ${BODY_SHAPES}; got ${got}` };
      return { field: path, message: `expected ${describeTypes(p.type)}, got ${got}` };
    }
    case 'required':
      return { field: joinField(path, String(p.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return {
        field: joinField(path, String(p.additionalProperty)),
        message: 'is not a field this model reads (this server rejects unknown fields)',
      };
    case 'maxItems': {
      const value = valueAt(body, error.instancePath);
      const n = Array.isArray(value) ? value.length : 0;
      return { field: path, message: `at most ${p.limit} leads per request, got ${n}; split the batch` };
    }
    case 'minItems':
      return { field: path, message: 'expected at least one lead' };
    default:
      return { field: path || 'body', message: error.message ?? `fails the ${error.keyword} rule` };
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
  object: 'an object',
  array: 'a list',
};

function describeTypes(types: unknown): string {
  const list = (Array.isArray(types) ? types : [types]).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return list.length <= 1 ? (list[0] ?? 'a value') : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
}

/** The JSON type of a value, in words. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return TYPE_WORDS[typeof value] ?? typeof value;
}

function valueAt(body: unknown, instancePath: string): unknown {
  if (instancePath === '') return body;
  let value: unknown = body;
  for (const raw of instancePath.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}
