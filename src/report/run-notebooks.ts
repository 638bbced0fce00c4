import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { basename, delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LeadstackError } from '../core/errors.js';
import { mergeWithEarlierRuns, type NotebookResult, writeIndexPage } from './index-page.js';

/** A notebook cell failed, or Jupyter could not run the notebook. */
export class NotebookError extends LeadstackError {}

export type ReportEvent =
  | { type: 'notebook-start'; notebook: string; position: number; total: number }
  | { type: 'notebook-cells'; notebook: string; cells: number }
  | { type: 'cell'; notebook: string; number: number; cells: number }
  | { type: 'notebook-done'; notebook: string; seconds: number; ok: boolean };

export interface RunNotebooksOptions {
  /** Project root holding notebooks/, reports/ and figures/. */
  root: string;
  /** Only notebooks whose file name starts with one of these prefixes (e.g. "1.0"). */
  only?: string[];
  /** Extra environment for the kernels (LEADSTACK_DATASET, LEADSTACK_SAMPLE, …). */
  env?: Record<string, string | undefined>;
  /** Seconds a single cell may run (default 1800). */
  cellTimeoutSeconds?: number;
  /** Jupyter kernel name (default tslab). */
  kernel?: string;
  onEvent?: (event: ReportEvent) => void;
}

const here = fileURLToPath(new URL('.', import.meta.url));
/** The Python runner and HTML template ship in src/report (they are not compiled). */
const assetDir = existsSync(join(here, 'run-notebook.py')) ? here : resolve(here, '../../src/report');

/** Notebook files in run order (by their numeric prefix, e.g. 1.0 < 2.0 < 10.0). */
export function listNotebooks(notebookDir: string): string[] {
  if (!existsSync(notebookDir)) return [];
  return readdirSync(notebookDir)
    .filter((f) => f.endsWith('.ipynb') && !f.startsWith('.'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Executes every notebook with Jupyter and the tslab kernel, cell by cell, writing
 * reports/<notebook>.html, reports/<notebook>.ipynb and reports/index.html. Stops at the
 * first failing cell with a NotebookError naming the notebook, the cell and the error.
 */
export async function runNotebooks(options: RunNotebooksOptions): Promise<NotebookResult[]> {
  const root = resolve(options.root);
  const notebookDir = join(root, 'notebooks');
  const reportDir = join(root, 'reports');
  mkdirSync(reportDir, { recursive: true });
  mkdirSync(join(root, 'figures'), { recursive: true });
  ensureLibraryLink(root);
  const all = listNotebooks(notebookDir);
  let notebooks = all;
  if (options.only?.length) notebooks = notebooks.filter((n) => options.only!.some((p) => n.startsWith(p)));
  if (notebooks.length === 0) throw new NotebookError(`no notebooks to run in ${notebookDir}`);
  const results: NotebookResult[] = [];
  for (const [position, file] of notebooks.entries()) {
    options.onEvent?.({ type: 'notebook-start', notebook: file, position: position + 1, total: notebooks.length });
    const result = await runOne(join(notebookDir, file), reportDir, root, options);
    results.push(result);
    options.onEvent?.({ type: 'notebook-done', notebook: file, seconds: result.seconds, ok: result.ok });
    writeIndexPage(reportDir, root, mergeWithEarlierRuns(reportDir, all, results));
    if (!result.ok) {
      const where = result.failedCell ? `cell ${result.failedCell}` : 'kernel';
      throw new NotebookError(`${file}, ${where}: ${result.error}${result.traceback ? `\n${result.traceback}` : ''}`);
    }
  }
  return results;
}

/**
 * Notebooks import the built library by name; `npm run setup` links the project into
 * node_modules/leadstack, and an `npm install` afterwards may remove the link: restore it.
 */
function ensureLibraryLink(root: string): void {
  const link = join(root, 'node_modules', 'leadstack');
  if (existsSync(join(link, 'package.json')) || !existsSync(join(root, 'node_modules'))) return;
  try {
    rmSync(link, { force: true });
    symlinkSync('..', link);
  } catch (error) {
    throw new NotebookError(
      `cannot link the library into node_modules/leadstack (${(error as Error).message}); run npm run setup`,
    );
  }
}

function runOne(path: string, reportDir: string, root: string, options: RunNotebooksOptions): Promise<NotebookResult> {
  const file = basename(path);
  const stem = file.replace(/\.ipynb$/, '');
  const python = process.env.LEADSTACK_PYTHON ?? '/usr/bin/python3';
  const args = [
    join(assetDir, 'run-notebook.py'),
    path,
    join(reportDir, `${stem}.ipynb`),
    join(reportDir, `${stem}.html`),
    options.kernel ?? 'tslab',
    String(options.cellTimeoutSeconds ?? 1800),
    join(assetDir, 'templates'),
  ];
  const env = {
    ...process.env,
    ...options.env,
    LEADSTACK_ROOT: root,
    PATH: [join(root, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(python, ['-Xfrozen_modules=off', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let cells = 0;
    let error: { number?: number; message: string; traceback: string } | undefined;
    let done = false;
    let stderrTail = '';
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        const event = parseEvent(line);
        if (!event) continue;
        if (event.event === 'start') {
          cells = Number(event.cells);
          options.onEvent?.({ type: 'notebook-cells', notebook: file, cells });
        } else if (event.event === 'cell') {
          options.onEvent?.({ type: 'cell', notebook: file, number: Number(event.number), cells });
        } else if (event.event === 'error') {
          error = {
            number: typeof event.number === 'number' ? event.number : undefined,
            message: `${event.ename}: ${event.evalue}`,
            traceback: String(event.traceback ?? ''),
          };
        } else if (event.event === 'done') done = true;
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
    });
    child.on('error', (e) =>
      reject(new NotebookError(`cannot start ${python} to run ${file} (${e.message}); run npm run setup`)),
    );
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      const ok = code === 0 && done && !error;
      const message = error?.message ?? (ok ? undefined : `Jupyter exited with code ${code}: ${lastLines(stderrTail, 6)}`);
      resolvePromise({
        notebook: file,
        title: notebookTitle(path),
        html: `${stem}.html`,
        seconds,
        ok,
        failedCell: error?.number,
        error: message,
        traceback: error?.traceback,
      });
    });
  });
}

function parseEvent(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join('\n');
}

/** The first markdown heading of a notebook, or its file name. */
export function notebookTitle(path: string): string {
  try {
    const nb = JSON.parse(readFileSync(path, 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] };
    for (const cell of nb.cells) {
      if (cell.cell_type !== 'markdown') continue;
      const text = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      const heading = text.split('\n').find((l) => l.startsWith('#'));
      if (heading) return heading.replace(/^#+\s*/, '').trim();
    }
  } catch {
    // fall through to the file name
  }
  return basename(path, '.ipynb');
}
