import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { leadstackPackage } from '../core/package-root.js';
import { columnValues } from '../data/column-values.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { parseIsoDate } from '../data/parse-iso-date.js';
import type { Experiment } from '../selection/run-experiment.js';
import { sha256File } from './checksums.js';

/** Where the model came from: data fingerprint, sizes, versions, seed and measured quality. */
export interface TrainingMetadata {
  dataset: string;
  /** SHA-256 of the leads file (and of the events file when there is one). */
  dataHash: { leads: string; events: string | null };
  rows: number;
  conversions: number;
  dateRange: { from: string; to: string } | null;
  leadstackVersion: string;
  gitCommit: string | null;
  seed: number;
  champion: { model: string; label: string; strategy: string; reason: string };
  trainedOn: 'all leads' | 'development part';
  cv: { folds: number; rocAuc: [number, number]; prAuc: [number, number]; logLoss: [number, number]; brier: [number, number] };
  holdout: {
    rows: number;
    rocAuc: number;
    prAuc: number;
    logLoss: number;
    brier: number;
    ece: number;
    rulesRocAuc: number | null;
  } | null;
  bestAchievableAuc: number | null;
  features: number;
}

export function leadstackVersion(): string {
  return leadstackPackage().version;
}

/** The current git commit of the project, or null outside a repository. */
export function gitCommit(): string | null {
  const result = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: leadstackPackage().root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

export function trainingMetadata(exp: Experiment, dataset: Dataset, features: number): TrainingMetadata {
  const files = dataset.files;
  const row = exp.champion.row;
  const h = exp.holdout;
  return {
    dataset: dataset.name,
    dataHash: {
      leads: sha256File(files.leadsPath),
      events: files.eventsPath && existsSync(files.eventsPath) ? sha256File(files.eventsPath) : null,
    },
    rows: exp.dataset.rows,
    conversions: exp.dataset.conversions,
    dateRange: dateRange(dataset),
    leadstackVersion: leadstackVersion(),
    gitCommit: gitCommit(),
    seed: exp.options.seed,
    champion: { model: row.model, label: row.modelLabel, strategy: row.strategyLabel, reason: exp.champion.reason },
    trainedOn: exp.finalLeads >= exp.dataset.rows ? 'all leads' : 'development part',
    cv: {
      folds: row.folds,
      rocAuc: [row.rocAuc.mean, row.rocAuc.sd],
      prAuc: [row.prAuc.mean, row.prAuc.sd],
      logLoss: [row.logLoss.mean, row.logLoss.sd],
      brier: [row.brier.mean, row.brier.sd],
    },
    holdout: h
      ? {
          rows: h.rows,
          rocAuc: h.calibrated.rocAuc,
          prAuc: h.calibrated.prAuc,
          logLoss: h.calibrated.logLoss,
          brier: h.calibrated.brier,
          ece: h.calibrated.ece,
          rulesRocAuc: h.rules?.rocAuc ?? null,
        }
      : null,
    bestAchievableAuc: exp.bestAchievableAuc,
    features,
  };
}

function dateRange(dataset: Dataset): { from: string; to: string } | null {
  const column = dataset.config.date;
  if (!column) return null;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of Array.from(columnValues(dataset.leads, column))) {
    const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? parseIsoDate(v.trim()) : Number.NaN;
    if (!Number.isFinite(t)) continue;
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  return Number.isFinite(min) ? { from: new Date(min).toISOString(), to: new Date(max).toISOString() } : null;
}
