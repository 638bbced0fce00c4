import type { BenchFamily } from './families.js';

/** One model fitted on one fold. */
export interface FoldResult {
  /** 'leadstack' or a peer key (sk-lr, sk-rf, xgb, sk-hgb, sk-mlp). */
  impl: string;
  family: string;
  fold: number;
  fitS: number;
  /** Seconds to predict 100k rows (NaN when not measured). */
  predictS: number;
  rocAuc: number;
  prAuc: number;
  logLoss: number;
}

export interface Stat {
  mean: number;
  sd: number;
}

export interface Summary {
  impl: string;
  family: string;
  rocAuc: Stat;
  prAuc: Stat;
  logLoss: Stat;
  fitS: Stat;
  predictS: Stat;
}

export function summarize(results: readonly FoldResult[]): Summary[] {
  const groups = new Map<string, FoldResult[]>();
  for (const r of results) {
    const key = `${r.family}\u0000${r.impl}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => ({
    impl: rs[0].impl,
    family: rs[0].family,
    rocAuc: stat(rs.map((r) => r.rocAuc)),
    prAuc: stat(rs.map((r) => r.prAuc)),
    logLoss: stat(rs.map((r) => r.logLoss)),
    fitS: stat(rs.map((r) => r.fitS)),
    predictS: stat(rs.map((r) => r.predictS)),
  }));
}

function stat(values: number[]): Stat {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean, sd };
}

const pm = (s: Stat, digits: number): string =>
  Number.isNaN(s.mean) ? '—' : `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}`;
const num = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');

export interface DatasetRun {
  name: string;
  rows: number;
  cols: number;
  positives: number;
  summaries: Summary[];
  coefDiff: number | null;
  /** How far scikit-learn's own default lbfgs solver stopped from its exact Newton optimum. */
  lbfgsGap: number | null;
}

/** Prints one results table and one targets table per data set (Markdown). */
export function printTables(
  runs: readonly DatasetRun[],
  families: readonly BenchFamily[],
  info: { folds: number; seed: number; backend: string },
): void {
  for (const run of runs) {
    console.log(
      `\n### ${run.name}: ${run.rows.toLocaleString('en-US')} leads × ${run.cols} features, ${run.positives.toLocaleString('en-US')} converted; ${info.folds}-fold stratified CV, seed ${info.seed}; neural backend ${info.backend}\n`,
    );
    console.log('| family | implementation | ROC-AUC | PR-AUC | log loss | fit s / fold | predict s / 100k |');
    console.log('|---|---|---:|---:|---:|---:|---:|');
    for (const s of run.summaries) {
      const label = families.find((f) => f.key === s.family)?.label ?? 'Rule-based score (default rules)';
      console.log(
        `| ${label} | ${s.impl} | ${pm(s.rocAuc, 4)} | ${pm(s.prAuc, 4)} | ${pm(s.logLoss, 4)} | ${pm(s.fitS, 2)} | ${num(s.predictS.mean, 3)} |`,
      );
    }
    const targets = targetRows(run, families);
    if (targets.length === 0) continue;
    console.log('\n| target | leadstack | peer | ratio / gap | met |');
    console.log('|---|---:|---:|---:|:-:|');
    for (const t of targets)
      console.log(`| ${t.target} | ${t.ours} | ${t.peer} | ${t.gap} | ${t.met === null ? '—' : t.met ? 'yes' : '**no**'} |`);
  }
}

function targetRows(run: DatasetRun, families: readonly BenchFamily[]) {
  const rows: { target: string; ours: string; peer: string; gap: string; met: boolean | null }[] = [];
  const find = (family: string, impl: string) => run.summaries.find((s) => s.family === family && s.impl === impl);
  const auc = (family: string, ref: string, tolerance: number) => {
    const a = find(family, 'leadstack');
    const b = find(family, ref);
    if (!a || !b) return;
    const gap = a.rocAuc.mean - b.rocAuc.mean;
    rows.push({
      target: `${family} ROC-AUC ≥ ${ref} − ${tolerance}`,
      ours: num(a.rocAuc.mean, 4),
      peer: num(b.rocAuc.mean, 4),
      gap: `${gap >= 0 ? '+' : ''}${gap.toFixed(4)}`,
      met: gap >= -tolerance,
    });
  };
  const time = (family: string, ref: string, what: 'fitS' | 'predictS', limit: number) => {
    const a = find(family, 'leadstack');
    const b = find(family, ref);
    if (!a || !b) return;
    const ratio = a[what].mean / b[what].mean;
    rows.push({
      target: `${family} ${what === 'fitS' ? 'fit' : 'predict'} time ≤ ${limit}× ${ref}`,
      ours: num(a[what].mean, 3),
      peer: num(b[what].mean, 3),
      gap: `${ratio.toFixed(2)}×`,
      met: ratio <= limit,
    });
  };
  for (const f of families) {
    if (f.key === 'gbdt') {
      auc('gbdt', 'xgb', 0.003);
      time('gbdt', 'xgb', 'fitS', 2);
      time('gbdt', 'xgb', 'predictS', 1.5);
    } else if (f.key === 'rf') {
      auc('rf', 'sk-rf', 0.005);
      time('rf', 'sk-rf', 'fitS', 1);
    } else if (f.key === 'lr') {
      if (run.coefDiff !== null) {
        rows.push({
          target: 'lr coefficients within 1e-4 of sk-lr newton-cholesky (same standardized matrix, C)',
          ours: '',
          peer: '',
          gap: run.coefDiff.toExponential(2),
          met: run.coefDiff <= 1e-4,
        });
        if (run.lbfgsGap !== null) {
          rows.push({
            target: "(for reference: sk-lr's default lbfgs from the same optimum)",
            ours: '',
            peer: '',
            gap: run.lbfgsGap.toExponential(2),
            met: null,
          });
        }
      }
      time('lr', 'sk-lr', 'fitS', 2);
    } else if (f.key === 'nn') {
      auc('nn', 'sk-mlp', 0.01);
      time('nn', 'sk-mlp', 'fitS', 3);
    }
  }
  return rows;
}
