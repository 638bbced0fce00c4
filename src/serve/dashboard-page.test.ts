import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SCORED_COLUMNS, scoredCsvCells } from '../artifact/lead-batch.js';
import { Scorer } from '../artifact/scorer.js';
import { toCsvLine } from '../data/datasets/builtin/csv-text.js';
import { openBrowserPage } from '../test-support/browser-page.js';
import { hasChromium } from '../test-support/chromium-check.js';
import { LeadServer } from './lead-server.js';
import type { DashboardData } from './routes/dashboard-routes.js';
import { buildDemoModel, type DemoModel } from './test-support/demo-model.js';

const TOKEN = 'dashboard-token-0123456789';
const root = mkdtempSync(join(tmpdir(), 'leadstack-serve-dash-'));
const scoredCsv = join(root, 'scored.csv');
let demo: DemoModel;
let server: LeadServer;
let url: string;

/** Writes what `leadstack score` writes, plus job title, industry, funnel stage — and an e-mail that must not come through. */
async function writeScoredFile(): Promise<void> {
  const scorer = await Scorer.load(demo.dirs[0]);
  const results = scorer.scoreMany(demo.leads);
  const lines = [toCsvLine([...SCORED_COLUMNS, 'job_title', 'industry', 'funnel_stage', 'email'])];
  results.forEach((r, i) => {
    const lead = demo.leads[i].lead;
    lines.push(toCsvLine([...scoredCsvCells(r), lead.job_title.trim(), lead.industry, lead.funnel_stage, lead.email]));
  });
  writeFileSync(scoredCsv, lines.join(''));
}

before(async () => {
  demo = await buildDemoModel(root, { leads: 1500 });
  await writeScoredFile();
  server = await LeadServer.create({
    modelDir: demo.dirs[0],
    port: 0,
    leadsFile: scoredCsv,
    segmentField: 'industry',
    tokens: [TOKEN],
    log: () => {},
  });
  url = await server.listen();
});

