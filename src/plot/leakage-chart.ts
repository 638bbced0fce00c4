import { colors, type Figure, makeLayout } from './figure.js';

export interface LeakageSuspect {
  column: string;
  /** Single-column ROC-AUC (max of AUC and 1 − AUC). */
  auc: number;
  /** Configured as filled in after the outcome. */
  postOutcome: boolean;
}

/** Single-column ROC-AUC per column: bars past the threshold, or configured post-outcome, are suspects. */
export function leakageChart(suspects: readonly LeakageSuspect[], threshold: number, title = 'Leakage suspects'): Figure {
  const sorted = [...suspects].sort((a, b) => a.auc - b.auc);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        y: sorted.map((s) => s.column),
        x: sorted.map((s) => s.auc),
        marker: {
          color: sorted.map((s) => (s.postOutcome ? colors.danger : s.auc >= threshold ? colors.warning : colors.accent)),
        },
        customdata: sorted.map((s) => (s.postOutcome ? 'filled in after the outcome (configured)' : '')),
        hovertemplate: '%{y}: AUC %{x:.3f} %{customdata}<extra></extra>',
      },
    ],
    layout: makeLayout({
      title,
      xTitle: 'ROC-AUC of the column alone (red: configured post-outcome)',
      height: Math.max(320, 24 * sorted.length + 120),
      extra: {
        showlegend: false,
        margin: { l: 220, r: 30, t: 60, b: 60 },
        xaxis: { range: [0.5, 1], gridcolor: colors.grid },
        shapes: [
          {
            type: 'line',
            yref: 'paper',
            y0: 0,
            y1: 1,
            x0: threshold,
            x1: threshold,
            line: { color: colors.danger, dash: 'dash' },
          },
        ],
      },
    }),
  };
}
