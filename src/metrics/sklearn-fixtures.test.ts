import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { Matrix } from '../core/matrix.js';
import {
  accuracyScore,
  averagePrecision,
  balancedAccuracyScore,
  binaryReport,
  brierScoreLoss,
  calibrationCurve,
  cohenKappaScore,
  confusionMatrix,
  delongTest,
  expectedCalibrationError,
  f1Score,
  fBetaScore,
  ksStatistic,
  liftTable,
  logLoss,
  matthewsCorrcoef,
  maxCalibrationError,
  multiClassF1,
  multiClassFBeta,
  multiClassLogLoss,
  multiClassPrecision,
  multiClassRecall,
  normalCdf,
  normalQuantile,
  normalSf,
  precisionRecallCurve,
  precisionRecallFScoreSupport,
  precisionScore,
  predictedPositiveRate,
  recallScore,
  rocAuc,
  rocCurve,
  specificityScore,
  topK,
} from './index.js';

/* Reference values: bench/fixtures/metrics-sklearn.json, written by bench/fixtures/make-metrics-fixture.py. */

const TOLERANCE = 1e-9;
// biome-ignore lint/suspicious/noExplicitAny: the fixture is untyped parsed JSON, checked value by value below
type Json = Record<string, any>;
const fixture: Json = JSON.parse(readFileSync(new URL('../../bench/fixtures/metrics-sklearn.json', import.meta.url), 'utf8'));

/** Largest absolute difference seen per metric, printed after the run. */
const worst = new Map<string, number>();

function close(metric: string, actual: number, expected: number, where: string): void {
  const diff = Math.abs(actual - expected);
  worst.set(metric, Math.max(worst.get(metric) ?? 0, Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff));
  assert.ok(diff <= TOLERANCE, `${where} ${metric}: got ${actual}, scikit-learn ${expected} (|Δ| = ${diff})`);
}

function closeArray(metric: string, actual: ArrayLike<number>, expected: number[], where: string): void {
  assert.equal(actual.length, expected.length, `${where} ${metric}: ${actual.length} points, scikit-learn ${expected.length}`);
  for (let i = 0; i < expected.length; i++) close(metric, actual[i], expected[i], `${where}[${i}]`);
}

after(() => {
  const rows = [...worst.entries()].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([name]) => name.length));
  const table = rows.map(([name, diff]) => `${name.padEnd(width)}  max |Δ| = ${diff.toExponential(2)}`).join('\n');
  process.stdout.write(`\nAgreement with scikit-learn / NumPy / SciPy references (tolerance ${TOLERANCE}):\n${table}\n`);
});

