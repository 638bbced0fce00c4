import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from './test-support/run-cli.js';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'leadstack-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Asserts a user error: exit code 2, one line naming the problem, no stack trace. */
function assertUserError(result: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

const LEADS_CONFIG = { name: 'crm', target: { column: 'won', positive: 'yes' }, id: 'id' };
const config = file('crm.json', JSON.stringify(LEADS_CONFIG));

test('a missing file is named with where it was looked for', async () => {
  assertUserError(await cli('profile', join(dir, 'nope.csv'), '--config', config), /nope\.csv: file not found \(looked for /);
});

test('an empty file asks for a header line', async () => {
  assertUserError(
    await cli('profile', file('empty.csv', ''), '--config', config),
    /empty\.csv: the file is empty; expected a header line/,
  );
});

test('a ragged row names its line and the expected number of fields', async () => {
  const path = file('ragged.csv', 'id,won,size\n1,yes,3\n2,no\n');
  assertUserError(await cli('profile', path, '--config', config), /ragged\.csv: line 3 has 2 fields, expected 3/);
});

test('an unknown column in the config is named, with a suggestion and the available columns', async () => {
  const path = file('leads.csv', 'id,won,size\n1,yes,3\n2,no,4\n');
  const typo = file('typo.json', JSON.stringify({ ...LEADS_CONFIG, target: { column: 'wonn', positive: 'yes' } }));
  const result = await cli('profile', path, '--config', typo);
  assertUserError(
    result,
    /typo\.json, field "target\.column".*"wonn" \(did you mean "won"\?\).*Available columns: "id", "won", "size"/,
  );
});

test('binary bytes are refused as not CSV', async () => {
  const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00]);
  assertUserError(
    await cli('profile', file('binary.csv', bytes), '--config', config),
    /binary\.csv: does not look like a CSV text file/,
  );
});

test('a config that is not valid JSON names the line and column of the mistake', async () => {
  const path = file('leads2.csv', 'id,won\n1,yes\n2,no\n');
  const broken = file('broken.json', '{\n  "name": "crm",\n  "target": { "column": "won", "positive": "yes" },\n}\n');
  assertUserError(await cli('profile', path, '--config', broken), /broken\.json: line 4, column 1: not valid JSON/);
});

test('flags with bad values, unknown datasets and unknown commands exit with 2', async () => {
  assertUserError(await cli('generate', '--leads', 'many'), /--leads expects a whole number, got "many"/);
  assertUserError(await cli('generate', '--positive-rate', '2'), /--positive-rate must be between/);
  assertUserError(await cli('profile', 'no-such-dataset'), /unknown dataset "no-such-dataset"/);
  assertUserError(await cli('frobnicate'), /unknown command 'frobnicate'/);
});

test('--help exits with 0 and lists every command', async () => {
  const result = await cli('--help');
  assert.equal(result.code, 0);
  for (const command of ['generate', 'profile', 'report']) assert.match(result.stdout, new RegExp(`\\b${command}\\b`));
});

test('generate writes a reproducible data set and profile flags its personal data', async () => {
  const out = join(dir, 'gen');
  const first = await cli('generate', '--leads', '2000', '--seed', '5', '--out', out, '--json');
  assert.equal(first.code, 0, first.stderr);
  const summary = JSON.parse(first.stdout);
  assert.equal(summary.leads, 2000);
  const leads = readFileSync(join(out, 'leads.csv'));
  mkdirSync(join(dir, 'gen2'));
  await cli('generate', '--leads', '2000', '--seed', '5', '--out', join(dir, 'gen2'));
  assert.ok(leads.equals(readFileSync(join(dir, 'gen2', 'leads.csv'))), 'same seed, same bytes');
  const profile = await cli('profile', join(out, 'leads.csv'), '--config', 'builtin', '--json');
  assert.equal(profile.code, 0, profile.stderr);
  const pii = JSON.parse(profile.stdout).pii.map((p: { column: string }) => p.column);
  assert.deepEqual(pii.sort(), ['email', 'first_name', 'last_name', 'phone']);
});

test('the installed entry point exits with 2 and prints one line for a user error', () => {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), 'profile', join(dir, 'absent.csv'), '--config', 'x-education'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  assert.equal(result.status, 2, result.stderr);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /^leadstack: .*absent\.csv: file not found/);
});
