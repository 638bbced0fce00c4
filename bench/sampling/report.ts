/** One fold's scores of the model fitted on a resampled training part. */
export interface FoldScore {
  rocAuc: number;
  prAuc: number;
  logLoss: number;
}

/** One side (leadstack or imbalanced-learn) of one strategy. */
export interface SideResult {
  side: 'leadstack' | 'imbalanced-learn';
  resampleSeconds: number[];
  rows: number[];
  scores: FoldScore[];
  peakRssMb: number | null;
  error?: string;
}

export interface StrategyResult {
  key: string;
  label: string;
  sides: SideResult[];
}

export interface Stat {
  mean: number;
  sd: number;
}

export function stat(values: readonly number[]): Stat {
  if (values.length === 0) return { mean: Number.NaN, sd: Number.NaN };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean, sd };
}

const pm = (values: readonly number[], digits: number): string => {
  const s = stat(values);
  return Number.isNaN(s.mean) ? '—' : `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}`;
};
const seconds = (values: readonly number[]): string => {
  const s = stat(values).mean;
  return Number.isNaN(s) ? '—' : s < 0.01 ? s.toFixed(4) : s.toFixed(3);
};
const count = (values: readonly number[]): string =>
  values.length ? Math.round(stat(values).mean).toLocaleString('en-US') : '—';

/** The Markdown table: one row per strategy and side. */
export function markdownTable(results: readonly StrategyResult[]): string {
  const lines = [
    '| strategy | resampled by | resample s / fold | leadstack ÷ imblearn | training rows after | ROC-AUC | PR-AUC | log loss | resampler peak RSS (MB) |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    const peer = r.sides.find((s) => s.side === 'imbalanced-learn');
    for (const s of r.sides) {
      const ratio =
        s.side === 'leadstack' && peer && peer.resampleSeconds.length
          ? `${(stat(s.resampleSeconds).mean / stat(peer.resampleSeconds).mean).toFixed(2)}×`
          : '';
      const by = s.side === 'leadstack' ? (r.key === 'none' ? '—' : 'leadstack') : 'imbalanced-learn';
      const rss = s.peakRssMb === null ? '—' : s.peakRssMb.toFixed(0);
      const scores = s.error
        ? [`failed: ${s.error}`, '', '']
        : [
            pm(
              s.scores.map((x) => x.rocAuc),
              4,
            ),
            pm(
              s.scores.map((x) => x.prAuc),
              4,
            ),
            pm(
              s.scores.map((x) => x.logLoss),
              4,
            ),
          ];
      lines.push(
        `| ${r.label} | ${by} | ${r.key === 'none' ? '—' : seconds(s.resampleSeconds)} | ${ratio} | ${count(s.rows)} | ${scores.join(' | ')} | ${rss} |`,
      );
    }
  }
  return lines.join('\n');
}
