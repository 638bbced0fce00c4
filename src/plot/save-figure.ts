import { copyFileSync, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LeadstackError } from '../core/errors.js';
import type { Figure } from './figure.js';
import { figureToStandaloneHtml, plotlyBundlePath } from './figure-html.js';

export type FigureFormat = 'html' | 'png' | 'svg';

export interface SaveFigureOptions {
  /** Formats to write (default html and png). */
  formats?: FigureFormat[];
  /** Image size in CSS pixels (default 1000 × the figure's height or 500). */
  width?: number;
  height?: number;
  /** Device scale factor of PNGs (default 2, for sharp images in slides). */
  scale?: number;
}

export interface NamedFigure {
  /** File name without extension, e.g. "1.0-class-balance". */
  name: string;
  figure: Figure;
}

/** Chromium is missing or failed while exporting a figure. */
export class FigureExportError extends LeadstackError {}

/**
 * Writes each figure as `<dir>/<name>.html` (interactive; the pages share one copy of
 * plotly, `<dir>/plotly.min.js`) and `.png`/`.svg` rendered by plotly in headless Chromium.
 * One browser serves the whole batch. Each file is written to a temporary name and renamed.
 */
export async function saveFigures(dir: string, figures: NamedFigure[], options: SaveFigureOptions = {}): Promise<string[]> {
  const formats = options.formats ?? ['html', 'png'];
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  if (formats.includes('html')) {
    ensurePlotlyCopy(dir);
    for (const { name, figure } of figures) {
      const path = join(dir, `${name}.html`);
      writeAtomic(path, figureToStandaloneHtml(figure, { plotly: { src: 'plotly.min.js' } }));
      written.push(path);
    }
  }
  const imageFormats = formats.filter((f): f is 'png' | 'svg' => f === 'png' || f === 'svg');
  if (imageFormats.length > 0) written.push(...(await renderImages(dir, figures, imageFormats, options)));
  return written;
}

/** Saves one figure; see `saveFigures`. */
export async function saveFigure(path: string, figure: Figure, options: SaveFigureOptions = {}): Promise<string[]> {
  const name = path.replace(/\.(html|png|svg)$/, '');
  return saveFigures(dirname(name), [{ name: name.slice(dirname(name).length + 1), figure }], options);
}

function ensurePlotlyCopy(dir: string): void {
  const source = plotlyBundlePath();
  const target = join(dir, 'plotly.min.js');
  if (existsSync(target) && statSync(target).size === statSync(source).size) return;
  copyFileSync(source, `${target}.tmp`);
  renameSync(`${target}.tmp`, target);
}

function writeAtomic(path: string, content: string | Buffer): void {
  writeFileSync(`${path}.tmp`, content);
  renameSync(`${path}.tmp`, path);
}

/** Path of the Chromium binary used for figure export and browser tests. */
export function chromiumPath(): string {
  return process.env.LEADSTACK_CHROMIUM ?? '/usr/bin/chromium';
}

/** Launch arguments for headless Chromium on a machine without a GPU or outside network. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

async function renderImages(
  dir: string,
  figures: NamedFigure[],
  formats: ('png' | 'svg')[],
  options: SaveFigureOptions,
): Promise<string[]> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new FigureExportError(
      `Chromium not found at ${executablePath}: run npm run setup (installs Debian's chromium) or set LEADSTACK_CHROMIUM`,
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const written: string[] = [];
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: plotlyBundlePath() });
    for (const { name, figure } of figures) {
      const width = options.width ?? 1000;
      const height = options.height ?? Number(figure.layout.height ?? 500);
      for (const format of formats) {
        const url = await page.evaluate(
          ({ fig, format, width, height, scale }) => {
            const plotly = (globalThis as unknown as { Plotly: { toImage: (...a: unknown[]) => Promise<string> } }).Plotly;
            return plotly.toImage({ data: fig.data, layout: { ...fig.layout, width, height } }, { format, width, height, scale });
          },
          { fig: figure, format, width, height, scale: format === 'png' ? (options.scale ?? 2) : 1 },
        );
        const path = join(dir, `${name}.${format}`);
        writeAtomic(path, decodeDataUrl(url));
        written.push(path);
      }
    }
  } catch (error) {
    if (error instanceof LeadstackError) throw error;
    throw new FigureExportError(`figure export in Chromium failed: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await browser.close();
  }
  return written;
}

function decodeDataUrl(url: string): Buffer {
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const body = url.slice(comma + 1);
  return header.endsWith(';base64') ? Buffer.from(body, 'base64') : Buffer.from(decodeURIComponent(body), 'utf8');
}
