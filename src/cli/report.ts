import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeBuiltinDataset } from '../data/datasets/builtin/index.js';
import { runNotebooks } from '../report/run-notebooks.js';
import { cliIo } from './io.js';
import { makeProgress, type Progress } from './progress.js';

interface ReportFlags {
  only?: string;
  dataset?: string;
  sample?: string;
  root: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'Render every notebook in notebooks/ into reports/ (HTML with interactive charts) and figures/; generates the built-in data first if missing',
    )
    .option('--only <prefixes>', 'only notebooks whose names start with these comma-separated prefixes, e.g. 1.0,2.0')
    .option('--dataset <name>', 'builtin, x-education or a dataset config path (default: $LEADSTACK_DATASET or builtin)')
    .option('--sample <leads>', 'run on a seeded stratified sample of this many leads (default: $LEADSTACK_SAMPLE or all)')
    .option('--root <dir>', 'project root with notebooks/, data/, reports/, figures/', '.')
    .action(async (flags: ReportFlags) => {
      const root = resolve(flags.root);
      await ensureBuiltinData(root);
      const env: Record<string, string | undefined> = {};
      if (flags.dataset) env.LEADSTACK_DATASET = flags.dataset;
      if (flags.sample) env.LEADSTACK_SAMPLE = flags.sample;
      else if (isCi() && !process.env.LEADSTACK_SAMPLE) {
        env.LEADSTACK_SAMPLE = String(CI_SAMPLE);
        cliIo().err(
          `CI is set: rendering on a ${CI_SAMPLE.toLocaleString('en-US')}-lead sample (set LEADSTACK_SAMPLE to change)\n`,
        );
      }
      let bar: Progress | undefined;
      let cells = 0;
      const started = Date.now();
      const results = await runNotebooks({
        root,
        env,
        only: flags.only?.split(',').map((s) => s.trim()),
        onEvent: (event) => {
          if (event.type === 'notebook-start') {
            cliIo().err(`[${event.position}/${event.total}] ${event.notebook}\n`);
          } else if (event.type === 'notebook-cells') {
            cells = event.cells;
            bar = makeProgress({ label: `  ${event.notebook}`, total: cells, unit: 'cells' });
          } else if (event.type === 'cell') {
            bar?.update(event.number - 1, event.cells, `cell ${event.number}`);
          } else if (event.type === 'notebook-done') {
            if (event.ok) bar?.update(cells);
            bar?.stop(`  ${event.ok ? 'done' : 'FAILED'} in ${event.seconds.toFixed(1)} s`);
            bar = undefined;
          }
        },
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      cliIo().out(`rendered ${results.length} notebooks in ${seconds} s → ${join(root, 'reports', 'index.html')}\n`);
    });
}

/** Leads the notebooks use on CI unless LEADSTACK_SAMPLE says otherwise. */
export const CI_SAMPLE = 5000;

function isCi(): boolean {
  const ci = process.env.CI?.toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** Generates the built-in data set (75k leads, seed 7) when data/raw/builtin has none. */
async function ensureBuiltinData(root: string): Promise<void> {
  const dir = join(root, 'data', 'raw', 'builtin');
  if (existsSync(join(dir, 'leads.csv')) && existsSync(join(dir, 'events.csv'))) return;
  const progress = makeProgress({ label: 'generating built-in leads', total: 75_000, unit: 'leads' });
  const summary = await writeBuiltinDataset(dir, {}, (done, total) => progress.update(done, total));
  progress.stop(`built-in data set: ${summary.leads} leads, ${summary.events} events → ${dir}`);
}
