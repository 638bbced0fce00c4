import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LeadServer } from './lead-server.js';
import { buildDemoModel, type DemoModel } from './test-support/demo-model.js';
import { captureLog } from './test-support/log-capture.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-serve-life-'));
const mainScript = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
let demo: DemoModel;

before(async () => {
  demo = await buildDemoModel(root, { leads: 1500, versions: ['1.0.0', '1.1.0'] });
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A POST whose body is sent in two parts, so the request is in flight until `finish` is called. */
function slowPost(url: string, body: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(url);
  const bytes = Buffer.from(body);
  let result: Promise<{ status: number; body: string }> = Promise.resolve({ status: 0, body: '' });
  const req = httpRequest({
    host: hostname,
    port,
    path: '/v1/score',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), ...headers },
  });
  result = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  req.write(bytes.subarray(0, 10));
  return {
    result,
    finish: () => req.end(bytes.subarray(10)),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('shutdown stops accepting connections but finishes the request in flight', async () => {
  const server = await LeadServer.create({ modelDir: demo.dirs[0], port: 0, log: () => {} });
  const url = await server.listen();
  const received = new Promise((resolve) => server.app.server.once('request', resolve));
  const inFlight = slowPost(url, JSON.stringify(demo.leads[1]));
  await received;
  let closed = false;
  const closing = server.close().then(() => {
    closed = true;
  });
  await sleep(50);
  await assert.rejects(fetch(`${url}/healthz`), 'no new connections while shutting down');
  assert.equal(closed, false, 'waits for the request in flight');
  inFlight.finish();
  const response = await inFlight.result;
  assert.equal(response.status, 200);
  assert.equal(JSON.parse(response.body).id, demo.leads[1].lead.lead_id);
  await closing;
  assert.equal(closed, true);
});

test('a reload under load swaps the model with no request failed, and a bad one keeps the old model', async () => {
  const log = captureLog();
  const server = await LeadServer.create({ modelDir: demo.dirs[0], port: 0, log: log.sink });
  const url = await server.listen();
  try {
    const bodies = demo.leads.slice(0, 200).map((l) => JSON.stringify(l));
    let stop = false;
    const worker = async (w: number) => {
      const seen: { status: number; version: string }[] = [];
      for (let k = w; !stop; k++) {
        const res = await fetch(`${url}/v1/score`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bodies[k % bodies.length],
        });
        const body = (await res.json()) as { modelVersion: string };
        seen.push({ status: res.status, version: body.modelVersion });
      }
      return seen;
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));
    await sleep(400);
    const reload = await fetch(`${url}/v1/admin/reload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: demo.dirs[1] }),
    });
    assert.equal(reload.status, 200);
    assert.deepEqual(await reload.json(), { reloaded: true, modelVersion: 'demo@1.1.0', previousVersion: 'demo@1.0.0' });
    await sleep(400);
    stop = true;
    const results = await Promise.all(workers);
    const all = results.flat();
    assert.ok(all.length > 100, `only ${all.length} requests`);
    assert.ok(
      all.every((r) => r.status === 200),
      'every request succeeded',
    );
    for (const seen of results) {
      const versions = seen.map((r) => r.version);
      const firstNew = versions.indexOf('demo@1.1.0');
      assert.ok(firstNew > 0, 'each worker saw both versions');
      assert.ok(
        versions.slice(firstNew).every((v) => v === 'demo@1.1.0'),
        'never back to the old model',
      );
    }
    // A tampered folder is refused; the current model keeps serving.
    const tampered = join(root, 'tampered');
    cpSync(demo.dirs[1], tampered, { recursive: true });
    const policy = join(tampered, 'policy.json');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('"threshold": 0.', '"threshold": 0.9'));
    const failed = await fetch(`${url}/v1/admin/reload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: tampered }),
    });
    assert.equal(failed.status, 422);
    const failure = (await failed.json()) as { error: string; message: string; modelVersion: string };
    assert.equal(failure.error, 'reload-failed');
    assert.match(failure.message, /checksum mismatch/);
    assert.equal(failure.modelVersion, 'demo@1.1.0');
    const missing = await fetch(`${url}/v1/admin/reload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: join(root, 'nowhere') }),
    });
    assert.equal(missing.status, 422);
    assert.match(((await missing.json()) as { message: string }).message, /not a leadstack model folder/);
    const again = await fetch(`${url}/v1/admin/reload`, { method: 'POST' });
    assert.equal(again.status, 200, 'no body: the current folder again');
    const score = await fetch(`${url}/v1/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodies[0],
    });
    assert.equal(((await score.json()) as { modelVersion: string }).modelVersion, 'demo@1.1.0');
    const metrics = await (await fetch(`${url}/metrics`)).text();
    assert.match(metrics, /leadstack_model_reloads_total\{result="ok"\} 2/);
    assert.match(metrics, /leadstack_model_reloads_total\{result="failed"\} 2/);
    assert.match(metrics, /leadstack_model_info\{model_version="demo@1.1.0"[^}]*\} 1/);
    assert.doesNotMatch(metrics, /leadstack_model_info\{model_version="demo@1.0.0"/);
    const events = log.lines.map((l) => JSON.parse(l)).filter((e) => e.msg !== 'request');
    assert.ok(events.some((e) => e.msg === 'model reloaded' && e.modelVersion === 'demo@1.1.0'));
    assert.ok(events.some((e) => e.msg.startsWith('model reload failed') && /checksum/.test(e.reason)));
  } finally {
    await server.close();
  }
});

test('leadstack serve: SIGHUP reloads the folder, SIGTERM finishes the request in flight and exits 0', async () => {
  const live = join(root, 'live');
  cpSync(demo.dirs[0], live, { recursive: true });
  const token = 'cli-test-token-0123456789';
  const tokenFile = join(root, 'tokens.txt');
  writeFileSync(tokenFile, `# API tokens\n${token}\n`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', mainScript, 'serve', '--model', live, '--port', '0', '--token-file', tokenFile],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LEADSTACK_API_TOKENS: '' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (t) => {
    stdout += t;
  });
  child.stderr.setEncoding('utf8').on('data', (t) => {
    stderr += t;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await waitFor(
      () => /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1],
      20_000,
      () => stderr,
    );
    const auth = { authorization: `Bearer ${token}` };
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal((await fetch(`${url}/v1/model`)).status, 401);
    rmSync(live, { recursive: true });
    cpSync(demo.dirs[1], live, { recursive: true });
    child.kill('SIGHUP');
    await waitFor(
      async () =>
        ((await (await fetch(`${url}/v1/model`, { headers: auth })).json()) as { modelVersion: string }).modelVersion ===
          'demo@1.1.0' || undefined,
      10_000,
      () => stdout,
    );
    const inFlight = slowPost(url, JSON.stringify(demo.leads[2]), auth);
    await sleep(300);
    child.kill('SIGTERM');
    await waitFor(
      () => stdout.includes('SIGTERM received') || undefined,
      5_000,
      () => stdout,
    );
    await sleep(100);
    inFlight.finish();
    const response = await inFlight.result;
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.body).modelVersion, 'demo@1.1.0');
    assert.equal(await exited, 0);
    const messages = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).msg);
    for (const msg of ['listening', 'SIGHUP received: reloading the model', 'model reloaded', 'SIGTERM received', 'stopped'])
      assert.ok(messages.includes(msg), msg);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, context: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not ready yet
    }
    await sleep(50);
  }
  throw new Error(`timed out; output so far:\n${context()}`);
}
