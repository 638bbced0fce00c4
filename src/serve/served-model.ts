import type { ArtifactManifest } from '../artifact/export-artifact.js';
import type { InputSchema } from '../artifact/input-schema.js';
import { Scorer } from '../artifact/scorer.js';
import type { TrainingMetadata } from '../artifact/training-metadata.js';
import { SerializationError } from '../core/errors.js';
import '../artifact/artifact-kinds.js';
import { type PolicySummary, policySummary } from './policy-summary.js';
import type { SchemaError } from './request-problems.js';
import { type RequestSchemaOptions, scoreRequestSchema } from './request-schema.js';
import { segmentFields } from './segment-fields.js';

/** A compiled JSON Schema check (ajv's shape: a predicate with the last errors attached). */
export type BodyValidator = ((body: unknown) => boolean) & { errors?: SchemaError[] | null };

/** Compiles a JSON Schema with the server's validator (Fastify's ajv, all errors collected). */
export type SchemaCompiler = (schema: Record<string, unknown>) => BodyValidator;

/** What GET /v1/model returns: everything about the model a client may know, no secrets. */
export interface ModelInfo {
  modelVersion: string;
  loadedAt: string;
  manifest: Omit<ArtifactManifest, 'files'> & { files: string[] };
  training: TrainingMetadata;
  inputSchema: InputSchema;
  policy: PolicySummary;
  card: string;
}

/** A model ready to serve: the Scorer plus everything derived from it once, at load time. */
export interface ServedModel {
  readonly scorer: Scorer;
  readonly version: string;
  readonly dir: string;
  readonly loadedAt: string;
  /** The body check of POST /v1/score, compiled from this model's input schema. */
  readonly validateBody: BodyValidator;
  /** Fields the model reads; other lead fields are unknown. */
  readonly leadFields: ReadonlySet<string>;
  /** Fields of an event the model reads, or null when any event field is fine. */
  readonly eventFields: ReadonlySet<string> | null;
  /** Non-personal categorical fields kept for the dashboard. */
  readonly segmentFields: readonly string[];
  readonly grades: readonly string[];
  readonly info: ModelInfo;
}

export interface ServedModelOptions extends RequestSchemaOptions {
  compile: SchemaCompiler;
  segmentField?: string;
}

/**
 * Loads a model folder (checksums and format verified by `Scorer.load`), compiles its request
 * check, and verifies it scores: an all-missing lead must get a probability in [0, 1].
 * Throws a LeadstackError naming the problem; nothing is half-loaded.
 */
export async function loadServedModel(dir: string, options: ServedModelOptions): Promise<ServedModel> {
  const scorer = await Scorer.load(dir);
  const artifact = scorer.artifact;
  let probe: number;
  try {
    probe = scorer.score({}, [], { reasons: 1 }).probability;
  } catch (error) {
    throw new SerializationError(`the model cannot score a lead: ${(error as Error).message}`, { file: artifact.dir });
  }
  if (!(probe >= 0 && probe <= 1))
    throw new SerializationError(`the model scored a test lead ${probe}, not a probability`, { file: artifact.dir });
  const schema = artifact.schema;
  const policy = policySummary(artifact.policy);
  const { files, ...manifest } = artifact.manifest;
  const loadedAt = new Date().toISOString();
  return {
    scorer,
    version: scorer.modelVersion,
    dir: artifact.dir,
    loadedAt,
    validateBody: options.compile(scoreRequestSchema(schema, options)),
    leadFields: new Set(Object.keys(schema.properties)),
    eventFields: schema.events ? new Set(Object.keys(schema.events.items.properties)) : null,
    segmentFields: segmentFields(options.segmentField, Object.keys(schema.properties)),
    grades: policy.grades.map((g) => g.grade),
    info: {
      modelVersion: scorer.modelVersion,
      loadedAt,
      manifest: { ...manifest, files: Object.keys(files ?? {}).sort() },
      training: artifact.training,
      inputSchema: schema,
      policy,
      card: artifact.card,
    },
  };
}
