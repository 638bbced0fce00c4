import { InputError } from '../core/errors.js';
import { datasetLabels } from '../data/datasets/dataset-labels.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { bestAchievableAuc } from '../data/profile/best-achievable-auc.js';
import { assessTrainingData, type TrainingDataAssessment } from '../evaluation/assess-training-data.js';
import type { ThresholdRule } from '../evaluation/threshold-rule.js';
import type { PipelineOptions } from '../features/pipeline-options.js';
import { type CvResult, crossValidate } from './cross-validate.js';
import { type DecisionPolicy, fitDecisionPolicy } from './decision-policy.js';
import { evaluateHoldout, type HoldoutReport } from './evaluate-holdout.js';
import { type FittedCandidate, fitCandidate } from './fit-candidate.js';
import { holdoutSplit } from './holdout-split.js';
import { imbalanceStrategy } from './imbalance-strategies.js';
import {
  buildLeaderboard,
  type ChampionRule,
  chooseChampion,
  DEFAULT_CHAMPION_RULE,
  type LeaderboardRow,
} from './leaderboard.js';
import { modelCandidate } from './model-candidates.js';
import type { SplitChoice } from './prepare-dataset.js';
import { prepareFolds } from './prepare-folds.js';
import type { Fold } from './stratified-k-fold.js';
import { StratifiedKFold } from './stratified-k-fold.js';

export interface ExperimentOptions {
  /** Model families (default lr, rf, gbdt, nn, rules). */
  models?: string[];
  /** Imbalance strategies (default none and balanced class weights); the rule score runs once. */
  strategies?: string[];
  /** Cross-validation folds on the development part (default 5; fewer when the data is small). */
  folds?: number;
  /** Hold-out: stratified share (default 0.2), a date, or none. */
  split?: SplitChoice;
  seed?: number;
  pipeline?: PipelineOptions;
  /** How the decision threshold is chosen on the out-of-fold scores (default: max F1). */
  threshold?: ThresholdRule;
  /** Calibration of the champion's scores (default: isotonic with ≥ 200 conversions, else Platt). */
  calibration?: 'isotonic' | 'platt' | 'auto';
  /** Grade shares A, B, C (D takes the rest); default 5%, 15%, 30%. */
  gradeShares?: number[];
  /** Refit the champion on all leads for deployment (default true). */
  refitAll?: boolean;
  championRule?: ChampionRule;
  onProgress?: (event: { stage: string; done: number; total: number; detail?: string }) => void;
}

/** Everything `compare` and the notebooks report, and what `export` packages. */
export interface Experiment {
  dataset: { name: string; rows: number; conversions: number; events: number | null };
  options: { models: string[]; strategies: string[]; folds: number; split: Record<string, unknown>; seed: number };
  assessment: TrainingDataAssessment;
  leaderboard: LeaderboardRow[];
  cv: CvResult[];
  champion: { row: LeaderboardRow; reason: string };
  policy: DecisionPolicy;
  holdout: HoldoutReport | null;
  /** ROC-AUC of the true probabilities on the hold-out (synthetic data), the ceiling. */
  bestAchievableAuc: number | null;
  /** The champion as deployed: fitted on all leads (or the development part when refitAll is false). */
  final: FittedCandidate;
  /** Leads the deployed model was fitted on. */
  finalLeads: number;
  seconds: number;
}

/**
 * The study's protocol: hold out a test part (20%, or leads after a date); on the rest,
 * cross-validate every family × imbalance strategy with the pipeline fitted inside each
 * fold; pick the champion by a stated rule; calibrate it and choose the threshold and grades
 * on its out-of-fold scores; refit it on the whole development part and measure it once on
 * the hold-out, next to the rule-based score; finally refit it on all leads for deployment.
 */
