import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-url.js';

/** Most idle workers kept per script. */
const MAX_IDLE = 4;

const idle = new Map<string, Worker[]>();

/**
 * A worker thread running `url`: an idle one from an earlier fit when there is one, else a new
 * one. Starting a thread (loading its modules) can cost as much as a small fit, so threads that
 * finish a job go back to an idle list (see `giveBack`) instead of exiting. Idle threads do not
 * keep the process alive.
 */
export function borrowWorker(url: URL): Worker {
  const worker = idle.get(url.href)?.pop();
  if (worker) {
    worker.ref();
    return worker;
  }
  return newWorker(url);
}

/**
 * Makes sure `count` idle workers run `url`, starting the missing ones now: a caller that will
 * borrow them after some work of its own lets them load their modules meanwhile.
 */
export function prestartWorkers(url: URL, count: number): void {
  const list = idleList(url);
  while (list.length < Math.min(count, MAX_IDLE)) {
    const worker = newWorker(url);
    worker.unref();
    list.push(worker);
  }
}

function newWorker(url: URL): Worker {
  const started = startWorker(url, {});
  // A thread that dies while idle leaves the list; its error has no job to fail, so it is not
  // thrown here (a borrower listens for errors itself while the thread works for it).
  started.on('exit', () => forget(url, started));
  started.on('error', () => undefined);
  return started;
}

/** Returns a worker that finished its job cleanly (no listeners of the job left on it). */
export function giveBack(url: URL, worker: Worker): void {
  const list = idleList(url);
  if (list.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  list.push(worker);
}

/** The idle workers running `url` (an empty list, kept, when there are none yet). */
function idleList(url: URL): Worker[] {
  let list = idle.get(url.href);
  if (!list) {
    list = [];
    idle.set(url.href, list);
  }
  return list;
}

function forget(url: URL, worker: Worker): void {
  const list = idle.get(url.href);
  const at = list?.indexOf(worker) ?? -1;
  if (list && at >= 0) list.splice(at, 1);
}
