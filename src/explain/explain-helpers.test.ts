import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../core/matrix.js';
import type { CoefficientRow, CoefficientSummary } from '../models/linear/coefficient-summary.js';
import { describeFeature, isIndicatorName } from './feature-words.js';
import { groupImportances, rankImportances } from './importance.js';
import { describeOddsRatios, oddsRatioTable } from './odds-ratios.js';
import { meanAbsoluteContributions } from './shap-summary.js';

test('feature names read as plain words', () => {
  assert.equal(describeFeature('timeframe=0-3 months'), 'timeframe is 0-3 months');
  assert.equal(describeFeature('timeframe=__missing__'), 'timeframe not answered');
  assert.equal(describeFeature('job_title=__other__'), 'job title is an uncommon value');
  assert.equal(describeFeature('employees__missing'), 'employees unknown');
  assert.equal(describeFeature('events.pageType=pricing'), 'visits to pricing pages');
  assert.equal(describeFeature('path.slot1.pageType=resource'), 'touchpoint 1 was a resource page');
  assert.equal(describeFeature('tech_stack.has=sap'), 'tech stack includes sap');
  assert.equal(describeFeature('form.missingShare'), 'share of form questions left blank');
  assert.equal(describeFeature('email_opens'), 'email opens');
  assert.ok(isIndicatorName('timeframe=__missing__') && isIndicatorName('employees__missing'));
  assert.ok(!isIndicatorName('events.pageType=pricing') && !isIndicatorName('email_opens'));
});

const row = (feature: string, coefficient: number, se: number): CoefficientRow => ({
  feature,
  classIndex: 1,
  isIntercept: feature === '(intercept)',
  coefficient,
  standardError: se,
  z: coefficient / se,
  pValue: Math.abs(coefficient / se) > 3 ? 1e-5 : 0.4,
  lower: coefficient - 1.96 * se,
  upper: coefficient + 1.96 * se,
  oddsRatio: Math.exp(coefficient),
  oddsRatioLower: Math.exp(coefficient - 1.96 * se),
  oddsRatioUpper: Math.exp(coefficient + 1.96 * se),
  note: null,
});
const summary: CoefficientSummary = {
  rows: [
    row('timeframe=__missing__', -Math.log(4), 0.1),
    row('email_clicks', 0.3, 0.05),
    row('region=emea', 0.05, 0.2),
    row('(intercept)', -4, 0.1),
  ],
  confidenceLevel: 0.95,
  covariance: 'penalized',
  notes: [],
};

test('odds ratios become sentences for the significant effects, strongest first', () => {
  const sentences = describeOddsRatios(summary);
  assert.equal(sentences.length, 2);
  assert.match(
    sentences[0],
    /^Holding everything else constant, timeframe not answered divides the odds of converting by 4\.0 \(95% interval 3\.3–4\.9\)\.$/,
  );
  assert.match(sentences[1], /email clicks per unit more multiplies the odds of converting by 1\.3/);
  assert.match(describeOddsRatios(summary, { standardized: true })[1], /per standard deviation more/);
  const table = oddsRatioTable(summary);
  assert.deepEqual(
    table.map((r) => r.feature),
    ['timeframe=__missing__', 'email_clicks', 'region=emea'],
  );
  assert.equal(table[0]['odds ratio'], 0.25);
});

test('importances rank by size and sum per group', () => {
  const ranked = rankImportances(['a', 'b', 'c'], [0.2, 0.5, 0.3], 2);
  assert.deepEqual(
    ranked.map((r) => r.feature),
    ['b', 'c'],
  );
  assert.equal(ranked[0].share, 0.5);
  assert.deepEqual(groupImportances(['x', 'y', 'x'], [1, 2, 3]), [
    { group: 'x', importance: 4, share: 4 / 6 },
    { group: 'y', importance: 2, share: 2 / 6 },
  ]);
  assert.throws(() => rankImportances(['a'], [1, 2]), /1 feature names but 2 importances/);
});

test('the SHAP summary is the mean absolute and the mean signed contribution per feature', () => {
  const m = meanAbsoluteContributions(
    Matrix.fromRows([
      [1, -2],
      [-3, 2],
    ]),
  );
  assert.deepEqual([...m.meanAbs], [2, 2]);
  assert.deepEqual([...m.mean], [-1, 0]);
});
