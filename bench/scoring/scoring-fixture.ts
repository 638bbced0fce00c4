/**
 * The scoring benchmark's inputs, generated once under bench/out/scoring: a GBDT champion
 * trained on the built-in data (exported as a model folder) and a second, larger built-in data
 * set of new leads with their events to score.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { saveExperiment } from '../../src/artifact/experiment-files.js';
import { exportArtifact } from '../../src/artifact/export-artifact.js';
import { writeBuiltinDataset } from '../../src/data/datasets/builtin/index.js';
import { loadDataset } from '../../src/data/datasets/load-dataset.js';
import { runExperiment } from '../../src/selection/run-experiment.js';

export interface ScoringFixture {
  /** The exported model folder. */
  model: string;
  /** Project root of the training data (for loadDataset('builtin', { root })). */
  trainRoot: string;
  /** Leads and events CSV files to score. */
  leads: string;
  events: string;
}

export interface FixtureOptions {
  /** Leads the champion is trained on. */
  trainLeads: number;
  /** Leads in the file to score. */
  scoreLeads: number;
  seed: number;
  log?: (message: string) => void;
}

/** Builds (or reuses) the model folder and the file to score. */
export async function scoringFixture(options: FixtureOptions): Promise<ScoringFixture> {
  const log = options.log ?? (() => undefined);
  const root = resolve('bench/out/scoring');
  const trainRoot = join(root, `train-${options.trainLeads}-${options.seed}`);
  const trainDir = join(trainRoot, 'data', 'raw', 'builtin');
  const model = join(trainRoot, 'models', 'gbdt-champion', '1.0.0');
  if (!existsSync(join(model, 'manifest.json'))) {
    if (!existsSync(join(trainDir, 'events.csv'))) {
      log(`generating ${options.trainLeads.toLocaleString('en-US')} training leads`);
      await writeBuiltinDataset(trainDir, { leads: options.trainLeads, seed: options.seed });
    }
    log('training the GBDT champion (3-fold cross-validation, hold-out, refit on all leads)');
    const dataset = loadDataset('builtin', { root: trainRoot });
    const experiment = await runExperiment(dataset, { models: ['gbdt'], strategies: ['none'], folds: 3, seed: options.seed });
    const saved = saveExperiment(join(trainRoot, 'experiment'), experiment, dataset);
    await exportArtifact(saved, model, { name: 'gbdt-champion', version: '1.0.0', force: true });
  }
  const scoreSeed = options.seed + 1000;
  const scoreDir = join(root, `score-${options.scoreLeads}-${scoreSeed}`);
  if (!existsSync(join(scoreDir, 'events.csv'))) {
    log(`generating ${options.scoreLeads.toLocaleString('en-US')} leads to score`);
    await writeBuiltinDataset(scoreDir, { leads: options.scoreLeads, seed: scoreSeed });
  }
  return { model, trainRoot, leads: join(scoreDir, 'leads.csv'), events: join(scoreDir, 'events.csv') };
}
