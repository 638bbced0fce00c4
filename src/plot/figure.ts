/**
 * Plotly figure specs as plain JSON: `plot/` builds them from result objects and never
 * trains anything. Rendering happens in the browser (reports, dashboard) or in the
 * figure exporter (PNG/SVG).
 */
export type Trace = { type: string; [key: string]: unknown };
export type Layout = { [key: string]: unknown };

export interface Figure {
  data: Trace[];
  layout: Layout;
}

/** Colours used across every chart, so a class or a model keeps its colour from chart to chart. */
export const colors = {
  positive: '#1f7a3f',
  negative: '#9aa5b1',
  accent: '#2f6fde',
  warning: '#d97706',
  danger: '#b42318',
  muted: '#627d98',
  grid: '#e4e7eb',
  series: ['#2f6fde', '#d97706', '#1f7a3f', '#b42318', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f', '#92400e', '#475569'],
} as const;

export interface LayoutOptions {
  title: string;
  xTitle?: string;
  yTitle?: string;
  height?: number;
  width?: number;
  /** Extra layout fields, merged last. */
  extra?: Layout;
}

/** The common look: white background, light grid, a title and axis titles. */
export function makeLayout(options: LayoutOptions): Layout {
  return {
    title: { text: options.title, x: 0.01, xanchor: 'left', font: { size: 16 } },
    font: { family: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', size: 12, color: '#1f2933' },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    height: options.height ?? 420,
    ...(options.width ? { width: options.width } : {}),
    margin: { l: 70, r: 30, t: 60, b: 60 },
    xaxis: { title: { text: options.xTitle ?? '' }, gridcolor: colors.grid, zeroline: false, automargin: true },
    yaxis: { title: { text: options.yTitle ?? '' }, gridcolor: colors.grid, zeroline: false, automargin: true },
    legend: { orientation: 'h', y: -0.2 },
    ...options.extra,
  };
}

/** Formats a share as a percentage with sensible precision (0.0123 → "1.23%"). */
export function formatPercent(share: number, digits?: number): string {
  const pct = share * 100;
  const d = digits ?? (Math.abs(pct) < 1 ? 2 : Math.abs(pct) < 10 ? 1 : 0);
  return `${pct.toFixed(d)}%`;
}
