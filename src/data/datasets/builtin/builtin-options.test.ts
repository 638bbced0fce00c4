import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../../core/errors.js';
import { BUILTIN_DEFAULTS, parseBuiltinOptions } from './builtin-options.js';

test('parseBuiltinOptions fills the defaults: 75,000 leads, seed 7, a 1% positive rate', () => {
  assert.deepEqual(parseBuiltinOptions(), { leads: 75_000, seed: 7, positiveRate: 0.01 });
  assert.deepEqual(parseBuiltinOptions({ leads: 10, positiveRate: 0.385 }), {
    ...BUILTIN_DEFAULTS,
    leads: 10,
    positiveRate: 0.385,
  });
});

test('parseBuiltinOptions rejects bad lead counts, seeds and rates with InputError naming the field', () => {
  const bad: [object, RegExp][] = [
    [{ leads: 0 }, /field "leads"/],
    [{ leads: 2.5 }, /field "leads"/],
    [{ leads: 5_000_001 }, /at most 5000000/],
    [{ leads: '100' }, /field "leads"/],
    [{ seed: -1 }, /field "seed"/],
    [{ seed: 1.5 }, /field "seed"/],
    [{ positiveRate: 0 }, /field "positiveRate"/],
    [{ positiveRate: 0.91 }, /field "positiveRate"/],
    [{ positiveRate: Number.NaN }, /field "positiveRate"/],
  ];
  for (const [options, message] of bad) {
    assert.throws(
      () => parseBuiltinOptions(options),
      (error: unknown) => error instanceof InputError && message.test(error.message),
    );
  }
  assert.equal(parseBuiltinOptions({ leads: 5_000_000, positiveRate: 0.9, seed: 0xffffffff }).leads, 5_000_000);
});
