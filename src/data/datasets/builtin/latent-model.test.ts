import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../../core/rng.js';
import type { FormAnswers } from './form-answers.js';
import { acceptanceProbability, answersLogit, meanProbability, NOISE_SD, pathLogit, solveIntercept } from './latent-model.js';
import { makePathSummary, type PathSummary } from './path-summary.js';
import { MISSING } from './taxonomy.js';

function riemannMean(eta: number): number {
  let sum = 0;
  const h = 0.0005;
  for (let z = -10; z <= 10; z += h)
    sum += (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) / (1 + Math.exp(-(eta + NOISE_SD * z)))) * h;
  return sum;
}

test('acceptanceProbability integrates the noise out: matches a fine Riemann sum and is increasing', () => {
  for (const eta of [-30, -12.345, -7.77, -4.001, -1.5, 0, 0.013, 3.3]) {
    const reference = riemannMean(eta);
    assert.ok(Math.abs(acceptanceProbability(eta) / reference - 1) < 1e-4, `eta ${eta}`);
  }
  let previous = 0;
  for (let eta = -60; eta <= 60; eta += 0.0137) {
    const p = acceptanceProbability(eta);
    // Strictly increasing wherever 1 - p is still representable; never decreasing.
    assert.ok(eta < 20 ? p > previous : p >= previous, `eta ${eta}`);
    assert.ok(p <= 1, `eta ${eta}`);
    previous = p;
  }
});

test('solveIntercept finds the intercept whose mean probability is the requested rate', () => {
  const rng = new Rng(1);
  const etas = Float64Array.from({ length: 5000 }, () => rng.normal(0, 2));
  for (const rate of [0.001, 0.01, 0.385, 0.9]) {
    const intercept = solveIntercept(etas, rate);
    assert.ok(Math.abs(meanProbability(etas, intercept) - rate) < 1e-9, `rate ${rate}`);
  }
});

function path(fields: Partial<PathSummary>): PathSummary {
  return Object.assign(makePathSummary(), { steps: 4, sessions: 2, totalSeconds: 300, lastS: 0 }, fields);
}

test('path order matters: resources first and decision pages later beat the reverse', () => {
  const forward = path({ downloads: 1, pricingViews: 1, firstResourceStep: 0, firstDecisionStep: 2 });
  const reverse = path({ downloads: 1, pricingViews: 1, firstResourceStep: 2, firstDecisionStep: 0 });
  assert.ok(pathLogit(forward) - pathLogit(reverse) > 0.5);
  assert.ok(pathLogit(path({ demoRequests: 1, firstDecisionStep: 1 })) > pathLogit(path({ careerViews: 2 })) + 1.5);
  assert.equal(pathLogit(makePathSummary()), 0);
});

test('a skipped time frame is strongly negative and "0-3 months" strongly positive', () => {
  const form = (timeframe: number): FormAnswers => ({
    timeframe,
    budget: MISSING,
    useCase: MISSING,
    emailOpens: 0,
    emailClicks: 0,
    newsletter: false,
    text: { timeframe: '', budget: '', useCase: '' },
  });
  const missing = answersLogit(form(MISSING));
  assert.ok(answersLogit(form(0)) - missing > 2);
  for (const answered of [0, 1, 2]) assert.ok(answersLogit(form(answered)) > missing + 0.5);
});
