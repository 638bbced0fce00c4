import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildArtifact } from '../artifact/test-support/build-artifact.js';
import { parseCsv } from '../data/csv/parse-csv.js';
import { cli } from './test-support/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-score-'));
after(() => rmSync(root, { recursive: true, force: true }));
const { dir } = await buildArtifact(root);
const leadsCsv = readFileSync(join(root, 'data', 'raw', 'builtin', 'leads.csv'), 'utf8');
const eventsCsv = join(root, 'data', 'raw', 'builtin', 'events.csv');

test('every lead is scored or rejected with its line and reason; output is ready for a CRM import', async () => {
  const lines = leadsCsv.trimEnd().split('\n').slice(0, 301);
  const header = lines[0].split(',');
  const employees = header.indexOf('employees');
  const bad = lines[5].split(',');
  bad[employees] = 'lots';
  lines[5] = bad.join(',');
  writeFileSync(join(root, 'batch.csv'), `${lines.join('\n')}\n`);
  const out = join(root, 'scored.csv');
  const result = await cli('score', '--model', dir, '--input', join(root, 'batch.csv'), '--events', eventsCsv, '--out', out);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /scored 299 of 300 leads with demo@1\.0\.0/);
  assert.match(result.stdout, /rejected 1 /);
  const scored = parseCsv(readFileSync(out));
  assert.deepEqual(scored.header, [
    'id',
    'score',
    'probability',
    'percentile',
    'grade',
    'route',
    'top_reasons',
    'model_version',
    'scored_at',
  ]);
  assert.equal(scored.columns[0].length, 299);
  assert.ok(scored.columns[6].some((r) => /points/.test(r)));
  const rejects = parseCsv(readFileSync(`${out}.rejects.csv`));
  assert.deepEqual(rejects.columns[0], ['6']);
  assert.match(rejects.columns[2][0], /employees: expected a number, got "lots"/);
  assert.ok(!readdirSync(root).some((f) => f.endsWith('.tmp')));
});

test('JSON lines carry the full results; a CRM header profile maps the columns', async () => {
  const lines = leadsCsv.trimEnd().split('\n').slice(0, 51);
  const renamed = lines[0].replace('lead_id', 'Record ID').replace('job_title', 'Job Title').replace('company', 'Company Name');
  writeFileSync(join(root, 'hubspot.csv'), `${[renamed, ...lines.slice(1)].join('\n')}\n`);
  writeFileSync(join(root, 'plain.csv'), `${lines.join('\n')}\n`);
  const a = await cli(
    'score',
    '--model',
    dir,
    '--input',
    join(root, 'plain.csv'),
    '--events',
    eventsCsv,
    '--out',
    join(root, 'a.jsonl'),
    '--format',
    'jsonl',
  );
  const b = await cli(
    'score',
    '--model',
    dir,
    '--input',
    join(root, 'hubspot.csv'),
    '--events',
    eventsCsv,
    '--out',
    join(root, 'b.jsonl'),
    '--format',
    'jsonl',
    '--mapping',
    'hubspot',
  );
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  const strip = (file: string) =>
    readFileSync(join(root, file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => {
        const r = JSON.parse(l);
        delete r.scoredAt;
        return r;
      });
  const ra = strip('a.jsonl');
  assert.equal(ra.length, 50);
  assert.deepEqual(strip('b.jsonl'), ra);
  assert.ok(ra[0].reasons && ra[0].grade && ra[0].percentile >= 0);
});

test('a missing model folder, a bad format or an unknown mapping exits with 2', async () => {
  const bad = async (pattern: RegExp, ...args: string[]) => {
    const r = await cli('score', ...args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
  };
  await bad(
    /not a leadstack model folder/,
    '--model',
    join(root, 'none'),
    '--input',
    join(root, 'plain.csv'),
    '--out',
    join(root, 'x.csv'),
  );
  await bad(
    /--format must be csv or jsonl/,
    '--model',
    dir,
    '--input',
    join(root, 'plain.csv'),
    '--out',
    join(root, 'x.csv'),
    '--format',
    'xml',
  );
  await bad(
    /unknown column mapping "pipedrive"/,
    '--model',
    dir,
    '--input',
    join(root, 'plain.csv'),
    '--out',
    join(root, 'x.csv'),
    '--mapping',
    'pipedrive',
  );
  await bad(/file not found/, '--model', dir, '--input', join(root, 'absent.csv'), '--out', join(root, 'x.csv'));
  assert.ok(!existsSync(join(root, 'x.csv')));
});
