import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeBuiltinDataset } from '../data/datasets/builtin/index.js';
import { cli } from './test-support/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-compare-'));
after(() => rmSync(root, { recursive: true, force: true }));
await writeBuiltinDataset(join(root, 'data', 'raw', 'builtin'), { leads: 2500, seed: 8, positiveRate: 0.05 });

const run = (...extra: string[]) =>
  cli(
    'compare',
    '--dataset',
    'builtin',
    '--root',
    root,
    '--models',
    'lr,rules',
    '--samplers',
    'none,weights',
    '--cv',
    '3',
    '--seed',
    '5',
    ...extra,
  );

test('compare prints the leaderboard of the development part, the champion, the hold-out and the ceiling', async () => {
  const json = join(root, 'compare.json');
  const save = join(root, 'experiment');
  const result = await run('--json', json, '--save', save);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /Leaderboard: builtin, 3-fold CV on the development part \(2,000 of 2,500 leads, \d+ converted\)/);
  assert.match(result.stdout, /Champion: /);
  assert.match(result.stdout, /Hold-out \(500 leads, \d+ converted\): ROC-AUC 0\.\d{4}/);
  assert.match(result.stdout, /Best achievable ROC-AUC on the hold-out \(true probabilities\): 0\.\d{4}/);
  const summary = JSON.parse(readFileSync(json, 'utf8'));
  // Logistic regression with and without class weights; the fixed rule-based score once.
  assert.deepEqual(summary.leaderboard.map((r: { model: string; strategy: string }) => `${r.model}×${r.strategy}`).sort(), [
    'lr×none',
    'lr×weights',
    'rules×none',
  ]);
  const aucs = summary.leaderboard.map((r: { rocAuc: { mean: number } }) => r.rocAuc.mean);
  assert.deepEqual(
    aucs,
    [...aucs].sort((a, b) => b - a),
    'sorted by mean ROC-AUC',
  );
  assert.equal(summary.holdout.rows, 500);
  assert.equal(
    summary.champion.model,
    summary.leaderboard[0].model,
    'the best mean ROC-AUC wins (nothing simpler within one SE)',
  );
  assert.equal(summary.dataset.rows, 2500);
  assert.ok(summary.bestAchievableAuc > 0.5 && summary.bestAchievableAuc <= 1);
  assert.ok(existsSync(join(save, 'experiment.json')), 'the experiment is saved for export');
  // Same seed, same result.
  const again = join(root, 'again.json');
  assert.equal((await run('--json', again)).code, 0);
  const strip = (s: Record<string, unknown>) => ({
    ...s,
    seconds: 0,
    leaderboard: (s.leaderboard as Record<string, unknown>[]).map((r) => ({ ...r, fitSeconds: 0 })),
  });
  assert.deepEqual(strip(JSON.parse(readFileSync(again, 'utf8'))), strip(summary));
});

test('compare refuses bad options before the long run, with exit 2 and the problem named', async () => {
  const bad = async (pattern: RegExp, ...args: string[]) => {
    const r = await run(...args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  };
  await bad(/xgb/, '--models', 'lr,xgb');
  await bad(/smotey/, '--samplers', 'smotey');
  await bad(/--cv/, '--cv', '1');
  await bad(/--split/, '--split', 'weekly');
  await bad(
    /--threshold precision:80: minPrecision is 80; it must be a share between 0 and 1 \(0\.8 for 80%\)/,
    '--threshold',
    'precision:80',
  );
  await bad(/--threshold expects f1, f:<beta>/, '--threshold', 'precision');
  const missing = await cli('compare', '--dataset', join(root, 'nowhere.csv'), '--config', 'x-education');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nowhere\.csv/);
});

test('compare --save, export and score chain from the command line; export refuses to overwrite without --force', async () => {
  const save = join(root, 'chain-experiment');
  assert.equal((await run('--save', save)).code, 0);
  const out = join(root, 'models', 'builtin-lead-score', '1.2.0');
  const exported = await cli('export', '--from', save, '--out', out);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /exported builtin-lead-score@1\.2\.0 /);
  for (const file of ['manifest.json', 'model-card.md', 'model.json', 'policy.json', 'input-schema.json'])
    assert.ok(existsSync(join(out, file)), file);
  const again = await cli('export', '--from', save, '--out', out);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /--force|exists/);
  assert.equal((await cli('export', '--from', save, '--out', out, '--force')).code, 0);
  const missing = await cli('export', '--from', join(root, 'no-experiment'), '--out', join(root, 'models', 'x', '1'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no-experiment/);
  const scored = join(root, 'scored.csv');
  const raw = join(root, 'data', 'raw', 'builtin');
  const score = await cli(
    'score',
    '--model',
    out,
    '--input',
    join(raw, 'leads.csv'),
    '--events',
    join(raw, 'events.csv'),
    '--out',
    scored,
  );
  assert.equal(score.code, 0, score.stderr);
  const lines = readFileSync(scored, 'utf8').trim().split('\n');
  assert.equal(lines.length, 2501, 'a header and one line per lead');
  assert.match(lines[1], /,builtin-lead-score@1\.2\.0,/);
});
