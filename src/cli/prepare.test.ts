import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseCsv } from '../data/csv/parse-csv.js';
import { writeBuiltinDataset } from '../data/datasets/builtin/index.js';
import { readPreparedPart } from '../features/prepared-data.js';
import { cli } from './test-support/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-prepare-'));
after(() => rmSync(root, { recursive: true, force: true }));
await writeBuiltinDataset(join(root, 'data', 'raw', 'builtin'), { leads: 2500, seed: 8, positiveRate: 0.05 });

test('prepare fits on the training part and writes matrices, names, spec and manifest', async () => {
  const out = join(root, 'prepared');
  const result = await cli('prepare', '--dataset', 'builtin', '--root', root, '--out', out, '--json', '--seed', '4');
  assert.equal(result.code, 0, result.stderr);
  const summary = JSON.parse(result.stdout);
  assert.deepEqual([summary.split.trainRows, summary.split.testRows], [2000, 500]);
  assert.ok(summary.features > 100);
  assert.ok(
    summary.excluded.some((e: { column: string; reason: string }) => e.column === 'email' && e.reason === 'personal data'),
  );
  const spec = JSON.parse(readFileSync(join(out, 'feature-spec.json'), 'utf8'));
  assert.equal(spec.training.rows, 2000, 'the spec learned from the training part only');
  const train = readPreparedPart(out, 'train');
  const test = readPreparedPart(out, 'test');
  assert.equal(train.matrix.rows, 2000);
  assert.equal(test.matrix.cols, summary.features);
  assert.equal(new Set([...train.ids, ...test.ids]).size, 2500);
  assert.ok(!existsSync(`${out}.tmp-${process.pid}`));
});

test('prepare writes CSV on request and splits by date', async () => {
  const out = join(root, 'by-date');
  const result = await cli(
    'prepare',
    '--dataset',
    'builtin',
    '--root',
    root,
    '--out',
    out,
    '--split',
    'date:2025-07-01',
    '--format',
    'csv',
    '--json',
  );
  assert.equal(result.code, 0, result.stderr);
  const summary = JSON.parse(result.stdout);
  assert.equal(summary.split.kind, 'date');
  const { header, columns } = parseCsv(readFileSync(join(out, 'train.csv')));
  assert.equal(header.at(-1), '__label');
  assert.equal(header.length, summary.features + 1);
  assert.equal(columns[0].length, summary.split.trainRows);
});

test('bad options and configs exit with 2 and name the problem', async () => {
  const bad = async (pattern: RegExp, ...args: string[]) => {
    const r = await cli('prepare', '--root', root, '--out', join(root, 'never'), ...args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.ok(!existsSync(join(root, 'never')));
  };
  await bad(/--split expects date:YYYY-MM-DD or none/, '--dataset', 'builtin', '--split', 'weekly');
  await bad(/names column "Tagz", which the leads do not have/, '--dataset', 'builtin', '--allow-leakage', 'Tagz');
  await bad(/expected an ISO date/, '--dataset', 'builtin', '--split', 'date:yesterday');
  await bad(/--format must be binary or csv/, '--dataset', 'builtin', '--format', 'parquet');
  const taxonomy = join(root, 'taxonomy.json');
  writeFileSync(taxonomy, '{"version": 1, "pageTypes": [{"name": "docs"}], "themes": []}');
  await bad(/pageTypes\[0\]\.keywords must be a list/, '--dataset', 'builtin', '--taxonomy', taxonomy);
});

test("prepare works on a user's own CSV export with a dataset config", async () => {
  const rows = ['Lead ID,Status,Source,Employees,Timeframe,Email'];
  for (let i = 0; i < 400; i++) {
    const won = i % 5 === 0;
    rows.push(
      [
        `X${i}`,
        won ? 'Won' : 'Lost',
        ['Google', 'google ', 'LinkedIn', 'Event'][i % 4],
        i % 7 === 0 ? 'Select' : String(10 + (i % 50) * (won ? 20 : 3)),
        i % 3 === 0 ? '' : won || i % 4 === 0 ? '0-3 months' : ['No plan', '6-12 months'][i % 2],
        `person${i}@example.com`,
      ].join(','),
    );
  }
  writeFileSync(join(root, 'crm.csv'), `${rows.join('\n')}\n`);
  const config = {
    name: 'crm',
    target: { column: 'Status', positive: 'won' },
    id: 'Lead ID',
    caseFold: ['Source'],
    formFields: ['Timeframe'],
  };
  writeFileSync(join(root, 'crm.json'), JSON.stringify(config));
  const out = join(root, 'crm-prepared');
  const result = await cli(
    'prepare',
    '--dataset',
    join(root, 'crm.csv'),
    '--config',
    join(root, 'crm.json'),
    '--out',
    out,
    '--json',
  );
  assert.equal(result.code, 0, result.stderr);
  const summary = JSON.parse(result.stdout);
  assert.equal(summary.split.trainRows + summary.split.testRows, 400);
  const names: string[] = JSON.parse(readFileSync(join(out, 'features.json'), 'utf8')).names;
  assert.ok(names.includes('Source=google') && !names.includes('Source=Google'), 'Google and google are one source');
  assert.ok(names.includes('Employees__missing') && names.includes('form.missingShare'));
  assert.ok(
    summary.excluded.some((e: { column: string; reason: string }) => e.column === 'Email' && e.reason === 'personal data'),
  );
});
