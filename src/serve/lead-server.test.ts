import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ScoreResult } from '../artifact/scorer.js';
import { LeadServer } from './lead-server.js';
import type { ServeOptions } from './serve-options.js';
import { buildDemoModel, type DemoModel } from './test-support/demo-model.js';
import { captureLog } from './test-support/log-capture.js';

const TOKEN = 'test-token-0123456789abcdef';
const root = mkdtempSync(join(tmpdir(), 'leadstack-serve-api-'));
let demo: DemoModel;
let server: LeadServer;
const log = captureLog();
const servers: LeadServer[] = [];

async function makeServer(options: Partial<ServeOptions> = {}): Promise<LeadServer> {
  const s = await LeadServer.create({ modelDir: demo.dirs[0], log: () => {}, ...options });
  servers.push(s);
  return s;
}

function post(s: LeadServer, body: unknown, options: { url?: string; headers?: Record<string, string> } = {}) {
  return s.app.inject({
    method: 'POST',
    url: options.url ?? '/v1/score',
    headers: { 'content-type': 'application/json', ...options.headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A lead with events whose model fields are all readable. */
const lead = (i: number) => demo.leads[i];

before(async () => {
  demo = await buildDemoModel(root, { leads: 2000 });
  server = await makeServer({ log: log.sink });
});

after(async () => {
  for (const s of servers) await s.close();
  rmSync(root, { recursive: true, force: true });
});

describe('POST /v1/score', () => {
  test('one lead, sent as its fields alone, gets one full result and the ignored fields as warnings', async () => {
    const res = await post(server, lead(1).lead);
    assert.equal(res.statusCode, 200);
    const body = res.json() as ScoreResult & { warnings: { field: string; message: string }[] };
    assert.equal(body.id, lead(1).lead.lead_id);
    assert.ok(body.probability >= 0 && body.probability <= 1);
    assert.ok(Number.isInteger(body.score) && body.score >= 0 && body.score <= 100);
    assert.ok(body.percentile >= 0 && body.percentile <= 100);
    assert.match(body.grade, /^[A-D]$/);
    assert.ok(['sales', 'nurture'].includes(body.route));
    assert.ok(body.reasons.text.length > 0);
    assert.equal(body.modelVersion, 'demo@1.0.0');
    assert.ok(!Number.isNaN(Date.parse(body.scoredAt)));
    const ignored = body.warnings.map((w) => w.field);
    for (const field of ['first_name', 'last_name', 'email', 'phone', 'sales_accepted'])
      assert.ok(ignored.includes(field), field);
    assert.ok(!ignored.includes('employees'));
  });

  test('{ lead, events } scores exactly as the Scorer does', async () => {
    const item = lead(2);
    const res = await post(server, item);
    assert.equal(res.statusCode, 200);
    const expected = server.context.models.current.scorer.score(
      Object.fromEntries(Object.entries(item.lead).filter(([k]) => server.context.models.current.leadFields.has(k))),
      item.events,
    );
    assert.equal(res.json().probability, expected.probability);
    assert.equal(res.json().grade, expected.grade);
  });

  test('{ leads: [...] } returns one result per lead, in order', async () => {
    const items = [3, 4, 5, 6, 7].map(lead);
    const res = await post(server, { leads: items });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { modelVersion: string; results: ScoreResult[]; warnings: { field: string; message: string }[] };
    assert.equal(body.modelVersion, 'demo@1.0.0');
    assert.deepEqual(
      body.results.map((r) => r.id),
      items.map((i) => i.lead.lead_id),
    );
    const email = body.warnings.find((w) => w.field === 'leads[].lead.email');
    assert.match(email!.message, /in 5 leads/);
    assert.ok(body.warnings.some((w) => w.field === 'leads[].events[].lead_id'));
  });

  test('reasons=0 leaves the reasons out', async () => {
    const res = await post(server, lead(8), { url: '/v1/score?reasons=0' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().reasons, { positive: [], negative: [], text: [] });
    assert.equal((await post(server, lead(8), { url: '/v1/score?reasons=99' })).statusCode, 400);
  });
});

describe('bad input gets 400 naming every problem', () => {
  const fields = (res: { json(): unknown }) => (res.json() as { problems: { field: string }[] }).problems.map((p) => p.field);

  test('a body that is not an object', async () => {
    for (const body of ['[1, 2]', '"a lead"', '42', 'null']) {
      const res = await post(server, body);
      assert.equal(res.statusCode, 400, body);
      assert.deepEqual(fields(res), ['body']);
      assert.match(res.json().problems[0].message, /expected a lead object/);
    }
  });

  test('wrong types and unreadable values: every field named with the reason', async () => {
    const bad = {
      ...lead(9).lead,
      employees: 'many',
      newsletter_opt_in: 'perhaps',
      created_at: 'yesterday',
      budget: true,
      company: { name: 'x' },
    };
    const res = await post(server, bad);
    assert.equal(res.statusCode, 400);
    const problems = (res.json() as { problems: { field: string; message: string }[] }).problems;
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    assert.deepEqual(Object.keys(byField).sort(), ['budget', 'company', 'created_at', 'employees', 'newsletter_opt_in']);
    assert.match(byField.employees, /expected a number/);
    assert.match(byField.newsletter_opt_in, /yes\/no/);
    assert.match(byField.created_at, /ISO date-time/);
    assert.match(byField.budget, /got true or false/);
    assert.match(byField.company, /got an object/);
  });

  test('a bad or missing event time names the event', async () => {
    const item = lead(10);
    const res = await post(server, {
      lead: item.lead,
      events: [{ ...item.events[0], timestamp: 'last tuesday' }, { url: '/pricing' }],
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(fields(res).sort(), ['events[0].timestamp', 'events[1].timestamp']);
  });

  test('problems in a batch are named by position', async () => {
    const res = await post(server, { leads: [lead(11), { lead: { ...lead(12).lead, employees: [1] } }, 7, { events: [] }] });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(fields(res).sort(), ['leads[1].lead.employees', 'leads[2]', 'leads[3].lead']);
  });

  test('more leads than --max-leads', async () => {
    const res = await post(server, { leads: Array.from({ length: 1001 }, () => ({ lead: {} })) });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(fields(res), ['leads']);
    assert.match(res.json().problems[0].message, /at most 1000 leads per request, got 1001/);
    const small = await makeServer({ maxLeads: 2 });
    assert.equal((await post(small, { leads: [lead(1), lead(2), lead(3)] })).statusCode, 400);
    assert.equal((await post(small, { leads: [lead(1), lead(2)] })).statusCode, 200);
  });

  test('a body over the limit gets 413', async () => {
    const res = await post(server, JSON.stringify({ ...lead(1).lead, notes: 'x'.repeat(1024 * 1024) }));
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error, 'body-too-large');
    assert.match(res.json().message, /1 MiB/);
  });

  test('malformed JSON gets 400 with a clear message', async () => {
    const res = await post(server, '{"employees": 12,');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'malformed-json');
    assert.match(res.json().message, /not valid JSON/);
  });

  test('another content type gets 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/csv']) {
      const res = await post(server, 'employees=12', { headers: { 'content-type': type } });
      assert.equal(res.statusCode, 415, type);
      assert.equal(res.json().error, 'unsupported-media-type');
    }
  });

  test('unknown fields are rejected by name under --unknown-fields reject', async () => {
    const strict = await makeServer({ unknownFields: 'reject' });
    const res = await post(strict, {
      lead: { employees: 12, favourite_colour: 'teal' },
      events: [{ ...lead(1).events[0] }],
      extra: 1,
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(fields(res).sort(), ['events[0].lead_id', 'extra', 'lead.favourite_colour']);
    const ok = await post(strict, { lead: { employees: 12, lead_id: 'L1' } });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().warnings, undefined);
  });
});

describe('the other routes', () => {
  test('GET /v1/model: card, manifest, training, input schema and policy, no checksums or paths', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/v1/model' });
    assert.equal(res.statusCode, 200);
    const info = res.json();
    assert.equal(info.modelVersion, 'demo@1.0.0');
    assert.match(info.card, /^# Model card: demo 1\.0\.0/);
    assert.equal(info.manifest.modelKind, 'GradientBoostingClassifier');
    assert.ok(info.manifest.files.includes('model.json'));
    assert.equal(info.training.dataset, 'builtin');
    assert.ok(info.inputSchema.properties.employees);
    assert.deepEqual(
      info.policy.grades.map((g: { grade: string }) => g.grade),
      ['A', 'B', 'C', 'D'],
    );
    assert.ok(info.policy.salesThreshold > 0);
    assert.ok(!res.body.includes(root), 'no server paths');
  });

  test('GET /healthz', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
    assert.equal(res.json().modelVersion, 'demo@1.0.0');
  });

  test('GET /metrics: requests, latency, scores, grades and the model in Prometheus text format', async () => {
    await post(server, lead(1));
    const res = await server.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/);
    const text = res.body;
    for (const line of text.trim().split('\n'))
      assert.match(line, /^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [-+0-9.eInfa]+)$/, line);
    assert.match(text, /leadstack_http_requests_total\{route="\/v1\/score",method="POST",status="200"\} \d+/);
    assert.match(text, /leadstack_http_requests_total\{route="\/v1\/score",method="POST",status="400"\} \d+/);
    assert.match(text, /leadstack_http_request_duration_seconds_bucket\{route="\/v1\/score",le="\+Inf"\} \d+/);
    assert.match(text, /leadstack_lead_score_bucket\{model_version="demo@1.0.0",le="100"\} \d+/);
    assert.match(text, /leadstack_leads_scored_total\{grade="[A-D]",route="(sales|nurture)",model_version="demo@1.0.0"\} \d+/);
    assert.match(
      text,
      /leadstack_model_info\{model_version="demo@1.0.0",model_kind="GradientBoostingClassifier",created_at="[^"]+"\} 1/,
    );
  });

  test('GET /openapi.json describes the lead with the model input schema', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    const info = server.context.models.current.info;
    assert.deepEqual(doc.components.schemas.Lead.properties, info.inputSchema.properties);
    assert.equal(doc.components.schemas.Event.required[0], 'timestamp');
    assert.equal(doc.components.schemas.BatchRequest.properties.leads.maxItems, 1000);
    for (const path of ['/v1/score', '/v1/model', '/healthz', '/metrics', '/v1/admin/reload', '/v1/dashboard/leads'])
      assert.ok(doc.paths[path], path);
  });

  test('the dashboard data of API requests keeps no personal fields', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/v1/dashboard/leads' });
    assert.equal(res.statusCode, 200);
    const data = res.json();
    assert.equal(data.source, 'recent');
    assert.ok(data.leads.length > 5);
    assert.equal(data.segmentField, 'job_title');
    for (const l of data.leads) {
      assert.deepEqual(Object.keys(l).sort(), [
        'grade',
        'id',
        'probability',
        'reasons',
        'route',
        'score',
        'scoredAt',
        'segments',
        'stage',
      ]);
      for (const key of Object.keys(l.segments))
        assert.ok(['job_title', 'industry', 'lead_origin', 'region', 'country'].includes(key), key);
    }
    for (const i of [1, 2, 3]) {
      assert.ok(!res.body.includes(lead(i).lead.email), 'no e-mail');
      assert.ok(!res.body.includes(`"${lead(i).lead.last_name}"`), 'no name');
    }
    assert.equal((await server.app.inject({ method: 'GET', url: '/v1/dashboard/leads?source=file' })).statusCode, 404);
  });

  test('an unknown route gets a JSON 404', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/v2/nothing' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error, 'not-found');
  });
});

