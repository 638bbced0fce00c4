import type { Command } from 'commander';
import { loadDataset } from '../data/datasets/load-dataset.js';
import { formatProfile, toProfileJSON } from '../data/profile/format-profile.js';
import { profileDataset } from '../data/profile/profile-dataset.js';
import { cliIo } from './io.js';
import { parseIntegerFlag, parseNumberFlag } from './parse-flags.js';

interface ProfileFlags {
  config?: string;
  json?: boolean;
  sample?: string;
  seed: string;
  leakageThreshold: string;
  root: string;
}

export function registerProfile(program: Command): void {
  program
    .command('profile')
    .description(
      'Profile a data set: rows, class balance, per column its kind, missing share, cardinality, top values and ' +
        'conversion by level; leakage suspects (ranked by single-column ROC-AUC) and personal-data suspects',
    )
    .argument('<dataset>', 'a preset (builtin, x-education), a dataset config (*.json), or a CSV / JSON-lines file with --config')
    .option('--config <preset|file>', 'how to read a data file: a preset name or a dataset config JSON')
    .option('--json', 'print the profile as JSON instead of tables')
    .option('--sample <leads>', 'profile a seeded stratified sample of this many leads')
    .option('--seed <n>', 'seed of the sample and of the AUC folds', '0')
    .option('--leakage-threshold <auc>', 'single-column ROC-AUC from which a column is a leakage suspect', '0.8')
    .option('--root <dir>', 'project root holding data/raw (for presets)', '.')
    .action((ref: string, flags: ProfileFlags) => {
      const seed = parseIntegerFlag('--seed', flags.seed, 0, 2 ** 32 - 1);
      const dataset = loadDataset(ref, {
        config: flags.config,
        root: flags.root,
        events: false,
        sample: flags.sample === undefined ? undefined : parseIntegerFlag('--sample', flags.sample, 2),
        seed,
      });
      const profile = profileDataset(dataset.leads, dataset.config, {
        seed,
        leakageThreshold: parseNumberFlag('--leakage-threshold', flags.leakageThreshold, 0.5, 1),
      });
      cliIo().out(flags.json ? toProfileJSON(profile) : formatProfile(profile));
    });
}
