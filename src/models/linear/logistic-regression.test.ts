import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, InputError, NotFittedError } from '../../core/errors.js';
import { Matrix } from '../../core/matrix.js';
import { fromJSON } from '../../core/serialization.js';
import { makeContractData, runClassifierContract } from '../../core/test-support/estimator-contract.js';
import { LogisticRegression } from './logistic-regression.js';
import type { Penalty } from './logistic-regression-params.js';

for (const penalty of ['l2', 'l1', 'elasticnet', 'none'] as Penalty[]) {
  runClassifierContract(`LogisticRegression (penalty ${penalty})`, {
    make: () => new LogisticRegression({ penalty, C: penalty === 'l1' ? 0.5 : 1, l1Ratio: 0.5 }),
  });
}

const binary = makeContractData(300, 2, 21);

test('LogisticRegression reports convergence: iterations run, converged and a small gradient', async () => {
  const model = await new LogisticRegression().fit(binary.X, binary.y);
  assert.ok(model.nIter > 0 && model.nIter < 100, `nIter ${model.nIter}`);
  assert.equal(model.converged, true);
  assert.ok(model.gradientNorm <= 1e-6, `gradient norm ${model.gradientNorm}`);
  assert.equal(model.convergenceWarning, null);
});

test('LogisticRegression that runs out of iterations says so, and still predicts', async () => {
  const warnings: string[] = [];
  const model = await new LogisticRegression({ solver: 'lbfgs', maxIter: 2 }).fit(binary.X, binary.y, {
    onConvergenceWarning: (message) => warnings.push(message),
  });
  assert.equal(model.nIter, 2);
  assert.equal(model.converged, false);
  assert.ok(model.gradientNorm > 1e-6);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /did not converge after 2 iterations.*raise maxIter/);
  assert.equal(model.convergenceWarning, warnings[0]);
  assert.equal(model.predictProba(binary.X).length, binary.X.rows);
});

test('LogisticRegression callbacks get a falling training loss, the validation loss, and can stop the solver', async () => {
  const valid = makeContractData(120, 2, 22);
  const logs: { trainLoss?: number; validLoss?: number }[] = [];
  const model = await new LogisticRegression({ solver: 'lbfgs' }).fit(binary.X, binary.y, {
    evalSet: valid,
    callbacks: [
      {
        onIterationEnd: (_iter, l) => {
          logs.push({ ...l });
          return logs.length === 3 ? 'stop' : undefined;
        },
      },
    ],
  });
  assert.equal(logs.length, 3);
  assert.equal(model.nIter, 3);
  assert.equal(model.convergenceWarning, null, 'a fit stopped on request is not a convergence failure');
  for (let i = 1; i < logs.length; i++) assert.ok(logs[i].trainLoss! < logs[i - 1].trainLoss!);
  for (const l of logs) assert.ok(Number.isFinite(l.validLoss) && l.validLoss! > 0);
});

test('LogisticRegression stops with an AbortError when its signal is aborted', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(new LogisticRegression().fit(binary.X, binary.y, { signal: controller.signal }), {
    name: 'AbortError',
  });
});

test('LogisticRegression: every solver reaches the same l2 optimum', async () => {
  const coefs: Float64Array[] = [];
  for (const solver of ['lbfgs', 'newton-cholesky', 'newton-cd', 'owlqn'] as const) {
    const model = await new LogisticRegression({ solver, tol: 1e-9 }).fit(binary.X, binary.y);
    coefs.push(Float64Array.of(...model.coef.data, model.intercept[0]));
  }
  for (const c of coefs.slice(1)) {
    for (let j = 0; j < c.length; j++) assert.ok(Math.abs(c[j] - coefs[0][j]) < 1e-6, `${c[j]} vs ${coefs[0][j]}`);
  }
});

test('LogisticRegression with an L1 penalty sets the coefficients of noise features to exactly zero', async () => {
  const model = await new LogisticRegression({ penalty: 'l1', C: 0.05 }).fit(binary.X, binary.y);
  const coef = model.coef.data;
  assert.ok(
    coef.some((v) => v === 0),
    `coefficients ${[...coef]}`,
  );
  assert.ok(coef[0] !== 0, 'the informative feature 0 is kept');
});

test('LogisticRegression multinomial intercepts sum to zero, whatever the solver', async () => {
  const multi = makeContractData(240, 3, 23);
  for (const solver of ['lbfgs', 'newton-cd', 'owlqn'] as const) {
    const model = await new LogisticRegression({ solver }).fit(multi.X, multi.y);
    const sum = model.intercept.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum) < 1e-12, `${solver}: intercepts sum to ${sum}`);
  }
});

