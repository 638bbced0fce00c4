import { colors, type Figure, makeLayout } from './figure.js';

export interface ColumnMissingness {
  column: string;
  /** Share of rows where the column is missing, 0..1. */
  missingShare: number;
  /** Conversion rate among rows where it is missing (undefined when none are). */
  rateWhenMissing?: number;
  /** Conversion rate among rows where it is present. */
  rateWhenPresent?: number;
}

/** Horizontal bars of the missing share per column, most-missing on top. */
export function missingnessChart(columns: readonly ColumnMissingness[], title = 'Missing values per column'): Figure {
  const sorted = [...columns].filter((c) => c.missingShare > 0).sort((a, b) => a.missingShare - b.missingShare);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        y: sorted.map((c) => c.column),
        x: sorted.map((c) => c.missingShare * 100),
        marker: { color: colors.accent },
        hovertemplate: '%{y}: %{x:.1f}% missing<extra></extra>',
      },
    ],
    layout: makeLayout({
      title,
      xTitle: '% of leads with the value missing',
      height: Math.max(320, 24 * sorted.length + 120),
      extra: { showlegend: false, margin: { l: 200, r: 30, t: 60, b: 60 } },
    }),
  };
}

/**
 * Conversion rate when each column is missing vs present, side by side: where the two
 * differ, missingness itself is information a model can use.
 */
export function missingConversionChart(
  columns: readonly ColumnMissingness[],
  baseRate: number,
  title = 'Conversion rate when a value is missing vs present',
): Figure {
  const usable = columns.filter((c) => c.missingShare > 0 && c.missingShare < 1 && c.rateWhenMissing !== undefined);
  const sorted = [...usable].sort(
    (a, b) => Math.abs(b.rateWhenMissing! - (b.rateWhenPresent ?? 0)) - Math.abs(a.rateWhenMissing! - (a.rateWhenPresent ?? 0)),
  );
  const names = sorted.map((c) => c.column);
  return {
    data: [
      {
        type: 'bar',
        name: 'missing',
        x: names,
        y: sorted.map((c) => c.rateWhenMissing! * 100),
        marker: { color: colors.warning },
        hovertemplate: '%{x} missing: %{y:.2f}% convert<extra></extra>',
      },
      {
        type: 'bar',
        name: 'present',
        x: names,
        y: sorted.map((c) => (c.rateWhenPresent ?? 0) * 100),
        marker: { color: colors.accent },
        hovertemplate: '%{x} present: %{y:.2f}% convert<extra></extra>',
      },
    ],
    layout: makeLayout({
      title,
      yTitle: 'conversion rate (%)',
      extra: {
        barmode: 'group',
        shapes: [baseLine(baseRate * 100)],
        annotations: [baseLabel(baseRate * 100)],
        xaxis: { tickangle: -35, automargin: true },
      },
    }),
  };
}

/** A dashed horizontal line at the base rate. */
export function baseLine(y: number) {
  return { type: 'line', xref: 'paper', x0: 0, x1: 1, y0: y, y1: y, line: { color: colors.muted, dash: 'dash', width: 1 } };
}

export function baseLabel(y: number) {
  return {
    xref: 'paper',
    x: 1,
    y,
    xanchor: 'right',
    yanchor: 'bottom',
    text: `overall ${y.toFixed(y < 1 ? 2 : 1)}%`,
    showarrow: false,
    font: { color: colors.muted, size: 11 },
  };
}
