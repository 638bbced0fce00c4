import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classBalanceChart } from './class-balance-chart.js';
import { conversionByLevelChart } from './conversion-by-level-chart.js';
import { figureToHtml, figureToStandaloneHtml } from './figure-html.js';
import { leakageChart } from './leakage-chart.js';
import { missingConversionChart, missingnessChart } from './missingness-chart.js';
import { numericByClassChart } from './numeric-by-class-chart.js';
import { pathLengthChart, pathLengthQuantile } from './path-length-chart.js';

test('classBalanceChart labels each bar with its count and share', () => {
  const fig = classBalanceChart([
    { label: 'not accepted', count: 990, positive: false },
    { label: 'accepted', count: 10, positive: true },
  ]);
  assert.deepEqual(fig.data[0].y, [990, 10]);
  assert.deepEqual(fig.data[0].text, ['990 (99%)', '10 (1.0%)']);
});

test('missingnessChart drops complete columns and puts the most-missing column on top', () => {
  const fig = missingnessChart([
    { column: 'a', missingShare: 0.1 },
    { column: 'b', missingShare: 0 },
    { column: 'c', missingShare: 0.9 },
  ]);
  assert.deepEqual(fig.data[0].y, ['a', 'c']);
  assert.deepEqual(fig.data[0].x, [10, 90]);
});

test('missingConversionChart orders columns by the gap between missing and present rates', () => {
  const fig = missingConversionChart(
    [
      { column: 'small gap', missingShare: 0.5, rateWhenMissing: 0.1, rateWhenPresent: 0.12 },
      { column: 'big gap', missingShare: 0.5, rateWhenMissing: 0.01, rateWhenPresent: 0.3 },
      { column: 'never missing', missingShare: 0 },
    ],
    0.2,
  );
  assert.deepEqual(fig.data[0].x, ['big gap', 'small gap']);
  assert.deepEqual(fig.data[0].y, [1, 10]);
});

test('conversionByLevelChart sorts levels by rate and colours those above the base rate', () => {
  const fig = conversionByLevelChart(
    'source',
    [
      { level: 'ads', count: 100, rate: 0.05 },
      { level: 'referral', count: 20, rate: 0.4 },
    ],
    0.1,
  );
  assert.deepEqual(fig.data[0].x, ['referral', 'ads']);
  const colors = (fig.data[0].marker as { color: string[] }).color;
  assert.notEqual(colors[0], colors[1]);
});

test('numericByClassChart splits values by class and counts the missing ones', () => {
  const fig = numericByClassChart('visits', [1, 2, null, 4, Number.NaN], [1, 0, 1, 1, 0]);
  assert.deepEqual(fig.data[0].x, [2]);
  assert.deepEqual(fig.data[1].x, [1, 4]);
  assert.match(String((fig.layout.title as { text: string }).text), /2 missing not shown/);
});

test('leakageChart marks configured post-outcome columns', () => {
  const fig = leakageChart(
    [
      { column: 'Tags', auc: 0.95, postOutcome: true },
      { column: 'Visits', auc: 0.6, postOutcome: false },
    ],
    0.8,
  );
  assert.deepEqual(fig.data[0].y, ['Visits', 'Tags']);
});

test('pathLengthQuantile returns the length covering the share of paths', () => {
  assert.equal(pathLengthQuantile([1, 1, 2, 2, 3, 3, 4, 4, 5, 20], 0.9), 5);
  assert.equal(pathLengthQuantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5), 5);
});

test('pathLengthChart reports the share under five steps and caps long paths', () => {
  const fig = pathLengthChart([0, 1, 1, 2, 3, 4, 4, 6, 8, 50], 'Paths', 10);
  assert.match(String((fig.layout.title as { text: string }).text), /70% under 5 steps; 90% within 8/);
  const y = fig.data[0].y as number[];
  assert.equal(y[10], 1);
  assert.equal((fig.data[1].y as number[])[10], 100);
});

test('figure HTML escapes closing tags inside the data and the standalone page loads plotly', () => {
  const fig = classBalanceChart([{ label: '</script><b>', count: 1, positive: true }]);
  const html = figureToHtml(fig, { id: 'x' });
  assert.ok(!html.includes('</script><b>'));
  const page = figureToStandaloneHtml(fig, { plotly: { src: 'plotly.min.js' } });
  assert.match(page, /<script src="plotly.min.js"><\/script>/);
});
