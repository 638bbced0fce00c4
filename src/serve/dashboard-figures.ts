import { colors, type Layout, makeLayout } from '../plot/figure.js';

/** Layouts of the dashboard's three charts (the page fills in the data as filters change). */
export interface DashboardLayouts {
  scores: Layout;
  grades: Layout;
  funnel: Layout;
}

export function dashboardLayouts(): DashboardLayouts {
  const compact = {
    height: 300,
    extra: {
      margin: { l: 55, r: 20, t: 60, b: 45 },
      legend: { orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom' },
    },
  };
  // Scores pile up near the base rate: a log count axis keeps the few high scores visible.
  const scores = makeLayout({
    title: 'Score distribution and the cut-off',
    xTitle: 'lead score (0–100)',
    yTitle: 'leads (log scale)',
    ...compact,
    extra: { ...compact.extra, barmode: 'stack', bargap: 0.05 },
  });
  scores.yaxis = { ...(scores.yaxis as Layout), type: 'log' };
  return {
    scores,
    grades: makeLayout({
      title: 'Leads by grade',
      xTitle: 'grade',
      yTitle: 'leads',
      ...compact,
      extra: { ...compact.extra, barmode: 'stack' },
    }),
    funnel: makeLayout({
      title: 'Funnel',
      ...compact,
      extra: { ...compact.extra, showlegend: false, margin: { l: 130, r: 20, t: 50, b: 30 } },
    }),
  };
}

/** Colours the page uses: worked leads, the rest, the cut-off line, the funnel's bars. */
export const dashboardColors = {
  worked: colors.positive,
  rest: colors.negative,
  cutoff: colors.danger,
  series: colors.series,
} as const;
