import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import type { FeatureSpec } from '../features/feature-spec.js';
import type { RuleBasedScorer } from '../models/rules/rule-based-scorer.js';
import { experimentSummary } from '../selection/experiment-summary.js';
import type { Experiment } from '../selection/run-experiment.js';
import { ARTIFACT_FILES, type ExplainerData } from './artifact-files.js';
import { trainingMetadata } from './training-metadata.js';

/** Rows averaged for the explainer's baseline (the average lead). */
const BASELINE_ROWS = 20_000;

/**
 * Saves an experiment so `leadstack export` can package its champion: experiment.json (the
 * leaderboard, champion, policy and hold-out summary) and candidate/ with the fitted feature
 * spec, the model, the decision policy, the explainer baseline, the training metadata and the
 * hold-out grades. Written to a temporary folder renamed into place when complete.
 */
export function saveExperiment(dir: string, exp: Experiment, dataset: Dataset): string {
  const target = resolve(dir);
  const temp = `${target}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  try {
    mkdirSync(join(temp, 'candidate'), { recursive: true });
    const write = (file: string, value: unknown): void => writeFileSync(join(temp, file), `${JSON.stringify(value, null, 1)}\n`);
    write('experiment.json', experimentSummary(exp));
    write('curves.json', curveData(exp));
    const final = exp.final;
    const spec: FeatureSpec | null = final.pipeline ? final.pipeline.toJSON() : null;
    if (spec) write(join('candidate', ARTIFACT_FILES.featureSpec), spec);
    else {
      const e = dataset.config.events;
      const eventColumns = e ? { leadId: e.leadId, url: e.url, title: e.title, type: e.type, channel: e.channel } : {};
      write(join('candidate', 'rules.json'), {
        ...(final.model as RuleBasedScorer).params.rules,
        eventColumns,
        idColumn: dataset.config.id,
      });
    }
    write(join('candidate', ARTIFACT_FILES.model), final.model.toJSON());
    write(join('candidate', ARTIFACT_FILES.policy), exp.policy);
    write(join('candidate', ARTIFACT_FILES.explainer), explainerData(exp, dataset));
    const features = spec ? spec.features.names.length : final.model.nFeatures;
    write(join('candidate', ARTIFACT_FILES.training), trainingMetadata(exp, dataset, features));
    const grades = exp.holdout?.grades?.model.rows.map((r) => ({
      grade: r.grade,
      leads: r.leads,
      conversions: r.conversions,
      rate: r.conversionRate,
    }));
    write(join('candidate', 'holdout-grades.json'), grades ?? []);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw new DataError(`cannot save the experiment: ${(error as Error).message}`, { file: target });
  }
  return target;
}

/**
 * The per-row scores reports draw from: every cross-validated row's out-of-fold scores
 * (model × strategy) and the hold-out's labels, champion and rule scores. Row numbers are
 * data-set rows; no lead field is stored.
 */
function curveData(exp: Experiment): Record<string, unknown> {
  const tested = [...exp.cv[0].oofLabels.keys()].filter((i) => exp.cv[0].oofLabels[i] >= 0);
  const h = exp.holdout;
  return {
    oof: {
      rows: tested,
      labels: tested.map((i) => exp.cv[0].oofLabels[i]),
      scores: exp.cv.map((r) => ({
        model: r.model,
        label: r.modelLabel,
        strategy: r.strategy,
        strategyLabel: r.strategyLabel,
        values: tested.map((i) => r.oof[i]),
      })),
    },
    holdout: h
      ? {
          rows: [...h.testRows],
          labels: [...h.labels],
          raw: [...h.rawScores],
          calibrated: [...h.scores],
          rules: h.ruleScores ? [...h.ruleScores] : null,
        }
      : null,
    champion: { model: exp.champion.row.model, strategy: exp.champion.row.strategy },
  };
}

function explainerData(exp: Experiment, dataset: Dataset): ExplainerData {
  const n = dataset.leads.numRows();
  const step = Math.max(1, Math.floor(n / BASELINE_ROWS));
  const rows = Int32Array.from({ length: Math.ceil(n / step) }, (_, k) => k * step).filter((r) => r < n);
  const X = exp.final.inputRows(rows);
  const baseline = new Array<number>(X.cols).fill(0);
  for (let i = 0; i < X.rows; i++) for (let j = 0; j < X.cols; j++) baseline[j] += X.data[i * X.cols + j] / X.rows;
  const names = X.columnNames();
  const groups = exp.final.pipeline ? [...exp.final.pipeline.spec.features.groups] : names;
  return { baseline, names, groups };
}

/** Reads a JSON file of a saved experiment, naming it when it is missing or broken. */
export function readExperimentFile<T>(dir: string, file: string): T {
  const path = join(dir, file);
  if (!existsSync(path))
    throw new DataError(`not a saved experiment (no ${file}); create one with \`leadstack compare --save <dir>\``, { file: dir });
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new DataError(`is not valid JSON: ${(error as Error).message}`, { file: path });
  }
}
