import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { didYouMean } from '../closest-name.js';
import { DEFAULT_PLACEHOLDERS } from '../missing-placeholders.js';
import {
  DATASET_CONFIG_FIELDS,
  type DatasetConfig,
  EVENTS_FIELDS,
  type EventsConfig,
  TARGET_FIELDS,
  type TargetConfig,
  TRUTH_FIELDS,
  type TruthConfig,
} from './dataset-config.js';
import { parseJsonText } from './parse-json-text.js';

export interface ParseDatasetConfigOptions {
  /** The config's file, named in error messages and used for the default `name`. */
  file?: string;
}

type Json = Record<string, unknown>;

/**
 * Validates a dataset config (JSON text or an already parsed value) and fills in the
 * defaults. Every problem is a `ConfigError` naming the file and the field: unknown
 * fields (with the known ones listed), wrong types, empty or repeated column names,
 * and contradictions such as dropping the target column.
 */
export function parseDatasetConfig(json: string | unknown, options: ParseDatasetConfigOptions = {}): DatasetConfig {
  const { file } = options;
  const value = typeof json === 'string' ? parseJsonText(json, file) : json;
  const fail = (field: string, message: string): never => {
    throw new ConfigError(message, { ...(file ? { file } : {}), field });
  };
  const root = asObject(value, 'config', 'the dataset config', fail);
  assertKnownFields(root, DATASET_CONFIG_FIELDS, '', fail);
  const config: DatasetConfig = {
    name: optionalString(root, 'name', '', fail) ?? defaultName(file),
    leads: optionalString(root, 'leads', '', fail),
    target: parseTarget(root.target, fail),
    id: optionalString(root, 'id', '', fail),
    date: optionalString(root, 'date', '', fail),
    labelTime: optionalString(root, 'labelTime', '', fail),
    drop: stringList(root, 'drop', fail),
    postOutcome: stringList(root, 'postOutcome', fail),
    pii: stringList(root, 'pii', fail),
    placeholders: root.placeholders === undefined ? [...DEFAULT_PLACEHOLDERS] : stringList(root, 'placeholders', fail, true),
    caseFold: stringList(root, 'caseFold', fail),
    formFields: stringList(root, 'formFields', fail),
    enrichmentFields: stringList(root, 'enrichmentFields', fail),
    stage: optionalString(root, 'stage', '', fail),
  };
  if (root.events !== undefined) config.events = parseEvents(root.events, fail);
  if (root.truth !== undefined) config.truth = parseTruth(root.truth, fail);
  assertCoherent(config, fail);
  return config;
}

/** Reads and validates a dataset config file. */
export function loadDatasetConfig(path: string): DatasetConfig {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch {
    throw new ConfigError(`dataset config not found (looked for ${resolve(path)})`, { file: path });
  }
  return parseDatasetConfig(text, { file: path });
}

type Fail = (field: string, message: string) => never;

function parseTarget(value: unknown, fail: Fail): TargetConfig {
  if (value === undefined) {
    return fail('target', 'is required: { "column": "<outcome column>", "positive": "<value meaning converted>" }');
  }
  const target = asObject(value, 'target', 'an object { "column": …, "positive": … }', fail);
  assertKnownFields(target, TARGET_FIELDS, 'target.', fail);
  const column = requiredString(target, 'column', 'target.', fail);
  const positive = target.positive;
  if (positive === undefined) return fail('target.positive', 'is required: the value of the target column that means converted');
  if (typeof positive === 'string' || (typeof positive === 'number' && Number.isFinite(positive))) return { column, positive };
  return fail('target.positive', `must be a string or a finite number, got ${describe(positive)}`);
}

function parseEvents(value: unknown, fail: Fail): EventsConfig {
  const events = asObject(value, 'events', 'an object { "path": …, "leadId": …, "time": … }', fail);
  assertKnownFields(events, EVENTS_FIELDS, 'events.', fail);
  const parsed: EventsConfig = {
    path: requiredString(events, 'path', 'events.', fail),
    leadId: requiredString(events, 'leadId', 'events.', fail),
    time: requiredString(events, 'time', 'events.', fail),
  };
  for (const key of ['url', 'title', 'channel', 'type', 'duration'] as const) {
    const column = optionalString(events, key, 'events.', fail);
    if (column !== undefined) parsed[key] = column;
  }
  return parsed;
}

function parseTruth(value: unknown, fail: Fail): TruthConfig {
  const truth = asObject(value, 'truth', 'an object { "path": …, "leadId"?: …, "probability"?: … }', fail);
  assertKnownFields(truth, TRUTH_FIELDS, 'truth.', fail);
  const parsed: TruthConfig = { path: requiredString(truth, 'path', 'truth.', fail) };
  const leadId = optionalString(truth, 'leadId', 'truth.', fail);
  const probability = optionalString(truth, 'probability', 'truth.', fail);
  if (leadId !== undefined) parsed.leadId = leadId;
  if (probability !== undefined) parsed.probability = probability;
  return parsed;
}

/** Contradictions between fields. */
function assertCoherent(config: DatasetConfig, fail: Fail): void {
  const target = config.target.column;
  for (const field of ['drop', 'pii', 'postOutcome'] as const) {
    if (config[field].includes(target))
      fail(
        field,
        `lists the target column "${target}"; the target cannot be ${field === 'drop' ? 'dropped' : `marked ${field}`}`,
      );
  }
  for (const field of ['id', 'date', 'labelTime', 'stage'] as const) {
    if (config[field] === target) fail(field, `names the target column "${target}"; use a different column`);
  }
  if (config.id !== undefined && config.drop.includes(config.id))
    fail('drop', `lists the id column "${config.id}"; the id cannot be dropped`);
}

function asObject(value: unknown, field: string, expected: string, fail: Fail): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(field, `must be ${expected}, got ${describe(value)}`);
  return value as Json;
}

function assertKnownFields(object: Json, known: readonly string[], prefix: string, fail: Fail): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      fail(
        `${prefix}${key}`,
        `is not a known field${didYouMean(key, known)}; known fields${prefix ? ` of ${prefix.slice(0, -1)}` : ''}: ${known.join(', ')}`,
      );
    }
  }
}

function requiredString(object: Json, key: string, prefix: string, fail: Fail): string {
  const value = optionalString(object, key, prefix, fail);
  return value ?? fail(`${prefix}${key}`, 'is required (a column name)');
}

function optionalString(object: Json, key: string, prefix: string, fail: Fail): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return fail(`${prefix}${key}`, `must be a string, got ${describe(value)}`);
  if (value.trim() === '') return fail(`${prefix}${key}`, 'must not be empty');
  return value;
}

function stringList(object: Json, key: string, fail: Fail, allowEmpty = false): string[] {
  const value = object[key];
  if (value === undefined) return [];
  if (!Array.isArray(value))
    return fail(key, `must be a list of ${allowEmpty ? 'strings' : 'column names'}, got ${describe(value)}`);
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (typeof item !== 'string') fail(`${key}[${i}]`, `must be a string, got ${describe(item)}`);
    if (!allowEmpty && item.trim() === '') fail(`${key}[${i}]`, 'must not be empty');
    if (seen.has(item)) fail(`${key}[${i}]`, `repeats "${item}"`);
    seen.add(item);
  });
  return [...value] as string[];
}

function defaultName(file: string | undefined): string {
  return file ? basename(file).replace(/\.json$/i, '') : 'dataset';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}
