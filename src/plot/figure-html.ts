import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Figure } from './figure.js';

let bundle: string | undefined;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Path of plotly's minified browser bundle. */
export function plotlyBundlePath(): string {
  return createRequire(import.meta.url).resolve('plotly.js-dist-min/plotly.min.js');
}

/** The plotly bundle's source, read once. */
export function plotlyBundle(): string {
  bundle ??= readFileSync(plotlyBundlePath(), 'utf8');
  return bundle;
}

/** A `<script>` tag holding the whole plotly bundle: include it once per page. */
export function plotlyScriptTag(): string {
  return `<script type="text/javascript">${plotlyBundle().replace(/<\/script/gi, '<\\/script')}</script>`;
}

let counter = 0;

export interface FigureHtmlOptions {
  /** DOM id of the chart's div (default: a fresh id). */
  id?: string;
  /** Plotly config (default: responsive, no plotly logo). */
  config?: Record<string, unknown>;
}

/** A div and the script that draws the figure into it; the page must already have plotly. */
export function figureToHtml(figure: Figure, options: FigureHtmlOptions = {}): string {
  const id = options.id ?? `leadstack-figure-${process.pid}-${++counter}`;
  const config = options.config ?? { responsive: true, displaylogo: false };
  const payload = JSON.stringify({ data: figure.data, layout: figure.layout, config }).replace(/</g, '\\u003c');
  return `<div id="${id}" class="leadstack-figure" style="width:100%"></div>
<script type="text/javascript">(function(){var f=${payload};var draw=function(){Plotly.newPlot("${id}",f.data,f.layout,f.config);};if(window.Plotly){draw();}else{window.addEventListener("load",draw);}})();</script>`;
}

export interface StandaloneOptions {
  title?: string;
  /** How the page gets plotly: the whole bundle inline (default), or a relative script path. */
  plotly?: 'inline' | { src: string };
}

/** A complete HTML page showing one figure. */
export function figureToStandaloneHtml(figure: Figure, options: StandaloneOptions = {}): string {
  const plotly = options.plotly ?? 'inline';
  const script = plotly === 'inline' ? plotlyScriptTag() : `<script src="${plotly.src}"></script>`;
  const title = options.title ?? String((figure.layout.title as { text?: string } | undefined)?.text ?? 'leadstack figure');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title.replace(/</g, '&lt;')}</title>${script}</head>
<body style="margin:0;padding:1rem;font-family:system-ui,sans-serif">
${figureToHtml(figure, { id: 'figure' })}
</body></html>
`;
}
