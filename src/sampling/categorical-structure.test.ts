import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { Rng } from '../core/rng.js';
import { writeBuiltinDataset } from '../data/datasets/builtin/index.js';
import { datasetLabels } from '../data/datasets/dataset-labels.js';
import { loadDataset } from '../data/datasets/load-dataset.js';
import type { FeatureSpec } from '../features/feature-spec.js';
import { FeaturePipeline } from '../features/pipeline.js';
import { assertCategoricalStructure, categoricalGroupsFromNames, categoricalGroupsFromSpec } from './categorical-structure.js';
import { SmoteNc } from './smote-nc.js';

const NAMES = [
  'region=emea', // 0
  'region=apac', // 1
  'region=__missing__', // 2
  'employees', // 3
  'employees__missing', // 4
  'tech_stack.has=aws', // 5
  'tech_stack.has=jira', // 6
  'tech_stack.count', // 7
  'created.day=Mon', // 8
  'created.day=Tue', // 9
  'events.type=page_view', // 10
  'events.type=other', // 11
  'newsletter_opt_in', // 12
  'path.slot1.channel=email', // 13
  'path.slot1.channel=google', // 14
];
const GROUPS = [
  'region',
  'region',
  'region',
  'employees',
  'employees',
  'tech_stack',
  'tech_stack',
  'tech_stack',
  'time',
  'time',
  'events',
  'events',
  'newsletter_opt_in',
  'path',
  'path',
];
const ROWS = [
  [1, 0, 0, 120, 0, 1, 1, 2, 1, 0, 1.79, 0, 1, 1, 0],
  [0, 1, 0, -1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
  [0, 0, 1, 30, 0, 1, 0, 1, 0, 0, 0.69, 0, 1, 0, 0],
];

test('categoricalGroupsFromNames: one-hot groups by `<group>=<level>`, binaries by `__missing` and `.has=`', () => {
  assert.deepEqual(categoricalGroupsFromNames(NAMES, GROUPS), { oneHotGroups: [[0, 1, 2]], binaryColumns: [4, 5, 6] });
});

test('categoricalGroupsFromNames: with the matrix, 0/1 prefix groups with one hot at most are one-hot and other 0/1 columns binary', () => {
  const found = categoricalGroupsFromNames(NAMES, GROUPS, Matrix.fromRows(ROWS));
  assert.deepEqual(found.oneHotGroups, [
    [0, 1, 2],
    [8, 9],
    [13, 14],
  ]);
  // events.type=other is all 0 but its prefix holds counts: binary, not a one-hot group; page_view stays continuous.
  assert.deepEqual(found.binaryColumns, [4, 5, 6, 11, 12]);
});

test('categoricalGroupsFromNames: a prefix whose columns are hot together is not a one-hot group', () => {
  const rows = ROWS.map((r) => [...r]);
  rows[0][14] = 1;
  const found = categoricalGroupsFromNames(NAMES, GROUPS, Matrix.fromRows(rows));
  assert.deepEqual(found.oneHotGroups, [
    [0, 1, 2],
    [8, 9],
  ]);
  assert.deepEqual(found.binaryColumns, [4, 5, 6, 11, 12, 13, 14]);
});

test('categoricalGroupsFromSpec: Yes/No columns are binary by their encoding, without the matrix', () => {
  const spec = {
    features: { names: NAMES, groups: GROUPS },
    columns: [{ type: 'boolean', column: 'newsletter_opt_in', indicator: false }],
  } as unknown as FeatureSpec;
  assert.deepEqual(categoricalGroupsFromSpec(spec), { oneHotGroups: [[0, 1, 2]], binaryColumns: [4, 5, 6, 12] });
});

test('categoricalGroupsFromNames and assertCategoricalStructure refuse inconsistent input', () => {
  assert.throws(() => categoricalGroupsFromNames(NAMES, GROUPS.slice(1)), InputError);
  assert.throws(() => categoricalGroupsFromNames(NAMES, GROUPS, Matrix.fromRows([[1, 2]])), InputError);
  assert.throws(() => assertCategoricalStructure({ oneHotGroups: [[1, 2]], binaryColumns: [2] }, 'test'), ConfigError);
  assert.throws(() => assertCategoricalStructure({ oneHotGroups: [[-1]], binaryColumns: [] }, 'test'), ConfigError);
});

const root = mkdtempSync(join(tmpdir(), 'leadstack-sampling-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('categoricalGroupsFromSpec on a fitted pipeline: SmoteNc keeps every one-hot group and indicator exact', async () => {
  await writeBuiltinDataset(join(root, 'data', 'raw', 'builtin'), { leads: 1500, seed: 4, positiveRate: 0.08 });
  const data = loadDataset('builtin', { root });
  const { pipeline, train } = FeaturePipeline.fitTransform(data, { seed: 1, pathSlots: { maxSlots: 2 }, termVocabulary: 5 });
  const X = train.matrix;
  const structure = categoricalGroupsFromSpec(pipeline.spec, X);
  const names = pipeline.featureNames;
  const regionGroup = structure.oneHotGroups.find((g) => names[g[0]].startsWith('region='));
  assert.ok(regionGroup?.every((j) => names[j].startsWith('region=')));
  assert.ok(structure.oneHotGroups.some((g) => names[g[0]].startsWith('created.day=')));
  assert.ok(structure.binaryColumns.some((j) => names[j].endsWith('__missing')));
  const y = Int32Array.from(datasetLabels(data));
  assert.ok(y.reduce((a, b) => a + b, 0) > 10);
  const out = new SmoteNc({ ...structure, samplingStrategy: 0.3 }).fitResample(X, y, new Rng(2));
  assert.ok(out.X.rows > X.rows);
  for (let r = X.rows; r < out.X.rows; r++) {
    for (const group of structure.oneHotGroups) {
      const values = group.map((j) => out.X.get(r, j));
      const sum = values.reduce((a, b) => a + b, 0);
      assert.ok(values.every((v) => v === 0 || v === 1) && sum <= 1, `row ${r}: ${names[group[0]]} group holds ${values}`);
    }
    for (const j of structure.binaryColumns) assert.ok(out.X.get(r, j) === 0 || out.X.get(r, j) === 1, names[j]);
  }
});