describe('binary metrics match scikit-learn 1.2.1', () => {
  for (const c of fixture.binary) {
    const { labels, scores, scoresB } = c as { labels: number[]; scores: number[]; scoresB: number[] };
    const sampleWeight: number[] | undefined = c.sampleWeight ?? undefined;
    const e = c.expected;
    const where = c.name;

    test(`${where}: rocAuc, averagePrecision, logLoss and brierScoreLoss`, () => {
      close('rocAuc', rocAuc(labels, scores, sampleWeight), e.rocAuc, where);
      close('averagePrecision', averagePrecision(labels, scores, sampleWeight), e.averagePrecision, where);
      close('logLoss', logLoss(labels, scores, sampleWeight), e.logLoss, where);
      close('brierScoreLoss', brierScoreLoss(labels, scores, sampleWeight), e.brierScoreLoss, where);
    });

    test(`${where}: rocCurve (full and dropIntermediate) and precisionRecallCurve element-wise`, () => {
      for (const [key, dropIntermediate] of [
        ['rocCurve', false],
        ['rocCurveDropped', true],
      ] as const) {
        const curve = rocCurve(labels, scores, { sampleWeight, dropIntermediate });
        closeArray(`${key}.fpr`, curve.fpr, e[key].fpr, where);
        closeArray(`${key}.tpr`, curve.tpr, e[key].tpr, where);
        closeArray(`${key}.thresholds`, curve.thresholds, e[key].thresholds, where);
      }
      const pr = precisionRecallCurve(labels, scores, sampleWeight);
      closeArray('precisionRecallCurve.precision', pr.precision, e.precisionRecallCurve.precision, where);
      closeArray('precisionRecallCurve.recall', pr.recall, e.precisionRecallCurve.recall, where);
      closeArray('precisionRecallCurve.thresholds', pr.thresholds, e.precisionRecallCurve.thresholds, where);
      close('ksStatistic (weighted, vs roc_curve)', ksStatistic(labels, scores, sampleWeight).statistic, e.ksFromRocCurve, where);
    });

    test(`${where}: threshold metrics and binaryReport at five cut-offs`, () => {
      for (const m of e.thresholdMetrics) {
        const at = `${where} @${m.threshold}`;
        const predicted = scores.map((s) => (s >= m.threshold ? 1 : 0));
        const report = binaryReport(labels, scores, m.threshold, { sampleWeight, beta: 0.5 });
        for (const cell of ['tn', 'fp', 'fn', 'tp'] as const) close(`binaryReport.${cell}`, report[cell], m[cell], at);
        close('accuracyScore', accuracyScore(labels, predicted, sampleWeight), m.accuracy, at);
        close('precisionScore', precisionScore(labels, predicted, sampleWeight), m.precision, at);
        close('recallScore', recallScore(labels, predicted, sampleWeight), m.recall, at);
        close('specificityScore', specificityScore(labels, predicted, sampleWeight), m.specificity, at);
        close('f1Score', f1Score(labels, predicted, sampleWeight), m.f1, at);
        close('fBetaScore(0.5)', fBetaScore(labels, predicted, 0.5, sampleWeight), m.fHalf, at);
        close('fBetaScore(2)', fBetaScore(labels, predicted, 2, sampleWeight), m.f2, at);
        close('matthewsCorrcoef', matthewsCorrcoef(labels, predicted, sampleWeight), m.mcc, at);
        close('cohenKappaScore', cohenKappaScore(labels, predicted, { sampleWeight }), m.kappa, at);
        close('balancedAccuracyScore', balancedAccuracyScore(labels, predicted, sampleWeight), m.balancedAccuracy, at);
        close(
          'balancedAccuracyScore(adjusted)',
          balancedAccuracyScore(labels, predicted, sampleWeight, { adjusted: true }),
          m.balancedAccuracyAdjusted,
          at,
        );
        close('predictedPositiveRate', predictedPositiveRate(labels, predicted, sampleWeight), m.predictedPositiveRate, at);
        const fromReport: [string, number, number][] = [
          ['accuracy', report.accuracy, m.accuracy],
          ['precision', report.precision, m.precision],
          ['recall', report.recall, m.recall],
          ['specificity', report.specificity, m.specificity],
          ['f1', report.f1, m.f1],
          ['fBeta', report.fBeta, m.fHalf],
          ['mcc', report.mcc, m.mcc],
          ['kappa', report.kappa, m.kappa],
          ['balancedAccuracy', report.balancedAccuracy, m.balancedAccuracy],
          ['predictedPositiveRate', report.predictedPositiveRate, m.predictedPositiveRate],
        ];
        for (const [name, actual, expected] of fromReport) close(`binaryReport.${name}`, actual, expected, at);
      }
    });

    if (!e.calibration) continue;

    test(`${where}: calibrationCurve, ECE and MCE with uniform and quantile bins`, () => {
      for (const ref of e.calibration) {
        const at = `${where} ${ref.strategy}/${ref.nBins}`;
        const options = { nBins: ref.nBins, strategy: ref.strategy };
        const curve = calibrationCurve(labels, scores, options);
        closeArray(`calibrationCurve.probTrue`, curve.probTrue, ref.probTrue, at);
        closeArray(`calibrationCurve.probPred`, curve.probPred, ref.probPred, at);
        closeArray(`calibrationCurve.counts`, curve.counts, ref.counts, at);
        close('expectedCalibrationError', expectedCalibrationError(labels, scores, options), ref.ece, at);
        close('maxCalibrationError', maxCalibrationError(labels, scores, options), ref.mce, at);
      }
    });

    test(`${where}: liftTable, topK and ksStatistic match the NumPy/SciPy references`, () => {
      for (const ref of e.lift) {
        const table = liftTable(labels, scores, { nBuckets: ref.nBuckets });
        close('liftTable.baseRate', table.baseRate, ref.baseRate, where);
        assert.equal(table.buckets.length, ref.buckets.length);
        ref.buckets.forEach((expected: Json, b: number) => {
          const row = table.buckets[b] as unknown as Record<string, number>;
          for (const key of Object.keys(expected))
            close(`liftTable.${key}`, row[key], expected[key], `${where} q${ref.nBuckets} #${b + 1}`);
        });
      }
      for (const ref of e.topK) {
        const got = topK(labels, scores, ref.k);
        close('topK.precision', got.precision, ref.precision, `${where} k=${ref.k}`);
        close('topK.recall', got.recall, ref.recall, `${where} k=${ref.k}`);
      }
      const ks = ksStatistic(labels, scores);
      close('ksStatistic (vs scipy ks_2samp)', ks.statistic, e.ks.statistic, where);
      close('ksStatistic.threshold', ks.threshold, e.ks.threshold, where);
    });

    test(`${where}: delongTest matches the O(m·n) Mann–Whitney kernel form`, () => {
      const got = delongTest(labels, scores, scoresB) as unknown as Record<string, number>;
      for (const key of Object.keys(e.delong)) close(`delongTest.${key}`, got[key], e.delong[key], where);
    });
  }
});