after(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

test('GET /v1/dashboard/leads reads the scored file, keeping no personal column', async () => {
  const res = await fetch(`${url}/v1/dashboard/leads`, { headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  const text = await res.text();
  const data = JSON.parse(text) as DashboardData;
  assert.equal(data.source, 'file');
  assert.equal(data.file, 'scored.csv');
  assert.equal(data.segmentField, 'industry');
  assert.equal(data.stageField, 'funnel_stage');
  assert.equal(data.leads.length, demo.leads.length);
  assert.ok(data.leads.every((l, i) => i === 0 || data.leads[i - 1].probability >= l.probability));
  assert.ok(data.leads[0].reasons.length > 0);
  assert.deepEqual(
    Object.keys(data.leads[0].segments).sort(),
    ['industry', 'job_title'].filter((f) => f in data.leads[0].segments),
  );
  for (const l of demo.leads.slice(0, 50)) assert.ok(!text.includes(l.lead.email), 'no e-mail');
  const page = await fetch(`${url}/`);
  assert.equal(page.status, 200, 'the page shell is open');
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  const html = await page.text();
  assert.ok(!/<script[^>]+src=/i.test(html), 'no external script');
  assert.ok(
    !/https?:\/\/(?!www\.w3\.org)[a-z0-9.-]+\//i.test(html.replace(/<script[^>]*>[\s\S]*?<\/script>/gi, '')),
    'no link out',
  );
});

test('the dashboard in headless Chromium: offline, filters, capacity cut-off and the lead drawer', {
  skip: hasChromium() ? false : 'Chromium not found at /usr/bin/chromium (npm run setup installs it): browser test skipped',
}, async () => {
  const browser = await openBrowserPage(`${url}/`);
  const { page } = browser;
  try {
    // Auth is on: the page asks for the token, then loads the leads.
    await page.waitForSelector('#auth:not([hidden])');
    await page.fill('#token', TOKEN);
    await page.click('#auth-form button[type=submit]');
    await page.waitForFunction(`document.querySelectorAll('#leads tbody tr').length > 0`);
    await page.waitForFunction(
      `[...document.querySelectorAll('.js-plotly-plot')].length === 3 && [...document.querySelectorAll('.js-plotly-plot')].every((p) => p.querySelector('svg.main-svg'))`,
    );
    const text = async (selector: string) => (await page.locator(selector).textContent()) ?? '';
    const rowCount = () => page.locator('#leads tbody tr').count();
    const worked = () => page.locator('#leads tbody tr.worked').count();
    const cutoff = () => text('#cutoff');
    assert.equal(await rowCount(), 500, 'the 500 best-scored rows');
    assert.match(await text('#table-note'), /500 best-scored of 1,500/);
    assert.equal(await text('#model-version'), 'demo@1.0.0');

    // The capacity slider moves the cut-off and the highlighted rows.
    await page.locator('#capacity').fill('40');
    await page.waitForFunction(`document.getElementById('capacity-value').textContent === '40'`);
    const cutoff40 = await cutoff();
    assert.match(cutoff40, /^Cut-off: score ≥ \d+ · work 40 of 1,500 leads \(2\.7%\) · expected conversions ≈ [\d.]+/);
    assert.equal(await worked(), 40);
    await page.locator('#capacity').fill('120');
    await page.waitForFunction(`document.getElementById('capacity-value').textContent === '120'`);
    assert.notEqual(await cutoff(), cutoff40);
    assert.match(await cutoff(), /work 120 of 1,500 leads \(8\.0%\)/);
    assert.equal(await worked(), 120);
    const expected = (text: string) => Number(/expected conversions ≈ ([\d.]+)/.exec(text)![1]);
    assert.ok(expected(await cutoff()) > expected(cutoff40));
    const line = await page.evaluate(
      `(() => { const s = document.getElementById('chart-scores').layout.shapes; return s.length ? s[0].x0 : null; })()`,
    );
    assert.equal(typeof line, 'number', 'the cut-off line is drawn');

    // Grade filter.
    await page.click('button[data-grade="A"]');
    await page.waitForFunction(`document.querySelector('button[data-grade="A"]').getAttribute('aria-pressed') === 'true'`);
    const gradeRows = await rowCount();
    assert.ok(gradeRows > 0 && gradeRows < 500);
    const grades = await page.locator('#leads tbody td.grade').allInnerTexts();
    assert.ok(grades.every((g) => g.trim() === 'A'));
    await page.click('button[data-grade="all"]');
    await page.waitForFunction(`document.querySelectorAll('#leads tbody tr').length === 500`);

    // Segment filter (industry).
    const option = await page.evaluate(`document.querySelectorAll('#segment option')[1].value`);
    await page.selectOption('#segment', String(option));
    await page.waitForFunction(`document.querySelectorAll('#leads tbody tr').length < 500`);
    const segments = await page.locator('#leads tbody td.segment').allInnerTexts();
    assert.ok(segments.length > 0 && segments.every((s) => s.trim() === option));
    assert.match(await cutoff(), new RegExp(`of ${segments.length} leads`));

    // The drawer shows the lead's reasons.
    const firstId = (await text('#leads tbody tr:first-child td.lead-id')).trim();
    await page.click('#leads tbody tr:first-child');
    await page.waitForSelector('#drawer:not([hidden])');
    assert.equal(await text('#drawer-title'), `Lead ${firstId}`);
    const reasons = await page.locator('#drawer-reasons li').allInnerTexts();
    const data = (await (
      await fetch(`${url}/v1/dashboard/leads`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as DashboardData;
    assert.deepEqual(reasons, data.leads.find((l) => l.id === firstId)!.reasons);
    await page.click('#drawer-close');
    await page.waitForSelector('#drawer', { state: 'hidden' });

    // The funnel is by stage, since the scored file has one.
    const funnelTitle = await page.evaluate(`document.getElementById('chart-funnel').layout.title.text`);
    assert.equal(funnelTitle, 'Funnel by funnel stage');

    const origin = new URL(url).origin;
    assert.deepEqual(browser.failedRequests, []);
    // The one expected error: the first load, made before the token was given.
    assert.deepEqual(browser.errors, ['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    assert.deepEqual(
      browser.requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:')),
      [],
      'nothing loaded from another host',
    );
  } finally {
    await browser.close();
  }
});
