import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SerializationError } from './errors.js';
import { assertSerialized, decodeArray, encodeArray, fromJSON, registerKind } from './serialization.js';

test('encodeArray/decodeArray round-trips NaN, infinities and subnormals bit for bit', () => {
  const values = new Float64Array([0, -0, 1 / 3, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, 5e-324]);
  const back = decodeArray(JSON.parse(JSON.stringify(encodeArray(values))));
  assert.deepEqual(new Uint8Array(back.buffer), new Uint8Array(values.buffer));
  const ints = new Int32Array([-1, 2, 2 ** 31 - 1]);
  assert.deepEqual(decodeArray<Int32Array>(encodeArray(ints)), ints);
  assert.deepEqual(decodeArray(encodeArray(values.subarray(2, 4))).length, 2);
});

test('fromJSON dispatches on kind and names the known kinds for an unknown one', () => {
  registerKind('test-thing', (json) => ({ loaded: json.state }));
  assert.deepEqual(fromJSON({ kind: 'test-thing', formatVersion: 1, params: {}, state: 7 }), { loaded: 7 });
  assert.throws(
    () => fromJSON({ kind: 'nope', formatVersion: 1, params: {}, state: 0 }),
    /unknown kind "nope"; known kinds: .*test-thing/,
  );
  assert.throws(() => fromJSON('x'), SerializationError);
});

test('assertSerialized checks kind and format version', () => {
  const json = { kind: 'a', formatVersion: 2, params: {}, state: {} };
  assert.doesNotThrow(() => assertSerialized(json, 'a', 2));
  assert.throws(() => assertSerialized(json, 'b', 2), /expected a serialized b/);
  assert.throws(() => assertSerialized(json, 'a', 1), /format version 2 is not supported/);
});
