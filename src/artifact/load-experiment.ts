import { join, resolve } from 'node:path';
import type { Classifier } from '../core/estimator.js';
import { fromJSON, type SerializedEstimator } from '../core/serialization.js';
import type { DecisionPolicy } from '../evaluation/decision-policy.js';
import type { FeatureSpec } from '../features/feature-spec.js';
import { FeaturePipeline } from '../features/pipeline.js';
import { neuralBackend } from '../models/neural/tf-backend.js';
import { ARTIFACT_FILES } from './artifact-files.js';
import { readExperimentFile } from './experiment-files.js';
import type { TrainingMetadata } from './training-metadata.js';

/** Scores saved with an experiment, per data-set row. */
export interface ExperimentCurves {
  oof: {
    rows: number[];
    labels: number[];
    scores: { model: string; label: string; strategy: string; strategyLabel: string; values: number[] }[];
  };
  holdout: { rows: number[]; labels: number[]; raw: number[]; calibrated: number[]; rules: number[] | null } | null;
  champion: { model: string; strategy: string };
}

/** A saved experiment read back: its summary, scores, and the deployed champion (pipeline, model, policy). */
export interface SavedExperiment {
  dir: string;
  summary: Record<string, unknown> & { champion: { model: string; strategy: string; label: string; reason: string } };
  curves: ExperimentCurves;
  pipeline: FeaturePipeline | null;
  model: Classifier;
  policy: DecisionPolicy;
  training: TrainingMetadata;
}

/** Reads what `saveExperiment` wrote (for the evaluation and deployment notebooks). */
export async function loadExperiment(dir: string): Promise<SavedExperiment> {
  const root = resolve(dir);
  const candidate = join(root, 'candidate');
  let pipeline: FeaturePipeline | null = null;
  try {
    pipeline = FeaturePipeline.fromJSON(readExperimentFile<FeatureSpec>(candidate, ARTIFACT_FILES.featureSpec));
  } catch {
    pipeline = null;
  }
  const serialized = readExperimentFile<SerializedEstimator>(candidate, ARTIFACT_FILES.model);
  if (serialized.kind === 'NeuralNetClassifier') await neuralBackend();
  return {
    dir: root,
    summary: readExperimentFile(root, 'experiment.json'),
    curves: readExperimentFile(root, 'curves.json'),
    pipeline,
    model: fromJSON<Classifier>(serialized),
    policy: readExperimentFile(candidate, ARTIFACT_FILES.policy),
    training: readExperimentFile(candidate, ARTIFACT_FILES.training),
  };
}
