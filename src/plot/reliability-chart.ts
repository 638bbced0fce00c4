import type { CalibrationReport, CalibrationSummary } from '../evaluation/index.js';
import { colors, type Figure, makeLayout, type Trace } from './figure.js';

export interface ReliabilityChartOptions {
  /** Legend names of the two curves. Default 'before calibration', 'after calibration'. */
  names?: readonly [string, string];
  title?: string;
}

/**
 * A reliability diagram: observed conversion rate against mean predicted probability per bin
 * (in %), before and after calibration, with the diagonal of perfect calibration. The legend
 * carries each curve's Brier score and expected calibration error; hover shows the bin's leads.
 */
export function reliabilityChart(report: CalibrationReport, options: ReliabilityChartOptions = {}): Figure {
  const { names = ['before calibration', 'after calibration'], title = 'Reliability: predicted vs observed conversion rate' } =
    options;
  const data: Trace[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'perfectly calibrated',
      x: [0, 100],
      y: [0, 100],
      line: { color: colors.muted, dash: 'dash', width: 1 },
      hoverinfo: 'skip',
    },
    curveTrace(report.before, names[0], colors.warning),
    curveTrace(report.after, names[1], colors.accent),
  ];
  const layout = makeLayout({ title, xTitle: 'mean predicted probability (%)', yTitle: 'observed conversion rate (%)' });
  layout.xaxis = { ...(layout.xaxis as object), range: [0, 100] };
  layout.yaxis = { ...(layout.yaxis as object), range: [0, 100] };
  return { data, layout };
}

function curveTrace(summary: CalibrationSummary, name: string, color: string): Trace {
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name: `${name} (Brier ${summary.brier.toFixed(4)}, ECE ${summary.ece.toFixed(4)})`,
    x: Array.from(summary.curve.probPred, (p) => p * 100),
    y: Array.from(summary.curve.probTrue, (p) => p * 100),
    customdata: Array.from(summary.curve.counts),
    line: { color, width: 2 },
    marker: { color, size: 7 },
    hovertemplate: 'predicted %{x:.1f}%, observed %{y:.1f}% (%{customdata:,} leads)<extra></extra>',
  };
}
