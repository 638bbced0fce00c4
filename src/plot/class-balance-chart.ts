import { colors, type Figure, formatPercent, makeLayout } from './figure.js';

export interface ClassCount {
  label: string;
  count: number;
  positive: boolean;
}

/** Bars of leads per class, each labelled with its count and share. */
export function classBalanceChart(classes: readonly ClassCount[], title = 'Class balance'): Figure {
  const total = classes.reduce((s, c) => s + c.count, 0);
  return {
    data: [
      {
        type: 'bar',
        x: classes.map((c) => c.label),
        y: classes.map((c) => c.count),
        text: classes.map((c) => `${c.count.toLocaleString('en-US')} (${formatPercent(total ? c.count / total : 0)})`),
        textposition: 'outside',
        marker: { color: classes.map((c) => (c.positive ? colors.positive : colors.negative)) },
        hovertemplate: '%{x}: %{y:,} leads<extra></extra>',
      },
    ],
    layout: makeLayout({ title, yTitle: 'leads', extra: { showlegend: false } }),
  };
}
