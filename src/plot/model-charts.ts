import { colors, type Figure, makeLayout } from './figure.js';

/** Horizontal bars of the largest importances (or mean |SHAP|), the largest on top. */
export function importanceChart(rows: readonly { label: string; value: number }[], title: string, xTitle = 'importance'): Figure {
  const sorted = [...rows].sort((a, b) => Math.abs(a.value) - Math.abs(b.value));
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        y: sorted.map((r) => r.label),
        x: sorted.map((r) => r.value),
        marker: { color: sorted.map((r) => (r.value >= 0 ? colors.accent : colors.warning)) },
        hovertemplate: '%{y}: %{x:.4f}<extra></extra>',
      },
    ],
    layout: makeLayout({
      title,
      xTitle,
      height: Math.max(320, 22 * sorted.length + 120),
      extra: { showlegend: false, margin: { l: 320, r: 30, t: 60, b: 60 }, yaxis: { automargin: true } },
    }),
  };
}

/** Training and validation loss per boosting round or epoch: one learning curve for every model. */
export function learningCurveChart(
  history: { train: readonly number[]; valid: readonly number[] },
  title: string,
  xTitle = 'iteration',
  best?: number | null,
): Figure {
  const data: Figure['data'] = [];
  if (history.train.length) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: 'training loss',
      x: history.train.map((_, i) => i + 1),
      y: [...history.train],
      line: { color: colors.accent },
    });
  }
  if (history.valid.length) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: 'validation loss',
      x: history.valid.map((_, i) => i + 1),
      y: [...history.valid],
      line: { color: colors.warning },
    });
  }
  const shapes =
    best !== undefined && best !== null
      ? [{ type: 'line', x0: best + 1, x1: best + 1, yref: 'paper', y0: 0, y1: 1, line: { dash: 'dot', color: colors.muted } }]
      : [];
  return { data, layout: makeLayout({ title, xTitle, yTitle: 'log loss', extra: { shapes } }) };
}
