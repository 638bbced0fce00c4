/**
 * The leadstack side of the resampling timings, in a process of its own so its peak RSS is the
 * strategy's (like the imbalanced-learn side's): after a warm-up run on a small sample, resamples
 * the training part of every fold and prints one JSON line per fold (seconds, rows after
 * resampling), then the peak RSS.
 *
 *   node --import tsx bench/sampling/resample-worker.ts <bench data dir> <strategy>
 */
import { readFileSync } from 'node:fs';
import { Rng } from '../../src/core/rng.js';
import { foldRows, readBenchData } from './bench-data.js';
import { foldSeed, STRATEGIES } from './strategies.js';

const [dir, key] = process.argv.slice(2);
const strategy = STRATEGIES.find((s) => s.key === key);
if (!strategy) throw new Error(`unknown strategy ${key}`);
const { meta, X, y, folds } = readBenchData(dir);
// Warm-up on a small stratified sample so the timings leave out the JIT's compile.
const sample = Int32Array.from({ length: X.rows }, (_, i) => i).filter((i) => y[i] === 1 || i % 20 === 0);
strategy.prepare(
  X.selectRows(sample),
  Int32Array.from(sample, (i) => y[i]),
  new Rng(0),
  meta,
);
// With --expose-gc, garbage of the previous fold is collected first, so the peak RSS is one fold's working set.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
for (let f = 0; f < meta.folds; f++) {
  collect();
  const { train } = foldRows(folds, f);
  const Xtr = X.selectRows(train);
  const ytr = Int32Array.from(train, (i) => y[i]);
  const t0 = performance.now();
  const part = strategy.prepare(Xtr, ytr, new Rng(foldSeed(meta.seed, f)), meta);
  const seconds = (performance.now() - t0) / 1000;
  const positives = part.y.reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ fold: f, seconds, rows: part.y.length, positives }));
}
console.log(JSON.stringify({ peak_rss_mb: peakRssMb() }));

/** Peak RSS of this process since exec (VmHWM); maxRSS would also count the parent's RSS at fork time. */
function peakRssMb(): number {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    if (line) return Number(line.split(/\s+/)[1]) / 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS / 1024;
}
