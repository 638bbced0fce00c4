import type { CapacityCurve, CapacityScenarioResult } from '../evaluation/index.js';
import { colors, type Figure, makeLayout, type Trace } from './figure.js';

export interface CapacityChartOptions {
  /** Staffing scenarios (from `capacityPlan` on the first curve's score) to mark; those with another daily lead count are left out. */
  scenarios?: readonly CapacityScenarioResult[];
  title?: string;
}

/**
 * Conversions captured as capacity grows, one line per score (the ML model next to the
 * rule-based score), with working random leads as the dashed diagonal and the staffing
 * scenarios as vertical lines with a marker on the first curve.
 */
export function capacityChart(curves: readonly CapacityCurve[], options: CapacityChartOptions = {}): Figure {
  const { title = 'Conversions captured by capacity' } = options;
  const first = curves[0];
  const data: Trace[] = curves.map((curve, k) => ({
    type: 'scatter',
    mode: 'lines',
    name: curve.name ?? `score ${k + 1}`,
    x: Array.from(curve.capacity),
    y: Array.from(curve.conversions),
    customdata: Array.from(curve.shareOfConversions, (g) => g * 100),
    line: { color: colors.series[k % colors.series.length], width: 2 },
    hovertemplate: '%{x:,.0f} leads worked: %{y:,.1f} conversions (%{customdata:.1f}% of all)<extra>%{fullData.name}</extra>',
  }));
  if (first) {
    const last = first.capacity.length - 1;
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: 'random leads',
      x: [0, first.capacity[last]],
      y: [0, first.conversions[last]],
      line: { color: colors.muted, dash: 'dash', width: 1 },
      hoverinfo: 'skip',
    });
  }
  const scenarios = (options.scenarios ?? []).filter((s) => first && s.dailyLeads === first.leadsPerPeriod);
  if (scenarios.length > 0) {
    data.push({
      type: 'scatter',
      mode: 'markers+text',
      name: 'scenarios',
      x: scenarios.map((s) => s.leadsWorkedPerDay),
      y: scenarios.map((s) => s.conversionsPerDay),
      text: scenarios.map((s) => s.name),
      textposition: 'top left',
      marker: { size: 10, color: colors.warning },
      hovertemplate: '%{text}: %{x:,.0f} leads, %{y:,.1f} conversions<extra></extra>',
    });
  }
  const shapes = scenarios.map((s) => ({
    type: 'line',
    yref: 'paper',
    x0: s.leadsWorkedPerDay,
    x1: s.leadsWorkedPerDay,
    y0: 0,
    y1: 1,
    line: { color: colors.warning, dash: 'dot', width: 1 },
  }));
  const perDay = first?.perDay ?? false;
  return {
    data,
    layout: makeLayout({
      title,
      xTitle: perDay ? 'leads worked per day (capacity)' : 'leads worked',
      yTitle: perDay ? 'conversions captured per day' : 'conversions captured',
      extra: { shapes },
    }),
  };
}
