/**
 * Standalone check of LogisticRegression against scikit-learn on a prepared matrix.
 *
 *   node --import tsx bench/models/check-lr.ts <dir> [--tol 1e-6] [--repeats 5]
 *
 * <dir> holds what a Python script wrote with numpy:
 *   X.bin     float64, row-major, rows × cols (the standardized design matrix)
 *   y.bin     int32 labels 0/1
 *   ref.json  { rows, cols, columns: string[], <key>: { coef: number[], intercept: number[], fit_seconds_median } }
 *             one <key> per scikit-learn fit (LogisticRegression(C=1, lbfgs) at some tol)
 * Prints leadstack's fit time (median of the repeats), iterations, convergence and the
 * largest |coefficient difference| against every reference in ref.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Matrix } from '../../src/core/matrix.js';
import { LogisticRegression } from '../../src/models/linear/index.js';

interface Reference {
  coef: number[];
  intercept: number[];
  fit_seconds_median: number;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { tol: { type: 'string', default: '1e-6' }, repeats: { type: 'string', default: '5' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: node --import tsx bench/models/check-lr.ts <dir> [--tol 1e-6] [--repeats 5]');
  process.exit(2);
}
const ref = JSON.parse(readFileSync(path.join(dir, 'ref.json'), 'utf8'));
const xBytes = readFileSync(path.join(dir, 'X.bin'));
const yBytes = readFileSync(path.join(dir, 'y.bin'));
const X = new Matrix(
  ref.rows,
  ref.cols,
  new Float64Array(xBytes.buffer.slice(xBytes.byteOffset, xBytes.byteOffset + xBytes.byteLength)),
  ref.columns,
);
const y = new Int32Array(yBytes.buffer.slice(yBytes.byteOffset, yBytes.byteOffset + yBytes.byteLength));

const tol = Number(values.tol);
const times: number[] = [];
let model = new LogisticRegression({ C: 1, tol });
for (let r = 0; r < Number(values.repeats); r++) {
  model = new LogisticRegression({ C: 1, tol });
  const t0 = performance.now();
  await model.fit(X, y);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`leadstack LogisticRegression(C=1, tol=${tol}) on ${X.rows} × ${X.cols}`);
console.log(
  `  fit ms: median ${median.toFixed(1)}, min ${times[0].toFixed(1)}; nIter ${model.nIter}, converged ${model.converged}, ‖g‖∞ ${model.gradientNorm.toExponential(2)}`,
);
const coef = model.coef.data;
for (const [key, value] of Object.entries(ref)) {
  if (!value || typeof value !== 'object' || !('coef' in value)) continue;
  const r = value as Reference;
  let diff = Math.abs(r.intercept[0] - model.intercept[0]);
  for (let j = 0; j < coef.length; j++) diff = Math.max(diff, Math.abs(r.coef[j] - coef[j]));
  const ratio = median / 1000 / r.fit_seconds_median;
  console.log(
    `  vs scikit-learn ${key}: max |coef diff| ${diff.toExponential(2)}; sklearn fit ${(r.fit_seconds_median * 1000).toFixed(1)} ms → ratio ${ratio.toFixed(2)}×`,
  );
}
