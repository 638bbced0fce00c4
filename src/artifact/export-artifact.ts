import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError, InputError, isLeadstackError } from '../core/errors.js';
import { fromJSON, type SerializedEstimator } from '../core/serialization.js';
import type { DecisionPolicy } from '../evaluation/decision-policy.js';
import type { FeatureSpec } from '../features/feature-spec.js';
import type { NeuralNetClassifier } from '../models/neural/neural-net-classifier.js';
import { saveTfjsModel } from '../models/neural/tfjs-model-files.js';
import type { RuleSet } from '../models/rules/rule-set.js';
import { ARTIFACT_FILES, ARTIFACT_FORMAT, ARTIFACT_VERSION, type ExplainerData } from './artifact-files.js';
import { checksumFiles } from './checksums.js';
import { readExperimentFile } from './experiment-files.js';
import { inputSchema } from './input-schema.js';
import { modelCard } from './model-card.js';
import type { TrainingMetadata } from './training-metadata.js';

export interface ExportOptions {
  /** Model name (letters, digits, dashes). */
  name: string;
  /** Version, e.g. 1.0.0 or 2026-11-29. */
  version: string;
  /** Replace an existing folder of the same version. */
  force?: boolean;
  /** Export time (default now), written to the manifest and card. */
  now?: Date;
}

/** The manifest: what the artifact is and the SHA-256 of every other file in it. */
export interface ArtifactManifest {
  format: typeof ARTIFACT_FORMAT;
  formatVersion: number;
  name: string;
  version: string;
  /** `name@version`, returned with every score. */
  modelVersion: string;
  modelKind: string;
  /** 'features' (the pipeline feeds the model) or 'rules' (the rule set does). */
  input: 'features' | 'rules';
  leadstackVersion: string;
  createdAt: string;
  files: Record<string, string>;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/**
 * Packages a saved experiment's champion as a versioned model folder: feature spec, model
 * (the neural net also as tfjs model.json + weights.bin), decision policy, explainer
 * baseline, input schema, training metadata, a model card, and a manifest with the checksum
 * of every file. Written to a temporary folder renamed into place when complete.
 */
export async function exportArtifact(fromDir: string, outDir: string, options: ExportOptions): Promise<ArtifactManifest> {
  if (!NAME.test(options.name))
    throw new InputError(`model name "${options.name}": use letters, digits, dots, dashes or underscores`, { field: 'name' });
  if (!NAME.test(options.version))
    throw new InputError(`version "${options.version}": use letters, digits, dots, dashes or underscores`, { field: 'version' });
  const from = resolve(fromDir);
  const candidate = join(from, 'candidate');
  const model = readExperimentFile<SerializedEstimator>(candidate, ARTIFACT_FILES.model);
  const policy = readExperimentFile<DecisionPolicy>(candidate, ARTIFACT_FILES.policy);
  const explainer = readExperimentFile<ExplainerData>(candidate, ARTIFACT_FILES.explainer);
  const training = readExperimentFile<TrainingMetadata>(candidate, ARTIFACT_FILES.training);
  const grades = readExperimentFile<{ grade: string; leads: number; conversions: number; rate: number }[]>(
    candidate,
    'holdout-grades.json',
  );
  const spec = existsSync(join(candidate, ARTIFACT_FILES.featureSpec))
    ? readExperimentFile<FeatureSpec>(candidate, ARTIFACT_FILES.featureSpec)
    : null;
  const rules = spec ? null : readExperimentFile<RuleSet>(candidate, 'rules.json');
  const target = resolve(outDir);
  if (existsSync(target) && !options.force) {
    throw new InputError(`${target} exists already; choose a new version or pass --force to replace it`, { field: 'version' });
  }
  const now = (options.now ?? new Date()).toISOString();
  const temp = `${target}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    const write = (file: string, value: unknown): void =>
      writeFileSync(join(temp, file), typeof value === 'string' ? value : `${JSON.stringify(value, null, 1)}\n`);
    if (spec) write(ARTIFACT_FILES.featureSpec, spec);
    else write('rules.json', rules);
    write(ARTIFACT_FILES.model, model);
    if (model.kind === 'NeuralNetClassifier')
      await saveTfjsModel(fromJSON<NeuralNetClassifier>(model), join(temp, ARTIFACT_FILES.tfjsDir));
    write(ARTIFACT_FILES.policy, policy);
    write(ARTIFACT_FILES.explainer, explainer);
    write(ARTIFACT_FILES.inputSchema, inputSchema(spec, rules, `${options.name} ${options.version} lead`));
    write(ARTIFACT_FILES.training, training);
    write(
      ARTIFACT_FILES.card,
      modelCard({ name: options.name, version: options.version, training, policy, spec, grades, createdAt: now }),
    );
    const manifest: ArtifactManifest = {
      format: ARTIFACT_FORMAT,
      formatVersion: ARTIFACT_VERSION,
      name: options.name,
      version: options.version,
      modelVersion: `${options.name}@${options.version}`,
      modelKind: model.kind,
      input: spec ? 'features' : 'rules',
      leadstackVersion: training.leadstackVersion,
      createdAt: now,
      files: checksumFiles(temp),
    };
    write(ARTIFACT_FILES.manifest, manifest);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
    return manifest;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (isLeadstackError(error)) throw error;
    throw new DataError(`cannot write the model folder: ${(error as Error).message}`, { file: target });
  }
}
