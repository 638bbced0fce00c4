import type { TunedThreshold } from '../evaluation/index.js';
import { thresholdRuleLabel } from '../evaluation/threshold-rule.js';
import type { PrecisionRecallCurve } from '../metrics/index.js';
import { colors, type Figure, formatPercent, makeLayout, type Trace } from './figure.js';

export interface PrecisionRecallChartOptions {
  /** Tuned thresholds to mark on the curve (from `tuneThreshold`). */
  tuned?: readonly TunedThreshold[];
  /** Precision of working random leads, drawn as a dashed line; default the tuned thresholds' base rate. */
  baseRate?: number;
  title?: string;
}

/**
 * The precision-recall curve (in %) with each tuned threshold marked and labelled by its rule;
 * a threshold whose goal is out of reach is drawn as a cross in the warning colour.
 */
export function precisionRecallChart(curve: PrecisionRecallCurve, options: PrecisionRecallChartOptions = {}): Figure {
  const { tuned = [], title = 'Precision vs recall by threshold' } = options;
  const baseRate = options.baseRate ?? tuned[0]?.baseRate;
  const data: Trace[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'precision-recall curve',
      x: Array.from(curve.recall, (r) => r * 100),
      y: Array.from(curve.precision, (p) => p * 100),
      customdata: Array.from(curve.precision, (_, k) => (k < curve.thresholds.length ? curve.thresholds[k] : null)),
      line: { color: colors.accent, width: 2 },
      hovertemplate: 'threshold %{customdata:.4g}: recall %{x:.1f}%, precision %{y:.1f}%<extra></extra>',
    },
  ];
  tuned.forEach((t, k) => {
    data.push({
      type: 'scatter',
      mode: 'markers+text',
      name: `${thresholdRuleLabel(t.rule)}: ${t.threshold.toPrecision(3)}`,
      x: [t.recall * 100],
      y: [t.precision * 100],
      text: [thresholdRuleLabel(t.rule)],
      textposition: 'top right',
      marker: {
        size: 11,
        symbol: t.reached ? 'circle' : 'x',
        color: t.reached ? colors.series[(k + 1) % colors.series.length] : colors.warning,
      },
      hovertemplate: `${t.message}<extra></extra>`,
    });
  });
  const shapes = baseRate === undefined ? [] : [randomLine(baseRate * 100)];
  const annotations = baseRate === undefined ? [] : [randomLabel(baseRate)];
  const layout = makeLayout({
    title,
    xTitle: 'recall: share of conversions captured (%)',
    yTitle: 'precision: share of worked leads converting (%)',
    extra: { shapes, annotations },
  });
  layout.xaxis = { ...(layout.xaxis as object), range: [0, 101] };
  layout.yaxis = { ...(layout.yaxis as object), range: [0, 105] };
  return { data, layout };
}

function randomLine(y: number) {
  return { type: 'line', xref: 'paper', x0: 0, x1: 1, y0: y, y1: y, line: { color: colors.muted, dash: 'dash', width: 1 } };
}

function randomLabel(baseRate: number) {
  return {
    xref: 'paper',
    x: 1,
    y: baseRate * 100,
    xanchor: 'right',
    yanchor: 'bottom',
    text: `random leads: ${formatPercent(baseRate)}`,
    showarrow: false,
    font: { color: colors.muted, size: 11 },
  };
}

export { thresholdRuleLabel };
