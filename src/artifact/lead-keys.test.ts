import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { LeadKeys } from './lead-keys.js';

test('lead ids are numbered by their trimmed text, whether given as bytes or as strings', () => {
  const rng = new Rng(42);
  // Spaces String.prototype.trim removes (ASCII and beyond), characters it keeps, and id bodies.
  const spaces = [' ', '\t', '\r', '\n', '\v', '\f', '\u00a0', '\u3000', '\ufeff', '\u2028', '\u202f'];
  const kept = ['\u0085', '\u200b', '\u0001'];
  const bodies = ['L1', 'L22', 'lead-3', 'é', 'Über', '日本', '😀x', 'a b', 'L1\u00a0x', '', 'L1 ', ...kept];
  const keys = new LeadKeys();
  const expected = new Map<string, number>();
  const padded = (text: string): string => {
    let out = text;
    for (let k = rng.int(3); k > 0; k--) out = rng.pick(spaces) + out;
    for (let k = rng.int(3); k > 0; k--) out += rng.pick(spaces);
    return out;
  };
  for (let i = 0; i < 4000; i++) {
    const body = rng.bernoulli(0.5) ? rng.pick(bodies) : `${rng.pick(bodies)}${rng.int(1500)}`;
    const raw = padded(body);
    const id = raw.trim();
    // Some ids first come as bytes inside a longer buffer, some as strings.
    let k: number;
    if (rng.bernoulli(0.7)) {
      const bytes = Buffer.from(`x,${raw},y`, 'utf8');
      const from = 2;
      k = keys.ofBytes(bytes, from, from + Buffer.byteLength(raw, 'utf8'));
    } else k = keys.ofString(id, true);
    const known = expected.get(id);
    if (known === undefined) {
      assert.equal(k, expected.size, `a new id gets the next number: ${JSON.stringify(id)}`);
      expected.set(id, k);
    } else assert.equal(k, known, `same id, same number: ${JSON.stringify(raw)}`);
  }
  assert.equal(keys.count, expected.size);
  assert.ok(expected.size > 1000, `${expected.size} ids (the table grew)`);
  for (const [id, k] of expected) {
    assert.equal(keys.ofString(id), k, JSON.stringify(id));
    const ascii = [...id].every((c) => c.charCodeAt(0) < 0x80);
    assert.equal(keys.is(k, id), ascii, `is(${k}, ${JSON.stringify(id)}) for an ASCII id only`);
  }
  for (const unknown of ['L9999999', 'Uber', 'é ', '\u00a0']) {
    if (!expected.has(unknown.trim())) assert.equal(keys.ofString(unknown.trim()), -1, JSON.stringify(unknown));
  }
  assert.equal(keys.is(keys.count, 'L1'), false);
});
