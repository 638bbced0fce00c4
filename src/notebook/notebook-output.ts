import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import type { Figure } from '../plot/figure.js';
import { figureToHtml, plotlyScriptTag } from '../plot/figure-html.js';
import { type NamedFigure, type SaveFigureOptions, saveFigures } from '../plot/save-figure.js';
import { type Cell, type HtmlTableOptions, toHtmlTable } from './html-table.js';

/** Where rich output goes: tslab's display in a kernel, or anything with the same shape in tests. */
export interface DisplaySink {
  html(html: string): void;
  markdown(text: string): void;
}

/** The parameters every notebook reads from the environment (the report runner sets them). */
export interface NotebookParams {
  /** Project root (LEADSTACK_ROOT, default: the parent of the notebook folder). */
  root: string;
  /** Data set: builtin, x-education or a dataset config path (LEADSTACK_DATASET, default builtin). */
  dataset: string;
  /** Leads to sample, or undefined for all (LEADSTACK_SAMPLE). */
  sample: number | undefined;
  /** Seed of every random step (LEADSTACK_SEED, default 7). */
  seed: number;
  /** The notebook's prefix for figure and output names, e.g. "1.0". */
  prefix: string;
}

/** Reads the notebook parameters from the environment, with defaults. */
export function notebookParams(prefix: string, env: Record<string, string | undefined> = process.env): NotebookParams {
  const sample = env.LEADSTACK_SAMPLE ? Number(env.LEADSTACK_SAMPLE) : undefined;
  if (sample !== undefined && (!Number.isInteger(sample) || sample <= 0)) {
    throw new InputError(`LEADSTACK_SAMPLE must be a positive whole number of leads, got "${env.LEADSTACK_SAMPLE}"`);
  }
  const seed = env.LEADSTACK_SEED ? Number(env.LEADSTACK_SEED) : 7;
  if (!Number.isInteger(seed)) throw new InputError(`LEADSTACK_SEED must be a whole number, got "${env.LEADSTACK_SEED}"`);
  const root = resolve(env.LEADSTACK_ROOT ?? '..');
  const dataset = env.LEADSTACK_DATASET?.trim() || 'builtin';
  const resolvedDataset = dataset.endsWith('.json') && !isAbsolute(dataset) ? join(root, dataset) : dataset;
  return { root, dataset: resolvedDataset, sample, seed, prefix };
}

/** A file-name-safe form of a figure name: lower case, runs of other characters as one dash. */
export function figureSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'figure'
  );
}

function tslabDisplay(): DisplaySink {
  const tslab = createRequire(import.meta.url)('tslab') as { display: DisplaySink };
  return tslab.display;
}

const plotlyShown = Symbol.for('leadstack.plotlyShown');

/**
 * A notebook's output helper: shows figures, tables and prose, and saves the named
 * figures to figures/<prefix>-<name>.{html,png}. The plotly bundle is emitted once per
 * kernel so the rendered report works offline.
 */
export class NotebookOutput {
  readonly params: NotebookParams;
  private readonly sink: DisplaySink;
  private readonly pending: NamedFigure[] = [];

  constructor(params: NotebookParams, sink?: DisplaySink) {
    this.params = params;
    this.sink = sink ?? tslabDisplay();
    // One copy of plotly per kernel (a notebook): the rendered report then works offline.
    const global = globalThis as Record<symbol, unknown>;
    if (sink || !global[plotlyShown]) {
      this.sink.html(plotlyScriptTag());
      if (!sink) global[plotlyShown] = true;
    }
  }

  /** Shows a figure; with a name, also queues it for `saveFigures`. */
  show(figure: Figure, name?: string): void {
    this.sink.html(figureToHtml(figure));
    if (name) this.pending.push({ name: `${this.params.prefix}-${figureSlug(name)}`, figure });
  }

  /** Shows rows of plain objects as a table. */
  table(rows: readonly object[], options: HtmlTableOptions = {}): void {
    this.sink.html(toHtmlTable(rows as readonly Record<string, Cell>[], options));
  }

  markdown(text: string): void {
    this.sink.markdown(text);
  }

  /** Names of the figures queued so far. */
  figureNames(): string[] {
    return this.pending.map((f) => f.name);
  }

  /** Writes every named figure to figures/ as interactive HTML and PNG; returns the paths. */
  async saveFigures(options: SaveFigureOptions = {}): Promise<string[]> {
    const written = await saveFigures(join(this.params.root, 'figures'), this.pending, options);
    this.pending.length = 0;
    return written;
  }
}
