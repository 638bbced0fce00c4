import { join } from 'node:path';
import { writeBuiltinDataset } from '../../data/datasets/builtin/index.js';
import { type Dataset, loadDataset } from '../../data/datasets/load-dataset.js';
import { type Experiment, runExperiment } from '../../selection/run-experiment.js';
import { saveExperiment } from '../experiment-files.js';
import { exportArtifact } from '../export-artifact.js';

/** A small built-in data set, an experiment on it and its exported model folder, under `root`. */
export async function buildArtifact(
  root: string,
  options: { leads?: number; models?: string[]; seed?: number; name?: string } = {},
): Promise<{ dataset: Dataset; experiment: Experiment; dir: string }> {
  const dataDir = join(root, 'data', 'raw', 'builtin');
  await writeBuiltinDataset(dataDir, { leads: options.leads ?? 2500, seed: options.seed ?? 5, positiveRate: 0.05 });
  const dataset = loadDataset('builtin', { root });
  const experiment = await runExperiment(dataset, {
    models: options.models ?? ['gbdt'],
    strategies: ['none'],
    folds: 3,
    seed: 1,
  });
  const name = options.name ?? 'demo';
  saveExperiment(join(root, `exp-${name}`), experiment, dataset);
  const dir = join(root, 'models', name, '1.0.0');
  await exportArtifact(join(root, `exp-${name}`), dir, { name, version: '1.0.0', now: new Date('2026-01-01T00:00:00Z') });
  return { dataset, experiment, dir };
}
