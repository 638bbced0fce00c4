import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import autocannon, { type AutocannonResult } from 'autocannon';

/** User + system CPU seconds of a process (Linux /proc), or null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : Number.NaN;
}

/** One load level's outcome. */
export interface LoadResult {
  label: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds (from every response's time, not rounded). */
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time the server process spent per request (user + system), in milliseconds. */
  serverCpuMs: number | null;
  /** The machine's 1-minute load average when the level ended. */
  loadAverage: number;
}

/** `leadstack serve` in a child process, on a free loopback port. */
export async function startServer(
  modelDir: string,
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve('src/cli/main.ts'), 'serve', '--model', modelDir, '--port', '0', '--host', '127.0.0.1'],
    // The request log goes to /dev/null: written, as in production, but not read.
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LEADSTACK_API_TOKENS: '' } },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (t: string) => {
    stderr += t;
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match) {
        clearInterval(timer);
        done(match[1]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(`the server exited: ${stderr}`));
      }
    }, 50);
  });
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Drives single-lead POST /v1/score requests, cycling through the bodies, at one concurrency;
 * `serverPid` lets it report the server's CPU time per request.
 */
export async function runLoad(
  url: string,
  bodies: readonly string[],
  options: { connections: number; seconds: number; label: string; query?: string; serverPid?: number },
): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  const cpuBefore = cpuSeconds(options.serverPid);
  const result = await new Promise<AutocannonResult>((done, fail) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: `/v1/score${options.query ?? ''}`,
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
          },
        ],
      },
      (error, res) => (error ? fail(error) : done(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => void times.push(responseTime));
  });
  const cpuAfter = cpuSeconds(options.serverPid);
  const sorted = Float64Array.from(times).sort();
  return {
    label: options.label,
    connections: options.connections,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverCpuMs:
      cpuBefore !== null && cpuAfter !== null && result.requests.total > 0
        ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total
        : null,
    loadAverage: loadavg()[0],
  };
}