describe('multi-class metrics match scikit-learn 1.2.1', () => {
  for (const c of fixture.multiclass) {
    const { labels, predicted } = c as { labels: number[]; predicted: number[] };
    const sampleWeight: number[] | undefined = c.sampleWeight ?? undefined;
    const e = c.expected;
    const where = c.name;

    test(`${where}: confusion matrix, accuracy, balanced accuracy, MCC, kappa and log loss`, () => {
      const cm = confusionMatrix(labels, predicted, { sampleWeight });
      assert.deepEqual(cm.classes, e.confusionMatrix.classes);
      for (const [i, row] of cm.counts.entries()) closeArray('confusionMatrix', row, e.confusionMatrix.counts[i], where);
      close('accuracyScore (multi-class)', accuracyScore(labels, predicted, sampleWeight), e.accuracy, where);
      close(
        'balancedAccuracyScore (multi-class)',
        balancedAccuracyScore(labels, predicted, sampleWeight),
        e.balancedAccuracy,
        where,
      );
      close('matthewsCorrcoef (multi-class)', matthewsCorrcoef(labels, predicted, sampleWeight), e.mcc, where);
      close('cohenKappaScore (multi-class)', cohenKappaScore(labels, predicted, { sampleWeight }), e.kappa, where);
      close(
        'cohenKappaScore (linear)',
        cohenKappaScore(labels, predicted, { sampleWeight, weights: 'linear' }),
        e.kappaLinear,
        where,
      );
      close(
        'cohenKappaScore (quadratic)',
        cohenKappaScore(labels, predicted, { sampleWeight, weights: 'quadratic' }),
        e.kappaQuadratic,
        where,
      );
      close('multiClassLogLoss', multiClassLogLoss(labels, Matrix.fromRows(c.probabilities), sampleWeight), e.logLoss, where);
    });

    test(`${where}: macro, weighted and micro precision, recall, F1 and F2, and per-class scores`, () => {
      for (const average of ['macro', 'weighted', 'micro'] as const) {
        const options = { average, sampleWeight };
        close(
          `multiClassPrecision (${average})`,
          multiClassPrecision(labels, predicted, options),
          e[`precision_${average}`],
          where,
        );
        close(`multiClassRecall (${average})`, multiClassRecall(labels, predicted, options), e[`recall_${average}`], where);
        close(`multiClassF1 (${average})`, multiClassF1(labels, predicted, options), e[`f1_${average}`], where);
        close(`multiClassFBeta(2) (${average})`, multiClassFBeta(labels, predicted, 2, options), e[`f2_${average}`], where);
      }
      const per = precisionRecallFScoreSupport(labels, predicted, { sampleWeight });
      closeArray('precisionRecallFScoreSupport.precision', per.precision, e.perClass.precision, where);
      closeArray('precisionRecallFScoreSupport.recall', per.recall, e.perClass.recall, where);
      closeArray('precisionRecallFScoreSupport.fScore', per.fScore, e.perClass.fScore, where);
      closeArray('precisionRecallFScoreSupport.support', per.support, e.perClass.support, where);
    });
  }
});

test('normalCdf, normalSf and normalQuantile match scipy.stats.norm', () => {
  const { z, cdf, sf, p, ppf } = fixture.normal as Record<string, number[]>;
  z.forEach((x, i) => {
    close('normalCdf', normalCdf(x), cdf[i], `z=${x}`);
    close('normalSf', normalSf(x), sf[i], `z=${x}`);
    // Relative accuracy in the tails, where absolute differences say little.
    if (sf[i] > 0) assert.ok(Math.abs(normalSf(x) / sf[i] - 1) < 1e-12, `normalSf(${x}) relative error`);
  });
  for (const [i, q] of p.entries()) close('normalQuantile', normalQuantile(q), ppf[i], `p=${q}`);
});
