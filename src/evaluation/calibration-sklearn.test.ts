import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { IsotonicCalibrator } from './isotonic-calibrator.js';
import { PlattCalibrator } from './platt-calibrator.js';

/* Reference values: bench/fixtures/calibration-sklearn.json, written by bench/fixtures/make-calibration-fixture.py. */

interface Case {
  name: string;
  scores: number[];
  labels: number[];
  sampleWeight: number[] | null;
}
interface IsotonicCase extends Case {
  expected: { xThresholds: number[]; yThresholds: number[]; queries: number[]; predictions: number[] };
}
interface PlattCase extends Case {
  input: 'logit' | 'raw';
  expected: {
    slope: number;
    intercept: number;
    queries: number[];
    predictions: number[];
    exactSlope: number;
    exactIntercept: number;
    exactPredictions: number[];
  };
}

const fixture: { logitEpsilon: number; isotonic: IsotonicCase[]; platt: PlattCase[] } = JSON.parse(
  readFileSync(new URL('../../bench/fixtures/calibration-sklearn.json', import.meta.url), 'utf8'),
);

/** Largest absolute difference seen per quantity, printed after the run. */
const worst = new Map<string, number>();

function closeArray(
  what: string,
  actual: ArrayLike<number>,
  expected: readonly number[],
  tolerance: number,
  where: string,
): void {
  assert.equal(actual.length, expected.length, `${where} ${what}: ${actual.length} values, scikit-learn ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    worst.set(what, Math.max(worst.get(what) ?? 0, Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff));
    assert.ok(diff <= tolerance, `${where} ${what}[${i}]: got ${actual[i]}, scikit-learn ${expected[i]} (|Δ| = ${diff})`);
  }
}

describe('calibrators agree with scikit-learn 1.2', () => {
  after(() => {
    const lines = [...worst].map(([what, diff]) => `  ${what}: ${diff.toExponential(2)}`);
    console.log(`largest |Δ| against scikit-learn:\n${lines.join('\n')}`);
  });

  for (const c of fixture.isotonic) {
    test(`IsotonicCalibrator matches IsotonicRegression(out_of_bounds='clip') on "${c.name}" to 1e-9`, () => {
      const calibrator = new IsotonicCalibrator().fit(c.scores, c.labels, c.sampleWeight ?? undefined);
      const { x, y } = calibrator.thresholds;
      closeArray('isotonic X_thresholds_', x, c.expected.xThresholds, 1e-9, c.name);
      closeArray('isotonic y_thresholds_', y, c.expected.yThresholds, 1e-9, c.name);
      closeArray('isotonic predictions', calibrator.transform(c.expected.queries), c.expected.predictions, 1e-9, c.name);
    });
  }

  for (const c of fixture.platt) {
    test(`PlattCalibrator matches CalibratedClassifierCV(method='sigmoid') on "${c.name}" to 1e-6`, () => {
      const calibrator = new PlattCalibrator({ input: c.input, epsilon: fixture.logitEpsilon });
      calibrator.fit(c.scores, c.labels, c.sampleWeight ?? undefined);
      const predictions = calibrator.transform(c.expected.queries);
      closeArray(
        'Platt slope and intercept',
        [calibrator.slope, calibrator.intercept],
        [c.expected.slope, c.expected.intercept],
        1e-6,
        c.name,
      );
      closeArray('Platt predictions', predictions, c.expected.predictions, 1e-6, c.name);
      // scikit-learn's BFGS stops near the optimum; Newton's method reaches it.
      const exact = [c.expected.exactSlope, c.expected.exactIntercept];
      closeArray('Platt vs exact optimum (slope, intercept)', [calibrator.slope, calibrator.intercept], exact, 1e-9, c.name);
      closeArray('Platt vs exact optimum (predictions)', predictions, c.expected.exactPredictions, 1e-9, c.name);
    });
  }
});
