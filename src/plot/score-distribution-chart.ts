import { colors, type Figure, makeLayout, type Trace } from './figure.js';

export interface ScoreDistributionChartOptions {
  /** Score points per bar (default 5: bars 0–4, 5–9, …, 95–100). */
  binWidth?: number;
  title?: string;
}

const GRADE_COLORS: Record<string, string> = {
  A: colors.positive,
  B: colors.accent,
  C: colors.warning,
  D: colors.negative,
};

/**
 * The 0–100 scores of a scored batch as stacked bars, one colour per grade: how many leads land
 * in each grade and how close they sit to its cut-offs. Takes per-grade counts per whole score
 * point, as `scoreFile` returns them in `scoreHistogram`.
 */
export function scoreDistributionChart(
  histogram: Record<string, readonly number[]>,
  options: ScoreDistributionChartOptions = {},
): Figure {
  const { binWidth = 5, title = 'Scores of the batch by grade' } = options;
  if (!Number.isInteger(binWidth) || binWidth < 1 || binWidth > 100) {
    throw new RangeError(`binWidth must be a whole number of score points from 1 to 100, got ${binWidth}`);
  }
  const bins = Math.ceil(100 / binWidth);
  const starts = Array.from({ length: bins }, (_, b) => b * binWidth);
  const labels = starts.map((s) => `${s}–${s + binWidth >= 100 ? 100 : s + binWidth - 1}`);
  const grades = Object.keys(histogram).sort();
  const data: Trace[] = grades.map((grade, g) => {
    const counts = new Array<number>(bins).fill(0);
    histogram[grade].forEach((n, score) => {
      counts[Math.min(bins - 1, Math.floor(score / binWidth))] += n;
    });
    return {
      type: 'bar',
      name: `grade ${grade}`,
      x: labels,
      y: counts,
      marker: { color: GRADE_COLORS[grade] ?? colors.series[g % colors.series.length] },
      hovertemplate: `grade ${grade}, score %{x}: %{y:,} leads<extra></extra>`,
    };
  });
  return {
    data,
    layout: makeLayout({ title, xTitle: 'lead score (0–100)', yTitle: 'leads', extra: { barmode: 'stack', bargap: 0.05 } }),
  };
}
