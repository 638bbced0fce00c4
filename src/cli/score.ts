import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { loadColumnMapping } from '../artifact/column-mappings.js';
import { scoreFile } from '../artifact/score-file.js';
import { Scorer } from '../artifact/scorer.js';
import { ConfigError } from '../core/errors.js';
import { defaultThreads } from '../models/tree/worker-url.js';
import { cliIo } from './io.js';
import { parseIntegerFlag } from './parse-flags.js';
import { makeProgress } from './progress.js';

interface ScoreFlags {
  model: string;
  input: string;
  events?: string;
  out: string;
  format: string;
  rejects?: string;
  mapping?: string;
  reasons: string;
  batchSize: string;
  threads?: string;
}

/** Inputs from this size on are scored with worker threads by default (about 20,000 leads of a CRM export). */
const LARGE_INPUT_BYTES = 4 * 2 ** 20;

/**
 * --threads, or by default 2 (when the machine has them) for a large input and 1 for a small
 * one. A neural net scores in one thread unless asked: its TensorFlow.js backend is set up once
 * per process.
 */
function scoringThreads(flag: string | undefined, input: string, modelKind: string): number {
  if (flag !== undefined) return parseIntegerFlag('--threads', flag, 1, 64);
  const large = existsSync(input) && statSync(input).size >= LARGE_INPUT_BYTES;
  return large && modelKind !== 'NeuralNetClassifier' ? defaultThreads(availableParallelism()) : 1;
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description(
      'Score a leads file with an exported model: id, score 0–100, probability, percentile, grade, route, top reasons, ' +
        'model version and time per lead; invalid rows go to a rejects file with the reason',
    )
    .requiredOption('--model <dir>', 'an exported model folder (models/<name>/<version>)')
    .requiredOption('--input <file>', 'leads CSV (comma, semicolon or tab; a CRM export)')
    .option('--events <file>', "the leads' web events (CSV) when the model uses them")
    .requiredOption('--out <file>', 'scored output file')
    .option('--format <csv|jsonl>', 'output format', 'csv')
    .option('--rejects <file>', 'rows that fail validation (default <out>.rejects.csv)')
    .option('--mapping <profile|file>', 'rename CRM headers: hubspot, salesforce, zoho, or a JSON file of header → column')
    .option('--reasons <n>', 'reasons per direction (0 = none, faster)', '3')
    .option('--batch-size <n>', 'leads scored per batch', '5000')
    .option(
      '--threads <n>',
      'threads scoring batches, same output for any number (default: 2 for an input of 4 MB or more, else 1)',
    )
    .action(async (flags: ScoreFlags) => {
      if (flags.format !== 'csv' && flags.format !== 'jsonl')
        throw new ConfigError(`--format must be csv or jsonl, got "${flags.format}"`);
      const mapping = flags.mapping ? loadColumnMapping(flags.mapping) : null;
      const scorer = await Scorer.load(flags.model);
      const progress = makeProgress({ label: 'scoring', total: 100, unit: '%' });
      const summary = await scoreFile(scorer, {
        input: flags.input,
        out: flags.out,
        events: flags.events,
        format: flags.format,
        rejects: flags.rejects,
        mapping,
        reasons: parseIntegerFlag('--reasons', flags.reasons, 0, 20),
        batchSize: parseIntegerFlag('--batch-size', flags.batchSize, 1, 1_000_000),
        threads: scoringThreads(flags.threads, flags.input, scorer.artifact.manifest.modelKind),
        onProgress: (done, total) => progress.update(Math.floor((100 * done) / Math.max(1, total)), 100),
      });
      progress.stop();
      const grades = Object.entries(summary.grades)
        .sort()
        .map(([g, n]) => `${g} ${n.toLocaleString('en-US')}`)
        .join(', ');
      cliIo().out(
        [
          `scored ${summary.scored.toLocaleString('en-US')} of ${summary.read.toLocaleString('en-US')} leads with ${scorer.modelVersion} → ${summary.out}`,
          `  rejected ${summary.rejected.toLocaleString('en-US')}${summary.rejected ? ` (reasons in ${summary.rejects})` : ''}`,
          `  grades ${grades || '—'}; ${summary.sentToSales.toLocaleString('en-US')} routed to sales`,
          `  ${summary.seconds.toFixed(1)} s, ${Math.round(summary.leadsPerSecond).toLocaleString('en-US')} leads/s`,
          '',
        ].join('\n'),
      );
    });
}
