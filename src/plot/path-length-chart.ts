import { colors, type Figure, formatPercent, makeLayout } from './figure.js';

/** The smallest path length k such that at least `share` of paths have length ≤ k. */
export function pathLengthQuantile(lengths: ArrayLike<number>, share: number): number {
  const sorted = Float64Array.from(lengths).sort();
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/**
 * Touchpoints per lead: a histogram with the cumulative share on a second axis, and
 * the length that covers 90% of paths marked.
 */
export function pathLengthChart(lengths: ArrayLike<number>, title = 'Touchpoints per lead (path length)', cap = 30): Figure {
  const counts = new Array<number>(cap + 1).fill(0);
  for (let i = 0; i < lengths.length; i++) counts[Math.min(cap, lengths[i])]++;
  const total = lengths.length;
  const cumulative: number[] = [];
  let running = 0;
  for (const c of counts) {
    running += c;
    cumulative.push(total ? (running / total) * 100 : 0);
  }
  const x = counts.map((_, k) => (k === cap ? `${cap}+` : String(k)));
  const p90 = pathLengthQuantile(lengths, 0.9);
  let under5 = 0;
  for (let i = 0; i < lengths.length; i++) if (lengths[i] < 5) under5++;
  return {
    data: [
      {
        type: 'bar',
        name: 'leads',
        x,
        y: counts,
        marker: { color: colors.accent },
        hovertemplate: '%{x} steps: %{y:,} leads<extra></extra>',
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'cumulative % of leads',
        x,
        y: cumulative,
        yaxis: 'y2',
        line: { color: colors.warning },
        hovertemplate: '≤ %{x} steps: %{y:.1f}%<extra></extra>',
      },
    ],
    layout: makeLayout({
      title: `${title} — ${formatPercent(total ? under5 / total : 0)} under 5 steps; 90% within ${p90}`,
      xTitle: 'touchpoints before the outcome',
      yTitle: 'leads',
      extra: {
        yaxis2: {
          overlaying: 'y',
          side: 'right',
          range: [0, 101],
          dtick: 20,
          ticksuffix: '%',
          title: { text: 'cumulative share' },
          showgrid: false,
        },
        xaxis: { type: 'category', title: { text: 'touchpoints before the outcome' } },
      },
    }),
  };
}
