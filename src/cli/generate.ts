import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  BUILTIN_DEFAULTS,
  MAX_BUILTIN_LEADS,
  MAX_BUILTIN_POSITIVE_RATE,
  writeBuiltinDataset,
} from '../data/datasets/builtin/index.js';
import { BUILTIN_DATA_DIR } from '../data/datasets/presets.js';
import { cliIo } from './io.js';
import { parseIntegerFlag, parseNumberFlag } from './parse-flags.js';
import { makeProgress } from './progress.js';

interface GenerateFlags {
  leads: string;
  seed: string;
  positiveRate: string;
  out: string;
  json?: boolean;
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description(
      'Generate the built-in data set: synthetic B2B leads (leads.csv), their web events (events.csv), ' +
        'true conversion probabilities (truth.csv) and generator.json. Same seed, same bytes.',
    )
    .option('--leads <n>', 'number of leads', String(BUILTIN_DEFAULTS.leads))
    .option('--seed <n>', 'random seed', String(BUILTIN_DEFAULTS.seed))
    .option('--positive-rate <p>', 'share of leads accepted by sales, e.g. 0.01 or 1%', String(BUILTIN_DEFAULTS.positiveRate))
    .option('--out <dir>', 'output directory', BUILTIN_DATA_DIR)
    .option('--json', 'print the summary as JSON')
    .action(async (flags: GenerateFlags) => {
      const options = {
        leads: parseIntegerFlag('--leads', flags.leads, 1, MAX_BUILTIN_LEADS),
        seed: parseIntegerFlag('--seed', flags.seed, 0, 2 ** 32 - 1),
        positiveRate: parseNumberFlag('--positive-rate', flags.positiveRate, Number.MIN_VALUE, MAX_BUILTIN_POSITIVE_RATE),
      };
      const progress = makeProgress({ label: 'generating', total: 2 * options.leads, unit: 'steps' });
      const summary = await writeBuiltinDataset(resolve(flags.out), options, (done, total) => progress.update(done, total));
      progress.stop();
      if (flags.json) {
        cliIo().out(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
      cliIo().out(
        [
          `wrote ${summary.outDir}`,
          `  leads          ${summary.leads.toLocaleString('en-US')} (${summary.offlineLeads.toLocaleString('en-US')} offline)`,
          `  events         ${summary.events.toLocaleString('en-US')} (${summary.postAcceptanceEvents.toLocaleString('en-US')} after acceptance)`,
          `  accepted       ${summary.positives.toLocaleString('en-US')} = ${pct(summary.positiveRate)} (requested ${pct(summary.requestedPositiveRate)})`,
          `  best ROC-AUC   ${Number.isNaN(summary.bayesRocAuc) ? 'n/a (one class)' : summary.bayesRocAuc.toFixed(4)} (of the true probabilities)`,
          `  seed ${summary.seed}, ${(summary.elapsedMs / 1000).toFixed(1)} s`,
          '',
        ].join('\n'),
      );
    });
}
