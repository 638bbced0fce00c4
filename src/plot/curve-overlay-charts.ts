import type { PrecisionRecallCurve } from '../metrics/precision-recall-curve.js';
import type { RocCurve } from '../metrics/roc-curve.js';
import { colors, type Figure, makeLayout, type Trace } from './figure.js';

/** ROC curves of several models on the same rows, with the diagonal of a random ranking. */
export function rocOverlayChart(
  curves: readonly { name: string; curve: RocCurve; auc: number }[],
  title = 'ROC curves (out of fold)',
): Figure {
  const data: Trace[] = curves.map(({ name, curve, auc }, k) => ({
    type: 'scatter',
    mode: 'lines',
    name: `${name} (AUC ${auc.toFixed(3)})`,
    x: Array.from(curve.fpr),
    y: Array.from(curve.tpr),
    line: { color: colors.series[k % colors.series.length] },
  }));
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: 'random',
    x: [0, 1],
    y: [0, 1],
    line: { dash: 'dash', color: colors.muted },
    hoverinfo: 'skip',
  });
  return {
    data,
    layout: makeLayout({ title, xTitle: 'false positive rate', yTitle: 'true positive rate (recall)', height: 520 }),
  };
}

/** Precision-recall curves of several models, with the base rate (a random ranking's precision). */
export function prOverlayChart(
  curves: readonly { name: string; curve: PrecisionRecallCurve; ap: number }[],
  baseRate: number,
  title = 'Precision-recall curves (out of fold)',
): Figure {
  const data: Trace[] = curves.map(({ name, curve, ap }, k) => ({
    type: 'scatter',
    mode: 'lines',
    name: `${name} (PR-AUC ${ap.toFixed(3)})`,
    x: Array.from(curve.recall, (r) => r * 100),
    y: Array.from(curve.precision, (p) => p * 100),
    line: { color: colors.series[k % colors.series.length] },
  }));
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: `random (${(baseRate * 100).toFixed(1)}%)`,
    x: [0, 100],
    y: [baseRate * 100, baseRate * 100],
    line: { dash: 'dash', color: colors.muted },
    hoverinfo: 'skip',
  });
  return {
    data,
    layout: makeLayout({
      title,
      xTitle: 'recall (% of conversions captured)',
      yTitle: 'precision (% of worked leads converting)',
      height: 520,
    }),
  };
}

/** Grouped bars: one group per category (e.g. imbalance strategy), one bar per series (e.g. model family). */
export function groupedBarChart(
  categories: readonly string[],
  series: readonly { name: string; values: readonly number[] }[],
  title: string,
  yTitle: string,
): Figure {
  return {
    data: series.map((s, k) => ({
      type: 'bar',
      name: s.name,
      x: [...categories],
      y: [...s.values],
      marker: { color: colors.series[k % colors.series.length] },
      hovertemplate: `${s.name} · %{x}: %{y:.4f}<extra></extra>`,
    })),
    layout: makeLayout({ title, yTitle, extra: { barmode: 'group', xaxis: { tickangle: -20, automargin: true } } }),
  };
}
