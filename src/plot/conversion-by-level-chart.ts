import { colors, type Figure, makeLayout } from './figure.js';
import { baseLabel, baseLine } from './missingness-chart.js';

export interface LevelRate {
  level: string;
  count: number;
  /** Conversion rate of leads at this level, 0..1. */
  rate: number;
}

/** Conversion rate per level of a categorical column, with lead counts on hover and the base rate as a line. */
export function conversionByLevelChart(column: string, levels: readonly LevelRate[], baseRate: number): Figure {
  const sorted = [...levels].sort((a, b) => b.rate - a.rate);
  return {
    data: [
      {
        type: 'bar',
        x: sorted.map((l) => l.level),
        y: sorted.map((l) => l.rate * 100),
        customdata: sorted.map((l) => l.count),
        marker: { color: sorted.map((l) => (l.rate >= baseRate ? colors.positive : colors.negative)) },
        hovertemplate: '%{x}: %{y:.2f}% convert (%{customdata:,} leads)<extra></extra>',
      },
    ],
    layout: makeLayout({
      title: `Conversion rate by ${column}`,
      yTitle: 'conversion rate (%)',
      extra: {
        showlegend: false,
        shapes: [baseLine(baseRate * 100)],
        annotations: [baseLabel(baseRate * 100)],
        xaxis: { tickangle: -30, automargin: true },
      },
    }),
  };
}
