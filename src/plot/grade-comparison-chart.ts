import type { GradeComparison, GradeRow } from '../evaluation/index.js';
import { colors, type Figure, formatPercent, makeLayout, type Trace } from './figure.js';

export interface GradeComparisonChartOptions {
  /** Legend names. Default 'ML model' and 'rule-based score'. */
  names?: { model: string; rules: string };
  title?: string;
}

/**
 * Conversions captured per grade, the ML model's bars next to the rule-based score's on the
 * same grades, each bar labelled with its share of all conversions (the chart that shows the
 * model's A and B grades capturing more conversions than the rules' A and B).
 */
export function gradeComparisonChart(comparison: GradeComparison, options: GradeComparisonChartOptions = {}): Figure {
  const { names = { model: 'ML model', rules: 'rule-based score' }, title = 'Conversions captured per grade: model vs rules' } =
    options;
  return {
    data: [
      gradeBars(
        comparison.grades,
        comparison.rows.map((r) => r.model),
        names.model,
        colors.accent,
      ),
      gradeBars(
        comparison.grades,
        comparison.rows.map((r) => r.rules),
        names.rules,
        colors.negative,
      ),
    ],
    layout: makeLayout({
      title,
      xTitle: 'grade',
      yTitle: 'conversions captured',
      extra: {
        barmode: 'group',
        annotations: [
          {
            xref: 'paper',
            yref: 'paper',
            x: 0,
            y: 1.06,
            showarrow: false,
            xanchor: 'left',
            text: comparison.message,
            font: { color: colors.muted, size: 11 },
          },
        ],
      },
    }),
  };
}

function gradeBars(grades: readonly string[], rows: readonly GradeRow[], name: string, color: string): Trace {
  return {
    type: 'bar',
    name,
    x: [...grades],
    y: rows.map((r) => r.conversions),
    text: rows.map((r) => formatPercent(r.shareOfConversions)),
    textposition: 'outside',
    customdata: rows.map((r) => [r.leads, r.conversionRate * 100]),
    marker: { color },
    hovertemplate: `${name}, grade %{x}: %{y:,} conversions from %{customdata[0]:,} leads (%{customdata[1]:.1f}% convert)<extra></extra>`,
  };
}
