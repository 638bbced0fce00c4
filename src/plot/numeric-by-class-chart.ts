import { colors, type Figure, makeLayout } from './figure.js';

export interface NumericByClassOptions {
  positiveLabel?: string;
  negativeLabel?: string;
  /** Draw the x axis on a log scale (for long-tailed counts and amounts). */
  logX?: boolean;
}

/**
 * Overlaid, normalised histograms of a numeric column for converted and other leads;
 * missing values are left out and counted in the title.
 */
export function numericByClassChart(
  column: string,
  values: ArrayLike<number | null>,
  labels: ArrayLike<number>,
  options: NumericByClassOptions = {},
): Figure {
  const pos: number[] = [];
  const neg: number[] = [];
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || Number.isNaN(v)) {
      missing++;
      continue;
    }
    const shown = options.logX ? Math.log10(1 + Math.max(0, v)) : v;
    (labels[i] === 1 ? pos : neg).push(shown);
  }
  const trace = (name: string, x: number[], color: string) => ({
    type: 'histogram',
    name,
    x,
    histnorm: 'percent',
    opacity: 0.6,
    nbinsx: 40,
    marker: { color },
  });
  const missingNote = missing ? ` — ${missing.toLocaleString('en-US')} missing not shown` : '';
  return {
    data: [
      trace(options.negativeLabel ?? 'not converted', neg, colors.negative),
      trace(options.positiveLabel ?? 'converted', pos, colors.positive),
    ],
    layout: makeLayout({
      title: `${column} by outcome${missingNote}`,
      xTitle: options.logX ? `log10(1 + ${column})` : column,
      yTitle: '% of leads in the class',
      extra: { barmode: 'overlay' },
    }),
  };
}
