import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SerializationError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { recordAt } from '../data/datasets/lead-records.js';
import { CompiledPolicy } from '../evaluation/decision-policy.js';
import { treeShap } from '../explain/tree-shap.js';
import type { HasTreeEnsemble } from '../models/tree/tree-ensemble-view.js';
import { exportArtifact } from './export-artifact.js';
import { loadArtifact } from './load-artifact.js';
import { Scorer } from './scorer.js';
import { buildArtifact } from './test-support/build-artifact.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-artifact-'));
after(() => rmSync(root, { recursive: true, force: true }));
const { dataset, experiment, dir } = await buildArtifact(root);
const scorer = await Scorer.load(dir);

test('the folder holds every part with a checksum, and a model card', () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.format, 'leadstack-model');
  assert.equal(manifest.modelVersion, 'demo@1.0.0');
  for (const file of [
    'feature-spec.json',
    'model.json',
    'policy.json',
    'explainer.json',
    'input-schema.json',
    'training.json',
    'model-card.md',
  ]) {
    assert.match(manifest.files[file], /^[0-9a-f]{64}$/, file);
  }
  const card = readFileSync(join(dir, 'model-card.md'), 'utf8');
  for (const section of ['## Intended use', '## Quality', '## Decision policy', '## Limits', '## Fairness and privacy'])
    assert.ok(card.includes(section), section);
  const training = JSON.parse(readFileSync(join(dir, 'training.json'), 'utf8'));
  assert.match(training.dataHash.leads, /^[0-9a-f]{64}$/);
  assert.equal(training.rows, 2500);
  assert.ok(training.dateRange.from < training.dateRange.to);
});

test('scores from the reloaded artifact equal the in-memory model, lead by lead', () => {
  const rows = Int32Array.from({ length: 200 }, (_, i) => i * 7);
  const expected = new CompiledPolicy(experiment.policy).calibrate(experiment.final.predictRows(rows));
  const results = scorer.scoreMany(
    Array.from(rows, (r) => recordAt(dataset, r)),
    { reasons: 0 },
  );
  assert.deepEqual(
    results.map((r) => r.probability),
    [...expected],
  );
  for (const r of results) {
    assert.equal(r.score, Math.round(100 * r.probability));
    assert.match(r.grade, /^[A-D]$/);
    assert.equal(r.route, r.probability >= experiment.policy.threshold ? 'sales' : 'nurture');
    assert.equal(r.modelVersion, 'demo@1.0.0');
  }
});

test('each lead gets reasons in plain words whose points add up to its distance from the reference lead', () => {
  const lead = recordAt(dataset, 11);
  const r = scorer.score(lead.lead, lead.events, { reasons: 50 });
  const total = [...r.reasons.positive, ...r.reasons.negative].reduce((a, x) => a + x.points, 0);
  const gap = 100 * r.probability - scorer.referenceScore;
  assert.ok(Math.abs(total - gap) < 0.5, `${total} vs ${gap}`);
  for (const text of r.reasons.text) assert.match(text, /[+−]\d+(\.\d\d?)? points?\)?$/);
  assert.ok(!JSON.stringify(r).includes(String(lead.lead.email)), 'no personal data in the result');
});

test('the reference lead is the one whose contributions are all zero: the expected output of the model, calibrated', () => {
  const model = scorer.artifact.model as unknown as HasTreeEnsemble;
  const view = model.treeEnsemble();
  const raw = treeShap(model, new Matrix(1, view.nFeatures)).expectedValue[0];
  const p = view.output === 'probability' ? raw : 1 / (1 + Math.exp(-raw));
  assert.equal(scorer.referenceScore, 100 * new CompiledPolicy(experiment.policy).calibrate([p])[0]);
});

test('every lead gets reasons, a positive one adding points and a negative one taking them away', () => {
  let withReasons = 0;
  for (let i = 0; i < 200; i++) {
    const lead = recordAt(dataset, i);
    const r = scorer.score(lead.lead, lead.events);
    assert.ok(r.reasons.positive.every((x) => x.points > 0) && r.reasons.negative.every((x) => x.points < 0), `lead ${i}`);
    if (r.reasons.text.length > 0) withReasons++;
  }
  assert.equal(withReasons, 200);
});

test('a changed, missing or extra file is refused with the file named', async () => {
  const copy = (name: string): string => {
    const target = join(root, 'tamper', name);
    cpSync(dir, target, { recursive: true });
    return target;
  };
  const changed = copy('changed');
  const model = join(changed, 'model.json');
  writeFileSync(model, readFileSync(model, 'utf8').replace(/"kind"/, ' "kind"'));
  await assert.rejects(
    loadArtifact(changed),
    (e: Error) => e instanceof SerializationError && /model\.json: was changed after export/.test(e.message),
  );
  const missing = copy('missing');
  rmSync(join(missing, 'policy.json'));
  await assert.rejects(loadArtifact(missing), /policy\.json: is missing/);
  const extra = copy('extra');
  appendFileSync(join(extra, 'backdoor.js'), 'x');
  await assert.rejects(loadArtifact(extra), /files the manifest does not list: backdoor\.js/);
  const future = copy('future');
  const manifest = JSON.parse(readFileSync(join(future, 'manifest.json'), 'utf8'));
  writeFileSync(join(future, 'manifest.json'), JSON.stringify({ ...manifest, formatVersion: 99 }));
  await assert.rejects(loadArtifact(future), /format version 99 is not supported/);
  await assert.rejects(loadArtifact(join(root, 'nowhere')), /not a leadstack model folder/);
});

test('bad leads are refused with every offending field named', () => {
  const lead = recordAt(dataset, 3);
  const problems = scorer.validate({
    lead: { ...lead.lead, employees: 'lots', created_at: 'yesterday', company: { name: 'x' } },
    events: [{ timestamp: 'soon' }],
  });
  const fields = problems.map((p) => p.field).sort();
  assert.deepEqual(fields, ['company', 'created_at', 'employees', 'events[0].timestamp']);
  assert.throws(() => scorer.score({ ...lead.lead, employees: 'lots' }), /lead 1: employees: expected a number, got "lots"/);
  assert.deepEqual(scorer.validate({ lead: 'not an object' as never }), [
    { field: 'lead', message: 'expected an object of field → value' },
  ]);
  assert.deepEqual(
    scorer.validate({ lead: { ...lead.lead, employees: 'N/A', timeframe: 'Select' } }),
    [],
    'placeholders are missing values, not errors',
  );
});

test('export refuses to overwrite a version and checks names', async () => {
  await assert.rejects(exportArtifact(join(root, 'exp-demo'), dir, { name: 'demo', version: '1.0.0' }), /exists already/);
  await assert.rejects(
    exportArtifact(join(root, 'exp-demo'), join(root, 'x'), { name: 'bad name!', version: '1' }),
    /model name "bad name!"/,
  );
  assert.ok(!readdirSync(join(root, 'models', 'demo')).some((f) => f.includes('.tmp-')));
});

test('a rule-based champion is packaged and scored from raw fields and events', async () => {
  const rulesRoot = join(root, 'rules');
  const built = await buildArtifact(rulesRoot, { models: ['rules'], name: 'rules' });
  const rules = await Scorer.load(built.dir);
  assert.equal(rules.artifact.manifest.input, 'rules');
  const lead = recordAt(built.dataset, 4);
  const r = rules.score(lead.lead, lead.events);
  assert.ok(r.probability > 0 && r.probability < 1);
  assert.equal(r.modelVersion, 'rules@1.0.0');
});
