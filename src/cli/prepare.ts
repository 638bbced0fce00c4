import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { loadDataset } from '../data/datasets/load-dataset.js';
import { parseJsonText } from '../data/datasets/parse-json-text.js';
import { writePreparedData } from '../features/prepared-data.js';
import { parseTaxonomy } from '../features/taxonomy.js';
import { prepareDataset, type SplitChoice } from '../selection/prepare-dataset.js';
import { cliIo } from './io.js';
import { parseIntegerFlag, parseNumberFlag } from './parse-flags.js';
import { makeProgress } from './progress.js';

interface PrepareFlags {
  dataset: string;
  config?: string;
  out?: string;
  testSize: string;
  split?: string;
  seed: string;
  sample?: string;
  scale?: boolean;
  censor: boolean;
  allowLeakage?: string;
  emailDomain?: string;
  taxonomy?: string;
  format: string;
  root: string;
  json?: boolean;
}

export function registerPrepare(program: Command): void {
  program
    .command('prepare')
    .description(
      'Data preparation: split the leads, fit the feature pipeline on the training part only, and write the ' +
        'feature matrices, feature names and feature-spec.json',
    )
    .requiredOption('--dataset <name>', 'builtin, x-education, a dataset config (*.json), or a data file with --config')
    .option('--config <preset|file>', 'how to read a data file')
    .option('--out <dir>', 'output folder (default data/processed/<dataset name>)')
    .option('--test-size <share>', 'share of leads held out for testing, stratified', '0.2')
    .option('--split <rule>', 'date:YYYY-MM-DD — train on leads created before the date, test on the rest; none — no test part')
    .option('--seed <n>', 'seed of the split, the target-encoding folds and the leakage screen', '7')
    .option('--sample <leads>', 'use a seeded stratified sample of this many leads')
    .option('--scale', 'standardize every feature (for linear models and neural nets)')
    .option('--no-censor', 'keep events after the label time (to measure how much that inflates scores)')
    .option('--allow-leakage <columns>', 'comma-separated columns to use although post-outcome or suspect (recorded in the spec)')
    .option('--email-domain <column>', 'use this e-mail column only as free-mail / business domain')
    .option('--taxonomy <file>', 'an edited taxonomy JSON to apply instead of proposing one')
    .option('--format <binary|csv>', 'matrix files: binary (float64) or csv', 'binary')
    .option('--root <dir>', 'project root holding data/raw (for presets)', '.')
    .option('--json', 'print the summary as JSON')
    .action((flags: PrepareFlags) => {
      const seed = parseIntegerFlag('--seed', flags.seed, 0, 2 ** 32 - 1);
      if (flags.format !== 'binary' && flags.format !== 'csv')
        throw new ConfigError(`--format must be binary or csv, got "${flags.format}"`);
      const started = Date.now();
      const progress = makeProgress({ label: 'preparing', total: 3, unit: 'steps' });
      progress.update(0, 3, 'loading');
      const dataset = loadDataset(flags.dataset, {
        config: flags.config,
        root: flags.root,
        sample: flags.sample === undefined ? undefined : parseIntegerFlag('--sample', flags.sample, 2),
        seed,
      });
      progress.update(1, 3, 'fitting');
      const prepared = prepareDataset(dataset, {
        split: parseSplit(flags),
        seed,
        scale: flags.scale ?? false,
        censor: flags.censor,
        leakage: {
          allow: flags.allowLeakage
            ? flags.allowLeakage
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
        },
        emailDomain: flags.emailDomain,
        taxonomy: flags.taxonomy ? readTaxonomy(flags.taxonomy) : undefined,
      });
      progress.update(2, 3, 'writing');
      const out = resolve(flags.out ?? join(flags.root, 'data', 'processed', dataset.name));
      writePreparedData(
        out,
        { spec: prepared.pipeline.spec, train: prepared.train, test: prepared.test, split: prepared.split },
        flags.format,
      );
      progress.update(3, 3);
      progress.stop();
      const spec = prepared.pipeline.spec;
      const groups: Record<string, number> = {};
      for (const g of spec.features.groups) groups[g] = (groups[g] ?? 0) + 1;
      const summary = {
        out,
        dataset: dataset.name,
        split: prepared.split,
        features: spec.features.names.length,
        groups,
        excluded: spec.excluded,
        leakage: spec.leakage,
        optIns: spec.optIns,
        censoredEvents: prepared.censoredEvents,
        pathSlots: spec.events?.pathSlots?.slots ?? null,
        seconds: (Date.now() - started) / 1000,
      };
      if (flags.json) {
        cliIo().out(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const lines = [
        `prepared ${dataset.name} → ${out}`,
        `  rows       ${prepared.train.matrix.rows.toLocaleString('en-US')} train, ${(prepared.test?.matrix.rows ?? 0).toLocaleString('en-US')} test (${String(prepared.split.kind)})`,
        `  features   ${summary.features}: ${Object.entries(groups)
          .map(([g, n]) => `${g} ${n}`)
          .join(', ')}`,
        '  excluded',
        ...spec.excluded.map((e) => `    ${e.column.padEnd(28)} ${e.reason} — ${e.detail}`),
      ];
      if (spec.optIns.leakage.length)
        lines.push(`  opted in   ${spec.optIns.leakage.join(', ')} (leakage suspects used on purpose)`);
      if (summary.pathSlots)
        lines.push(`  path slots ${summary.pathSlots}; ${prepared.censoredEvents.toLocaleString('en-US')} events censored`);
      lines.push(`  ${summary.seconds.toFixed(1)} s`, '');
      cliIo().out(lines.join('\n'));
    });
}

function parseSplit(flags: PrepareFlags): SplitChoice {
  if (flags.split === 'none') return { none: true };
  if (flags.split?.startsWith('date:')) return { date: flags.split.slice(5) };
  if (flags.split !== undefined) throw new ConfigError(`--split expects date:YYYY-MM-DD or none, got "${flags.split}"`);
  return { testSize: parseNumberFlag('--test-size', flags.testSize, 0.01, 0.99) };
}

function readTaxonomy(path: string): ReturnType<typeof parseTaxonomy> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('taxonomy file not found', { file: path });
  }
  return parseTaxonomy(parseJsonText(text, path), path);
}
