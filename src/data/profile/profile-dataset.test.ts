import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeBuiltinDataset } from '../datasets/builtin/index.js';
import { datasetLabels } from '../datasets/dataset-labels.js';
import { loadDataset } from '../datasets/load-dataset.js';
import { presetConfig } from '../datasets/presets.js';
import { pathLengths } from '../events/path-lengths.js';
import { bestAchievableAuc } from './best-achievable-auc.js';
import { describeDataFindings } from './data-findings.js';
import { profileDataset } from './profile-dataset.js';
import { stageCounts } from './stage-counts.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-profile-'));
after(() => rmSync(root, { recursive: true, force: true }));
const summary = await writeBuiltinDataset(join(root, 'data', 'raw', 'builtin'), { leads: 3000, seed: 21, positiveRate: 0.05 });
const data = loadDataset('builtin', { root });
const labels = datasetLabels(data);
const profile = profileDataset(data.leads, data.config, { seed: 1 });

test('the profile counts rows and the class balance of the generated data', () => {
  assert.equal(profile.rows, 3000);
  assert.equal(profile.target?.positives, summary.positives);
  assert.equal(profile.target?.negatives, 3000 - summary.positives);
  assert.equal(
    labels.reduce((a, b) => a + b, 0),
    summary.positives,
  );
});

test('personal data is flagged by value pattern even when the config lists none', () => {
  const config = { ...presetConfig('builtin'), pii: [] };
  const unconfigured = profileDataset(data.leads, config, { seed: 1 });
  const found = new Map(unconfigured.pii.map((p) => [p.column, p]));
  assert.equal(found.get('email')?.category, 'email');
  assert.ok((found.get('email')?.share ?? 0) > 0.99);
  assert.equal(found.get('phone')?.category, 'phone');
  assert.ok(found.has('first_name') && found.has('last_name'));
  assert.ok(!found.has('company') && !found.has('job_title'), 'company and job title are not personal data');
});

test('the label time and funnel stage are leakage suspects; an honest column is not', () => {
  const suspects = new Map(profile.leakage.map((s) => [s.column, s]));
  assert.ok(suspects.get('accepted_at')?.configured);
  assert.ok(suspects.get('funnel_stage')?.configured);
  assert.ok(!suspects.has('timeframe'));
});

test('a column that copies the label is flagged by its AUC alone', () => {
  const leaky = data.leads.assign({
    rep_verdict: Array.from(labels, (y, i) => (y === 1 || i % 50 === 0 ? 'qualified' : 'not qualified')),
  });
  const suspects = profileDataset(leaky, data.config, { seed: 1 }).leakage;
  const verdict = suspects.find((s) => s.column === 'rep_verdict');
  assert.ok(verdict && !verdict.configured && (verdict.auc ?? 0) > 0.9, JSON.stringify(verdict));
});

test('path lengths leave out the events after acceptance', () => {
  const paths = pathLengths(data)!;
  const counted = paths.lengths.reduce((a, b) => a + b, 0);
  assert.equal(counted, summary.preAcceptanceEvents);
  assert.equal(paths.censoredEvents, summary.postAcceptanceEvents);
  assert.equal(paths.unmatchedEvents, 0);
  assert.equal(paths.leadsWithEvents, Array.from(paths.lengths).filter((n) => n > 0).length);
});

test('funnel stages come in funnel order and every accepted lead reached Action', () => {
  const stages = stageCounts(data, labels)!;
  assert.deepEqual(
    stages.map((s) => s.stage),
    ['Awareness', 'Interest', 'Decision', 'Action'],
  );
  const action = stages.find((s) => s.stage === 'Action')!;
  assert.equal(action.count, summary.positives);
  assert.equal(action.converted, summary.positives);
  assert.equal(
    stages.reduce((a, s) => a + s.count, 0),
    3000,
  );
});

test('the best achievable AUC is the AUC of the true probabilities', () => {
  assert.ok(Math.abs((bestAchievableAuc(data, labels) ?? 0) - summary.bayesRocAuc) < 1e-12);
});

test('the findings state the base rate, the leaking columns and the short paths in plain words', () => {
  const text = describeDataFindings({ profile, paths: pathLengths(data), stages: stageCounts(data, labels), bestAuc: 0.88 });
  assert.match(text, /of 3,000 leads converted/);
  assert.match(text, /`accepted_at`/);
  assert.match(text, /Paths are short\.\*\* \d+(\.\d)?% of the [\d,]+ tracked leads have fewer than 5 touchpoints/);
  assert.match(text, /ROC-AUC 0\.880/);
  assert.match(text, /Personal data/);
});

const projectRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const xEducation = join(projectRoot, '..', 'shared', 'data', 'x-education-leads.csv');

test('x-education: 9,240 leads at 38.5% converted, with Tags and Lead Quality among the leakage suspects', {
  skip: existsSync(xEducation) ? false : `needs ${xEducation}`,
}, () => {
  const x = loadDataset(xEducation, { config: 'x-education' });
  const p = profileDataset(x.leads, x.config);
  assert.equal(p.rows, 9240);
  assert.equal(p.target?.positives, 3561);
  assert.equal(Math.round((p.target?.rate ?? 0) * 1000) / 10, 38.5);
  const suspects = p.leakage.map((s) => s.column);
  assert.ok(suspects.includes('Tags') && suspects.includes('Lead Quality'), suspects.join(', '));
  assert.equal(suspects[0], 'Tags', 'Tags leaks the most');
  const missingAsLevel = p.columns.find((c) => c.name === 'Specialization')!;
  assert.ok(missingAsLevel.missingRate > 0.3, '"Select" is read as missing');
});