test('LogisticRegression decisionFunction is the log-odds of predictProba', async () => {
  const model = await new LogisticRegression().fit(binary.X, binary.y);
  const z = model.decisionFunction(binary.X);
  const p = model.predictProba(binary.X);
  for (let i = 0; i < z.length; i++) assert.ok(Math.abs(1 / (1 + Math.exp(-z[i])) - p[i]) < 1e-15);
  assert.deepEqual(
    model.predict(binary.X, 0.3),
    Int32Array.from(p, (v) => (v >= 0.3 ? 1 : 0)),
  );
});

test('LogisticRegression JSON keeps the fitted statistics and convergence report', async () => {
  const model = await new LogisticRegression({ computeStatistics: true }).fit(binary.X, binary.y);
  const restored = fromJSON<LogisticRegression>(JSON.parse(JSON.stringify(model.toJSON())));
  assert.deepEqual(restored.summary(), model.summary());
  assert.equal(restored.nIter, model.nIter);
  assert.equal(restored.converged, model.converged);
  assert.equal(restored.gradientNorm, model.gradientNorm);
});

test('LogisticRegression rejects bad input with an InputError that says what to fix', async () => {
  const fit = (X: Matrix, y: ArrayLike<number>) => new LogisticRegression().fit(X, y);
  const X = binary.X;
  const y = Array.from(binary.y);
  await assert.rejects(
    fit(X, [Number.NaN, ...y.slice(1)]),
    (e: Error) => e instanceof InputError && /label at row 0 is NaN.*dropped first/.test(e.message),
  );
  await assert.rejects(
    fit(X, new Array(X.rows).fill(1)),
    (e: Error) => e instanceof InputError && /single class.*at least two classes/.test(e.message),
  );
  await assert.rejects(
    fit(X, y.slice(1)),
    (e: Error) => e instanceof InputError && /300 rows but y has 299 labels/.test(e.message),
  );
  await assert.rejects(fit(new Matrix(X.rows, 0), y), (e: Error) => e instanceof InputError && /zero features/.test(e.message));
  const withNaN = new Matrix(X.rows, X.cols, X.data.slice(), ['a', 'b', 'c', 'd', 'e', 'f']);
  withNaN.set(4, 2, Number.NaN);
  await assert.rejects(
    fit(withNaN, y),
    (e: Error) => e instanceof InputError && /missing value \(NaN\) at row 4, column "c"; impute it/.test(e.message),
  );
  const withInf = new Matrix(X.rows, X.cols, X.data.slice());
  withInf.set(7, 1, Number.NEGATIVE_INFINITY);
  await assert.rejects(
    fit(withInf, y),
    (e: Error) => e instanceof InputError && /infinite value at row 7, column 1/.test(e.message),
  );
  await assert.rejects(
    new LogisticRegression().fit(X, y, { sampleWeight: new Float64Array(X.rows).fill(-1) }),
    (e: Error) => e instanceof InputError && /sampleWeight at row 0 is -1/.test(e.message),
  );
  await assert.rejects(
    new LogisticRegression().fit(X, y, { evalSet: { X: X.selectRows([0, 1]), y: [0, 1], sampleWeight: [1] } }),
    /evalSet: sampleWeight has 1 values but X has 2 rows/,
  );
  await assert.rejects(
    new LogisticRegression().fit(X, y, { evalSet: { X: X.selectRows([0, 1]), y: [0, 2] } }),
    /evalSet label at row 1 is 2; expected a class index 0..1/,
  );
  await assert.rejects(
    new LogisticRegression({ classWeight: [0, 0] }).fit(X, y),
    (e: Error) => e instanceof InputError && /row weights sum to 0/.test(e.message),
  );
  await assert.rejects(new LogisticRegression({ C: 0 }).fit(X, y), ConfigError);
  await assert.rejects(new LogisticRegression({ penalty: 'l1', solver: 'lbfgs' }).fit(X, y), /use 'owlqn' or 'auto'/);
  const model = await new LogisticRegression().fit(X, y);
  assert.throws(() => model.predictProba(new Matrix(2, 5)), /X has 5 features but the model was fitted on 6/);
  assert.throws(() => model.predictProba(withNaN), InputError);
  assert.throws(() => model.summary(), /no statistics were computed at fit/);
});

test('LogisticRegression reading coef before fit throws NotFittedError', () => {
  assert.throws(() => new LogisticRegression().coef, NotFittedError);
  assert.throws(() => new LogisticRegression().summary(), NotFittedError);
});

test('LogisticRegression multi-class refuses the binary-only methods with a pointer to the right one', async () => {
  const multi = makeContractData(120, 3, 3);
  const model = await new LogisticRegression().fit(multi.X, multi.y);
  assert.throws(() => model.predictProba(multi.X), /use predictClassProba/);
  assert.throws(() => model.decisionFunction(multi.X), /use decisionMatrix/);
  assert.equal(model.decisionMatrix(multi.X).cols, 3);
});
