import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Rng } from '../core/rng.js';
import { loadDataset } from '../data/datasets/load-dataset.js';
import { guardLeakage } from './leakage-guard.js';
import { guardPersonalData } from './pii-guard.js';
import { FeaturePipeline } from './pipeline.js';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const xPath = join(projectRoot, '..', 'shared', 'data', 'x-education-leads.csv');
const skip = existsSync(xPath) ? false : `needs ${xPath}`;

test('a column that gives the outcome away is excluded and reported; allowing it includes it and says so', () => {
  const rng = new Rng(2);
  const labels = Int8Array.from({ length: 1000 }, () => (rng.bernoulli(0.3) ? 1 : 0));
  const verdict = Array.from(labels, (y) => (y === 1 ? 'won' : rng.bernoulli(0.05) ? 'won' : 'lost'));
  const honest = Array.from(labels, () => rng.pick(['a', 'b', 'c']));
  const candidates = [
    { name: 'verdict', kind: 'categorical' as const, values: verdict, configured: false },
    { name: 'source', kind: 'categorical' as const, values: honest, configured: false },
    { name: 'stage', kind: 'categorical' as const, values: honest, configured: true, configuredAs: 'funnel stage' },
  ];
  const strict = guardLeakage(candidates, labels, { threshold: 0.9, allow: new Set(), seed: 0 });
  assert.deepEqual(
    strict.excluded.map((e) => [e.column, e.reason]),
    [
      ['verdict', 'leakage'],
      ['stage', 'funnel stage'],
    ],
  );
  assert.ok(strict.findings.find((f) => f.column === 'verdict')!.auc! > 0.9);
  const allowed = guardLeakage(candidates, labels, { threshold: 0.9, allow: new Set(['verdict']), seed: 0 });
  assert.deepEqual(
    allowed.excluded.map((e) => e.column),
    ['stage'],
  );
  assert.equal(allowed.findings.find((f) => f.column === 'verdict')!.included, true);
});

test('personal data is found by name and by value even when not configured', () => {
  const excluded = guardPersonalData(
    [
      { name: 'Contact', kind: 'text', values: Array.from({ length: 50 }, (_, i) => `person${i}@acme.com`) },
      { name: 'Mobile', kind: 'text', values: Array.from({ length: 50 }, (_, i) => `+44 20 7946 ${1000 + i}`) },
      { name: 'Industry', kind: 'categorical', values: Array.from({ length: 50 }, (_, i) => ['Retail', 'Banking'][i % 2]) },
    ],
    [],
  );
  assert.deepEqual(
    excluded.map((e) => e.column),
    ['Contact', 'Mobile'],
  );
});

test('x-education: the honest feature set has no leaking column; with the opt-in Tags and Lead Quality are flagged', {
  skip,
}, () => {
  const data = loadDataset(xPath, { config: 'x-education' });
  const honest = FeaturePipeline.fit(data).spec;
  assert.deepEqual(
    honest.leakage.filter((f) => f.included),
    [],
  );
  for (const column of ['Tags', 'Lead Quality', 'Last Activity', 'Last Notable Activity']) {
    assert.equal(honest.excluded.find((e) => e.column === column)?.reason, 'post-outcome', column);
    assert.ok(!honest.features.names.some((n) => n.startsWith(`${column}=`) || n.startsWith(`${column}__`)), column);
  }
  const allow = ['Tags', 'Lead Quality'];
  const optedIn = FeaturePipeline.fit(data, { leakage: { allow } }).spec;
  assert.deepEqual(optedIn.optIns.leakage, ['Lead Quality', 'Tags']);
  const flagged = optedIn.leakage.filter((f) => f.included).map((f) => f.column);
  assert.deepEqual(flagged.sort(), allow.sort());
  assert.ok(optedIn.leakage.find((f) => f.column === 'Tags')!.reasons.some((r) => r.startsWith('AUC')));
  assert.ok(optedIn.features.names.some((n) => n.startsWith('Tags=')));
});
