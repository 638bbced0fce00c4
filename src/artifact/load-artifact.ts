import './artifact-kinds.js';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SerializationError } from '../core/errors.js';
import type { Classifier } from '../core/estimator.js';
import { fromJSON, type SerializedEstimator } from '../core/serialization.js';
import type { DecisionPolicy } from '../evaluation/decision-policy.js';
import type { FeatureSpec } from '../features/feature-spec.js';
import { neuralBackend } from '../models/neural/tf-backend.js';
import { loadTfjsModel } from '../models/neural/tfjs-model-files.js';
import type { RuleEventColumns } from '../models/rules/rule-features.js';
import { parseRuleSet, type RuleSet } from '../models/rules/rule-set.js';
import { ARTIFACT_FILES, ARTIFACT_FORMAT, ARTIFACT_VERSION, type ExplainerData } from './artifact-files.js';
import { checksumFiles } from './checksums.js';
import type { ArtifactManifest } from './export-artifact.js';
import type { InputSchema } from './input-schema.js';
import type { TrainingMetadata } from './training-metadata.js';

/** A verified model folder, loaded. */
export interface LoadedArtifact {
  dir: string;
  manifest: ArtifactManifest;
  spec: FeatureSpec | null;
  rules: StoredRules | null;
  model: Classifier;
  policy: DecisionPolicy;
  explainer: ExplainerData;
  schema: InputSchema;
  training: TrainingMetadata;
  card: string;
}

/**
 * Loads a model folder after checking it: the manifest's format and version, that every
 * listed file is present with its checksum and no file was added — so a tampered or
 * incomplete artifact is refused with the file named — then the parts themselves.
 */
export async function loadArtifact(dir: string): Promise<LoadedArtifact> {
  const root = resolve(dir);
  const manifestPath = join(root, ARTIFACT_FILES.manifest);
  if (!existsSync(manifestPath))
    throw new SerializationError(
      `not a leadstack model folder (no ${ARTIFACT_FILES.manifest}); create one with \`leadstack export\``,
      { file: root },
    );
  const manifest = readJson<ArtifactManifest>(manifestPath);
  if (manifest.format !== ARTIFACT_FORMAT)
    throw new SerializationError(`is not a leadstack model manifest (format "${String(manifest.format)}")`, {
      file: manifestPath,
    });
  if (manifest.formatVersion !== ARTIFACT_VERSION) {
    throw new SerializationError(
      `model format version ${manifest.formatVersion} is not supported by this leadstack (it reads version ${ARTIFACT_VERSION}); re-export the model`,
      { file: manifestPath },
    );
  }
  const actual = checksumFiles(root, [ARTIFACT_FILES.manifest]);
  for (const [file, sum] of Object.entries(manifest.files ?? {})) {
    if (!(file in actual))
      throw new SerializationError(`is missing (listed in the manifest); the model folder is incomplete`, {
        file: join(root, file),
      });
    if (actual[file] !== sum)
      throw new SerializationError('was changed after export (checksum mismatch); refusing a tampered model', {
        file: join(root, file),
      });
  }
  const extra = Object.keys(actual).filter((f) => !(f in (manifest.files ?? {})));
  if (extra.length) throw new SerializationError(`has files the manifest does not list: ${extra.join(', ')}`, { file: root });
  const serialized = readJson<SerializedEstimator>(join(root, ARTIFACT_FILES.model));
  let model: Classifier;
  if (serialized.kind === 'NeuralNetClassifier') {
    await neuralBackend();
    model = await loadTfjsModel(join(root, ARTIFACT_FILES.tfjsDir));
  } else model = fromJSON<Classifier>(serialized);
  const spec = manifest.input === 'features' ? readJson<FeatureSpec>(join(root, ARTIFACT_FILES.featureSpec)) : null;
  return {
    dir: root,
    manifest,
    spec,
    rules: spec ? null : readRules(join(root, 'rules.json')),
    model,
    policy: readJson<DecisionPolicy>(join(root, ARTIFACT_FILES.policy)),
    explainer: readJson<ExplainerData>(join(root, ARTIFACT_FILES.explainer)),
    schema: readJson<InputSchema>(join(root, ARTIFACT_FILES.inputSchema)),
    training: readJson<TrainingMetadata>(join(root, ARTIFACT_FILES.training)),
    card: readFileSync(join(root, ARTIFACT_FILES.card), 'utf8'),
  };
}

/** A rule set as stored in a model folder: the rules, the event-log columns they read, and the id column. */
export type StoredRules = RuleSet & { eventColumns?: RuleEventColumns & { leadId?: string }; idColumn?: string };

function readRules(path: string): StoredRules {
  const json = readJson<StoredRules>(path);
  return { ...parseRuleSet(json, path), eventColumns: json.eventColumns, idColumn: json.idColumn };
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new SerializationError(`cannot be read as JSON: ${(error as Error).message}`, { file: path });
  }
}
