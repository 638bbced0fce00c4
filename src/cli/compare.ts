import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { saveExperiment } from '../artifact/experiment-files.js';
import { loadDataset } from '../data/datasets/load-dataset.js';
import { formatTextTable } from '../data/profile/text-table.js';
import { experimentSummary } from '../selection/experiment-summary.js';
import { imbalanceStrategy } from '../selection/imbalance-strategies.js';
import { modelCandidate } from '../selection/model-candidates.js';
import { runExperiment } from '../selection/run-experiment.js';
import { cliIo } from './io.js';
import { parseListFlag, parseSplitFlag, parseThresholdFlag } from './parse-choices.js';
import { parseIntegerFlag } from './parse-flags.js';
import { makeProgress, type Progress } from './progress.js';

interface CompareFlags {
  dataset: string;
  config?: string;
  models: string;
  samplers: string;
  cv: string;
  split?: string;
  threshold?: string;
  seed: string;
  sample?: string;
  json?: string;
  save?: string;
  root: string;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(
      'Compare model families × imbalance strategies with cross-validation (the pipeline fitted inside each fold), ' +
        'pick the champion, calibrate it and measure it once on a hold-out next to the rule-based score',
    )
    .requiredOption('--dataset <name>', 'builtin, x-education, a dataset config (*.json), or a data file with --config')
    .option('--config <preset|file>', 'how to read a data file')
    .option('--models <list>', 'lr, rf, gbdt, nn, rules', 'lr,rf,gbdt,nn,rules')
    .option('--samplers <list>', 'none, weights, weights:<ratio>, under, over, smote, smotenc', 'none,weights')
    .option('--cv <folds>', 'cross-validation folds', '5')
    .option('--split <rule>', 'hold-out: a share (0.2), date:YYYY-MM-DD (train before, test after) or none', '0.2')
    .option(
      '--threshold <rule>',
      'f1, f:<beta>, precision:<share>, recall:<share>, cost:<per lead>:<per conversion>, capacity:<leads/day>:<worked/day>',
      'f1',
    )
    .option('--seed <n>', 'seed of every random step', '7')
    .option('--sample <leads>', 'use a seeded stratified sample of this many leads')
    .option('--json <file>', 'also write the leaderboard, champion and hold-out as JSON')
    .option('--save <dir>', 'save the experiment (champion, policy) for `leadstack export`')
    .option('--root <dir>', 'project root holding data/raw (for presets)', '.')
    .action(async (flags: CompareFlags) => {
      const seed = parseIntegerFlag('--seed', flags.seed, 0, 2 ** 32 - 1);
      const models = parseListFlag(flags.models);
      const samplers = parseListFlag(flags.samplers);
      const threshold = parseThresholdFlag(flags.threshold);
      const split = parseSplitFlag(flags.split);
      const folds = parseIntegerFlag('--cv', flags.cv, 2, 20);
      const dataset = loadDataset(flags.dataset, {
        config: flags.config,
        root: flags.root,
        sample: flags.sample === undefined ? undefined : parseIntegerFlag('--sample', flags.sample, 2),
        seed,
      });
      // Check every name before the long run starts.
      for (const m of models) modelCandidate(m, dataset);
      for (const s of samplers) imbalanceStrategy(s);
      let bar: Progress | undefined;
      let stage = '';
      const exp = await runExperiment(dataset, {
        models,
        strategies: samplers,
        folds,
        split,
        threshold,
        seed,
        onProgress: (e) => {
          if (e.stage !== stage) {
            bar?.stop();
            stage = e.stage;
            bar = makeProgress({ label: e.stage, total: e.total });
          }
          bar?.update(e.done, e.total, e.detail);
        },
      });
      bar?.stop();
      const summary = experimentSummary(exp);
      if (flags.json) writeFileSync(resolve(flags.json), `${JSON.stringify(summary, null, 2)}\n`);
      if (flags.save) saveExperiment(flags.save, exp, dataset);
      cliIo().out(report(exp));
      if (flags.save)
        cliIo().out(
          `experiment saved to ${resolve(flags.save)} — package it with: leadstack export --from ${flags.save} --out models/<name>/<version>\n`,
        );
    });
}

function report(exp: Awaited<ReturnType<typeof runExperiment>>): string {
  const f = (v: { mean: number; sd: number }, d = 4) => `${v.mean.toFixed(d)} ± ${v.sd.toFixed(d)}`;
  const rows = exp.leaderboard.map((r, k) => [
    String(k + 1),
    r.modelLabel,
    r.strategyLabel,
    f(r.rocAuc),
    f(r.prAuc),
    f(r.logLoss),
    f(r.brier),
    r.f1.mean.toFixed(3),
    r.precision.mean.toFixed(3),
    r.recall.mean.toFixed(3),
    `${(100 * r.predictedPositiveRate.mean).toFixed(1)}%`,
    r.fitSeconds.mean.toFixed(2),
  ]);
  const header = [
    '#',
    'model',
    'imbalance',
    'ROC-AUC',
    'PR-AUC',
    'log loss',
    'Brier',
    'F1',
    'precision',
    'recall',
    'sent',
    'fit s',
  ];
  const devLeads = exp.dataset.rows - (exp.holdout?.rows ?? 0);
  const devConversions = exp.dataset.conversions - (exp.holdout?.conversions ?? 0);
  const lines = [
    `Leaderboard: ${exp.dataset.name}, ${exp.options.folds}-fold CV on the development part (${devLeads.toLocaleString('en-US')} of ${exp.dataset.rows.toLocaleString('en-US')} leads, ${devConversions.toLocaleString('en-US')} converted)`,
    exp.assessment.status !== 'ok' ? `  ${exp.assessment.message}` : '',
    formatTextTable(
      header,
      rows,
      header.map((_, k) => (k < 3 ? 'left' : 'right')),
    ),
    '',
    `Champion: ${exp.champion.reason}`,
    `Policy: ${exp.policy.calibration} calibration; ${exp.policy.thresholdSummary.message}`,
  ];
  const h = exp.holdout;
  if (h) {
    lines.push(
      `Hold-out (${h.rows.toLocaleString('en-US')} leads, ${h.conversions} converted): ROC-AUC ${h.calibrated.rocAuc.toFixed(4)}, PR-AUC ${h.calibrated.prAuc.toFixed(4)}, log loss ${h.calibrated.logLoss.toFixed(4)}, Brier ${h.calibrated.brier.toFixed(4)}`,
    );
    if (h.rules)
      lines.push(
        `Rule-based score on the same leads: ROC-AUC ${h.rules.rocAuc.toFixed(4)}, PR-AUC ${h.rules.prAuc.toFixed(4)}${h.vsRules ? ` (DeLong p = ${h.vsRules.pValue.toPrecision(2)})` : ''}`,
      );
    if (h.grades) lines.push(`Grades: ${h.grades.message}`);
  }
  if (exp.bestAchievableAuc !== null)
    lines.push(`Best achievable ROC-AUC on the hold-out (true probabilities): ${exp.bestAchievableAuc.toFixed(4)}`);
  lines.push(`${exp.seconds.toFixed(0)} s`, '');
  return lines.filter((l) => l !== '').join('\n') + '\n';
}
