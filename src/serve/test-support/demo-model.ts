import { join } from 'node:path';
import { saveExperiment } from '../../artifact/experiment-files.js';
import { exportArtifact } from '../../artifact/export-artifact.js';
import { writeBuiltinDataset } from '../../data/datasets/builtin/index.js';
import { loadDataset } from '../../data/datasets/load-dataset.js';
import { groupBy, readRawRecords } from '../../features/test-support/raw-records.js';
import { runExperiment } from '../../selection/run-experiment.js';

/** A lead as an integration sends it: the raw CSV row and its events. */
export interface RawLead {
  lead: Record<string, string>;
  events: Record<string, string>[];
}

/** A small GBDT model exported under `root`, in one or more versions, and the leads it was trained on. */
export interface DemoModel {
  root: string;
  /** Model folder of each version asked for, in order (models/demo/<version>). */
  dirs: string[];
  leadsCsv: string;
  leads: RawLead[];
}

/**
 * Generates a small built-in data set, runs the protocol with gradient boosting only (so the
 * champion reads features and events) and exports the champion as demo@<version> for each
 * version (the same model, for reload tests). Takes a few seconds: once per test file.
 */
export async function buildDemoModel(
  root: string,
  options: { leads?: number; versions?: string[]; seed?: number } = {},
): Promise<DemoModel> {
  const dataDir = join(root, 'data', 'raw', 'builtin');
  await writeBuiltinDataset(dataDir, { leads: options.leads ?? 2000, seed: options.seed ?? 5, positiveRate: 0.05 });
  const dataset = loadDataset('builtin', { root });
  const experiment = await runExperiment(dataset, { models: ['gbdt'], strategies: ['none'], folds: 3, seed: 1 });
  saveExperiment(join(root, 'exp'), experiment, dataset);
  const dirs: string[] = [];
  for (const version of options.versions ?? ['1.0.0']) {
    const dir = join(root, 'models', 'demo', version);
    await exportArtifact(join(root, 'exp'), dir, { name: 'demo', version, now: new Date('2026-01-01T00:00:00Z') });
    dirs.push(dir);
  }
  const leadsCsv = join(dataDir, 'leads.csv');
  const events = groupBy(readRawRecords(join(dataDir, 'events.csv')), 'lead_id');
  const leads = readRawRecords(leadsCsv).map((lead) => ({ lead, events: events.get(lead.lead_id) ?? [] }));
  return { root, dirs, leadsCsv, leads };
}
