import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instantiateKernel, KernelMemoryError, orWithoutKernel, wasmModule } from './wasm-module.js';

// `npm test` builds the kernels before it runs the tests.
test('instantiateKernel: a memory sized once for the layout from the kernel heap start, the same buffer for the instance life', () => {
  const module = wasmModule('tree-predict-kernel');
  assert.ok(module, 'kernel built');
  let seen = -1;
  const { exports, memory, buffer } = instantiateKernel<{ heapStart(): number }>('tree-predict-kernel', module, (heapStart) => {
    seen = heapStart;
    return heapStart + 3 * 65536 + 10;
  });
  assert.equal(exports.heapStart(), seen, 'the layout starts at the kernel first free byte');
  assert.ok(seen > 0 && seen < 65536);
  assert.equal(buffer.byteLength, 4 * 65536, 'whole pages covering the layout');
  assert.equal(memory.buffer, buffer);
});

test('wasmModule: a kernel that was never built is null (callers then use their TypeScript loops)', () => {
  assert.equal(wasmModule('no-such-kernel'), null);
});

test('a kernel that would need more than a 32-bit memory holds is refused with a KernelMemoryError, which orWithoutKernel turns into null', () => {
  const module = wasmModule('tree-predict-kernel')!;
  const huge = () =>
    instantiateKernel<{ heapStart(): number }>('tree-predict-kernel', module, (heapStart) => heapStart + 2 ** 33);
  assert.throws(huge, KernelMemoryError);
  assert.equal(
    orWithoutKernel(() => huge()),
    null,
  );
  assert.equal(
    orWithoutKernel(() => 7),
    7,
  );
  assert.throws(() =>
    orWithoutKernel(() => {
      throw new TypeError('other errors pass through');
    }),
  );
});
