import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../core/errors.js';
import { BearerTokens, readApiTokens } from './bearer-tokens.js';

const A = 'alpha-token-0123456789';
const B = 'bravo-token-9876543210';

test('check() accepts any configured token and tells a missing header from a wrong token', () => {
  const tokens = new BearerTokens([A, B]);
  assert.equal(tokens.enabled, true);
  assert.equal(tokens.check(`Bearer ${A}`), 'ok');
  assert.equal(tokens.check(`bearer  ${B} `), 'ok');
  assert.equal(tokens.check(`Bearer ${A}x`), 'invalid');
  assert.equal(tokens.check(`Bearer ${A.slice(0, -1)}`), 'invalid');
  assert.equal(tokens.check('Bearer'), 'missing');
  assert.equal(tokens.check(`Basic ${A}`), 'missing');
  assert.equal(tokens.check(undefined), 'missing');
});

test('no tokens means auth is off; short tokens are refused', () => {
  assert.equal(new BearerTokens([]).enabled, false);
  assert.throws(() => new BearerTokens(['short']), ConfigError);
});

test('readApiTokens reads a file (skipping blanks and comments) and the comma-separated environment value', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadstack-tokens-'));
  try {
    const file = join(dir, 'tokens');
    writeFileSync(file, `# production\n${A}\n\n  ${B}  \n`);
    assert.deepEqual(readApiTokens({ file, env: ' c-token-000000000000, ,d-token-000000000000' }), [
      A,
      B,
      'c-token-000000000000',
      'd-token-000000000000',
    ]);
    writeFileSync(file, '# nothing\n');
    assert.throws(() => readApiTokens({ file }), /holds no token/);
    assert.throws(() => readApiTokens({ file: join(dir, 'absent') }), /cannot read the token file: ENOENT/);
    assert.deepEqual(readApiTokens({}), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
