import type { LiftTable } from '../metrics/index.js';
import { colors, type Figure, makeLayout, type Trace } from './figure.js';

/** A lift table with the name of the score it ranks by. */
export interface NamedLiftTable {
  name: string;
  table: LiftTable;
}

/**
 * Cumulative gains: the share of conversions captured against the share of leads worked in
 * score order (from `liftTable`), one line per score, with random leads as the diagonal.
 */
export function gainsChart(tables: readonly NamedLiftTable[], title = 'Cumulative gains'): Figure {
  const data: Trace[] = tables.map(({ name, table }, k) => ({
    type: 'scatter',
    mode: 'lines+markers',
    name,
    x: [0, ...table.buckets.map((b) => b.cumulativeLeadShare * 100)],
    y: [0, ...table.buckets.map((b) => b.cumulativeGain * 100)],
    customdata: [null, ...table.buckets.map((b) => b.cumulativeLift)],
    line: { color: colors.series[k % colors.series.length], width: 2 },
    hovertemplate: 'top %{x:.0f}% of leads: %{y:.1f}% of conversions (lift %{customdata:.2f})<extra>%{fullData.name}</extra>',
  }));
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: 'random leads',
    x: [0, 100],
    y: [0, 100],
    line: { color: colors.muted, dash: 'dash', width: 1 },
    hoverinfo: 'skip',
  });
  return {
    data,
    layout: makeLayout({ title, xTitle: 'leads worked, highest scores first (%)', yTitle: 'conversions captured (%)' }),
  };
}
