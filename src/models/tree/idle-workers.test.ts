import assert from 'node:assert/strict';
import { test } from 'node:test';
import { borrowWorker, giveBack } from './idle-workers.js';
import { workerUrl } from './worker-url.js';

test('idle workers: a worker given back is lent again instead of a new one; dead ones are not', async () => {
  const url = workerUrl(import.meta.url, 'histogram-worker');
  const first = borrowWorker(url);
  giveBack(url, first);
  const second = borrowWorker(url);
  assert.equal(second, first);
  const other = borrowWorker(url);
  assert.notEqual(other, first, 'a busy worker is not lent twice');
  giveBack(url, other);
  await other.terminate();
  // The terminated worker left the idle list: the next loan is a fresh thread.
  const third = borrowWorker(url);
  assert.notEqual(third, other);
  await Promise.all([second.terminate(), third.terminate()]);
});
