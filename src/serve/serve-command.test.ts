import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'leadstack-serve-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

test('leadstack serve --help lists the flags', async () => {
  const { code, out } = await run(['serve', '--help']);
  assert.equal(code, 0);
  for (const flag of [
    '--model',
    '--port',
    '--host',
    '--max-leads',
    '--body-limit',
    '--unknown-fields',
    '--token-file',
    '--leads-file',
    '--segment-field',
  ])
    assert.ok(out.includes(flag), flag);
});

test('user errors exit with code 2 and one line', async () => {
  const cases: [string[], RegExp][] = [
    [['serve', '--model', dir, '--unknown-fields', 'maybe'], /--unknown-fields must be ignore or reject/],
    [['serve', '--model', dir, '--body-limit', 'lots'], /--body-limit expects a size/],
    [['serve', '--model', dir, '--port', '70000'], /--port must be between 0 and 65535/],
    [['serve', '--model', dir, '--token-file', join(dir, 'absent')], /cannot read the token file: ENOENT/],
    [['serve', '--model', dir, '--segment-field', 'email'], /looks like personal data/],
    [['serve', '--model', dir], /not a leadstack model folder/],
  ];
  for (const [args, message] of cases) {
    const { code, err } = await run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(err, message);
    assert.equal(err.trim().split('\n').length, 1, err);
  }
});
