import type { LiftTable } from '../metrics/index.js';
import { colors, type Figure, makeLayout } from './figure.js';

/**
 * Lift per score bucket (bars: the bucket's conversion rate over the overall rate) and
 * cumulative lift (line), highest scores first, with lift 1 — random leads — as a dashed line.
 */
export function liftChart(table: LiftTable, title = 'Lift by score bucket'): Figure {
  const labels = table.buckets.map((b) => `${b.bucket}`);
  return {
    data: [
      {
        type: 'bar',
        name: 'lift',
        x: labels,
        y: table.buckets.map((b) => b.lift),
        customdata: table.buckets.map((b) => [b.leads, b.rate * 100]),
        marker: { color: colors.accent },
        hovertemplate: 'bucket %{x}: lift %{y:.2f} (%{customdata[0]:,} leads, %{customdata[1]:.1f}% convert)<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'cumulative lift',
        x: labels,
        y: table.buckets.map((b) => b.cumulativeLift),
        line: { color: colors.warning, width: 2 },
        hovertemplate: 'buckets 1–%{x}: cumulative lift %{y:.2f}<extra></extra>',
      },
    ],
    layout: makeLayout({
      title,
      xTitle: `score bucket (1 = highest ${Math.round(100 / table.buckets.length)}%)`,
      yTitle: 'lift over random leads',
      extra: {
        shapes: [
          { type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 1, y1: 1, line: { color: colors.muted, dash: 'dash', width: 1 } },
        ],
      },
    }),
  };
}
