import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../core/errors.js';
import { formatByteSize, parseByteSize } from './byte-size.js';

test('parseByteSize reads bytes and binary units', () => {
  assert.equal(parseByteSize('--body-limit', '1mb'), 1_048_576);
  assert.equal(parseByteSize('--body-limit', '512KB'), 524_288);
  assert.equal(parseByteSize('--body-limit', '1.5m'), 1_572_864);
  assert.equal(parseByteSize('--body-limit', '2048'), 2048);
  for (const bad of ['', 'lots', '1 tb', '-1mb', '0']) assert.throws(() => parseByteSize('--body-limit', bad), InputError, bad);
});

test('formatByteSize names whole units', () => {
  assert.equal(formatByteSize(1_048_576), '1 MiB');
  assert.equal(formatByteSize(2048), '2 KiB');
  assert.equal(formatByteSize(1000), '1000 bytes');
});
