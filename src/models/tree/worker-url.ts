import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * URL of a worker module next to `moduleUrl` (the caller's `import.meta.url`): a `.ts` file when
 * running from the TypeScript sources, a `.js` file when running from the compiled `dist/`.
 */
export function workerUrl(moduleUrl: string, name: string): URL {
  const ext = moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${ext}`, moduleUrl);
}

/**
 * Starts a worker thread on `url`. A `.ts` worker (sources run under tsx) is started through a
 * small bootstrap that registers tsx's loader in the worker before importing the module.
 */
export function startWorker(url: URL, options: WorkerOptions): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

/** Default thread count: 2, or fewer when the machine has fewer cores. */
export function defaultThreads(available: number): number {
  return Math.max(1, Math.min(2, available));
}