export async function runExperiment(dataset: Dataset, options: ExperimentOptions = {}): Promise<Experiment> {
  const started = performance.now();
  const seed = options.seed ?? 0;
  const labels = datasetLabels(dataset);
  const models = options.models ?? ['lr', 'rf', 'gbdt', 'nn', 'rules'];
  const strategies = options.strategies ?? ['none', 'weights'];
  const progress = options.onProgress ?? (() => undefined);
  const { dev, test, split } = holdoutSplit(dataset, labels, options.split ?? { testSize: 0.2 }, seed);
  const devLabels = Int32Array.from(dev, (r) => labels[r]);
  const assessment = assessTrainingData(devLabels, { folds: options.folds ?? 5 });
  if (assessment.status === 'error') throw new InputError(assessment.message);
  const local = new StratifiedKFold({ nSplits: assessment.folds, randomState: seed }).split(devLabels);
  const splits: Fold[] = local.map((f) => ({
    train: Int32Array.from(f.train, (k) => dev[k]),
    test: Int32Array.from(f.test, (k) => dev[k]),
  }));
  const folds = prepareFolds(dataset, splits, { ...options.pipeline, seed }, (done, total) =>
    progress({ stage: 'preparing folds', done, total }),
  );
  const runs = models.flatMap((m) => (m === 'rules' ? [[m, 'none']] : strategies.map((s) => [m, s])));
  const cv: CvResult[] = [];
  for (const [k, [m, s]] of runs.entries()) {
    progress({ stage: 'cross-validating', done: k, total: runs.length, detail: `${m} × ${s}` });
    cv.push(
      await crossValidate(modelCandidate(m, dataset), folds, { strategy: imbalanceStrategy(s), rows: labels.length, seed }),
    );
  }
  progress({ stage: 'cross-validating', done: runs.length, total: runs.length });
  const leaderboard = buildLeaderboard(cv);
  const { champion: row, reason } = chooseChampion(leaderboard, options.championRule ?? DEFAULT_CHAMPION_RULE);
  const championCv = cv.find((r) => r.model === row.model && r.strategy === row.strategy)!;
  const policy = fitDecisionPolicy(championCv, {
    threshold: options.threshold,
    calibration: options.calibration,
    gradeShares: options.gradeShares,
  });
  const candidate = modelCandidate(row.model, dataset);
  const strategy = imbalanceStrategy(row.strategy);
  let holdout: HoldoutReport | null = null;
  let ceiling: number | null = null;
  if (test.length) {
    progress({ stage: 'hold-out', done: 0, total: 1, detail: 'refitting the champion on the development part' });
    const devFit = await fitCandidate(dataset, dev, candidate, strategy, { pipeline: options.pipeline, seed });
    const rules =
      models.includes('rules') && row.model !== 'rules'
        ? await fitCandidate(dataset, dev, modelCandidate('rules', dataset), imbalanceStrategy('none'), { seed })
        : null;
    holdout = evaluateHoldout(
      devFit,
      rules,
      policy,
      test,
      Int32Array.from(test, (r) => labels[r]),
    );
    const testLabels = Uint8Array.from(test, (r) => labels[r]);
    ceiling = dataset.truth ? bestAchievableAuc({ ...dataset, leads: dataset.leads.reify(Array.from(test)) }, testLabels) : null;
  }
  const refitAll = options.refitAll ?? true;
  progress({ stage: 'final model', done: 0, total: 1 });
  const allRows = refitAll ? Int32Array.from(labels.keys()) : dev;
  const final = await fitCandidate(dataset, allRows, candidate, strategy, { pipeline: options.pipeline, seed });
  progress({ stage: 'final model', done: 1, total: 1 });
  return {
    dataset: {
      name: dataset.name,
      rows: labels.length,
      conversions: labels.reduce((a, b) => a + b, 0),
      events: dataset.events?.numRows() ?? null,
    },
    options: { models, strategies, folds: assessment.folds, split, seed },
    assessment,
    leaderboard,
    cv,
    champion: { row, reason },
    policy,
    holdout,
    bestAchievableAuc: ceiling,
    final,
    finalLeads: allRows.length,
    seconds: (performance.now() - started) / 1000,
  };
}