describe('bearer-token auth', () => {
  test('without tokens every route is open', async () => {
    assert.equal((await post(server, lead(1))).statusCode, 200);
    assert.equal((await server.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 200);
  });

  test('with tokens: 401 and WWW-Authenticate without a valid one; /healthz and the page stay open', async () => {
    const secured = await makeServer({ tokens: [TOKEN, 'another-token-fedcba9876543210'] });
    const none = await post(secured, lead(1));
    assert.equal(none.statusCode, 401);
    assert.equal(none.headers['www-authenticate'], 'Bearer realm="leadstack"');
    assert.equal(none.json().error, 'unauthorized');
    const wrong = await post(secured, lead(1), { headers: { authorization: `Bearer ${TOKEN}x` } });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.headers['www-authenticate'] as string, /error="invalid_token"/);
    assert.equal((await post(secured, lead(1), { headers: { authorization: 'Basic abc' } })).statusCode, 401);
    const ok = await post(secured, lead(1), { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.statusCode, 200);
    const auth = { authorization: 'bearer another-token-fedcba9876543210' };
    for (const url of ['/metrics', '/v1/model', '/openapi.json', '/v1/dashboard/leads']) {
      assert.equal((await secured.app.inject({ method: 'GET', url })).statusCode, 401, url);
      assert.equal((await secured.app.inject({ method: 'GET', url, headers: auth })).statusCode, 200, url);
    }
    assert.equal((await post(secured, {}, { url: '/v1/admin/reload' })).statusCode, 401);
    assert.equal((await secured.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    assert.equal((await secured.app.inject({ method: 'GET', url: '/' })).statusCode, 200);
    const doc = (await secured.app.inject({ method: 'GET', url: '/openapi.json', headers: auth })).json();
    assert.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer');
    assert.ok(!JSON.stringify(doc).includes(TOKEN));
  });
});

test('the log has method, route, status, latency, lead count and model version only — never a field value', async () => {
  const person = {
    ...lead(13).lead,
    email: 'jane.roe.4821@example.org',
    first_name: 'Janet',
    last_name: 'Roe-Quill',
    phone: '+1 555 0199 4821',
  };
  const before = log.lines.length;
  assert.equal((await post(server, person)).statusCode, 200);
  assert.equal((await post(server, { lead: person, events: lead(13).events })).statusCode, 200);
  assert.equal((await post(server, { leads: [{ lead: person }, { lead: person }] })).statusCode, 200);
  // Problems echo values back to the client, never into the log.
  const bad = await post(server, { ...person, employees: person.email, created_at: person.phone });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.body.includes(person.email));
  assert.equal((await post(server, `{"email": "${person.email}", `)).statusCode, 400);
  const lines = log.lines.slice(before);
  assert.equal(lines.length, 5);
  const text = lines.join('');
  for (const secret of [person.email, 'Janet', 'Roe-Quill', person.phone, 'example.org', lead(13).lead.lead_id])
    assert.ok(!text.includes(secret), `log holds ${secret}`);
  const entries = lines.map((l) => JSON.parse(l));
  for (const e of entries)
    assert.deepEqual(Object.keys(e), ['time', 'level', 'msg', 'method', 'route', 'status', 'ms', 'leads', 'modelVersion']);
  assert.deepEqual(
    entries.map((e) => [e.route, e.status, e.leads, e.modelVersion]),
    [
      ['/v1/score', 200, 1, 'demo@1.0.0'],
      ['/v1/score', 200, 1, 'demo@1.0.0'],
      ['/v1/score', 200, 2, 'demo@1.0.0'],
      ['/v1/score', 400, 1, 'demo@1.0.0'],
      ['/v1/score', 400, 0, 'demo@1.0.0'],
    ],
  );
});

test('a real listen on a free port answers fetch', async () => {
  const live = await makeServer();
  const url = await live.listen();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(`${url}/v1/score`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(lead(14)),
  });
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as ScoreResult).id, lead(14).lead.lead_id);
  const health = await fetch(`${url}/healthz`);
  assert.equal(health.status, 200);
  await live.close();
  await assert.rejects(fetch(`${url}/healthz`));
});
