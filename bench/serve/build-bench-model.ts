import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { saveExperiment } from '../../src/artifact/experiment-files.js';
import { exportArtifact } from '../../src/artifact/export-artifact.js';
import { writeBuiltinDataset } from '../../src/data/datasets/builtin/index.js';
import { loadDataset } from '../../src/data/datasets/load-dataset.js';
import { runExperiment } from '../../src/selection/run-experiment.js';

/** Where the benchmark's data and model live, and whether they were built now. */
export interface BenchModel {
  dataDir: string;
  modelDir: string;
  built: boolean;
  seconds: number;
}

/**
 * The built-in data set with `leads` leads and a gradient-boosting champion exported from it,
 * under `outDir/leads-<n>`; reused when already there (delete the folder to rebuild).
 */
export async function buildBenchModel(outDir: string, leads: number, seed = 5): Promise<BenchModel> {
  const root = join(outDir, `leads-${leads}-seed-${seed}`);
  const dataDir = join(root, 'data', 'raw', 'builtin');
  const modelDir = join(root, 'models', 'bench', '1.0.0');
  const started = performance.now();
  if (existsSync(join(modelDir, 'manifest.json'))) return { dataDir, modelDir, built: false, seconds: 0 };
  await writeBuiltinDataset(dataDir, { leads, seed, positiveRate: 0.05 });
  const dataset = loadDataset('builtin', { root });
  const experiment = await runExperiment(dataset, { models: ['gbdt'], strategies: ['none'], folds: 3, seed: 1 });
  saveExperiment(join(root, 'exp'), experiment, dataset);
  await exportArtifact(join(root, 'exp'), modelDir, { name: 'bench', version: '1.0.0', force: true });
  return { dataDir, modelDir, built: true, seconds: (performance.now() - started) / 1000 };
}
