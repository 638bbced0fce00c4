import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateBuiltinDataset } from './generate-builtin-dataset.js';
import { KIND, SITE_PAGES, STAGE_OF_KIND } from './site-catalogue.js';
import { EV_DEMO_REQUEST, EV_DOWNLOAD, EV_WEBINAR } from './taxonomy.js';

const LEADS = 20_000;
const progress: [number, number][] = [];
const data = generateBuiltinDataset({ leads: LEADS, seed: 7 }, (done, total) => progress.push([done, total]));
const { leads, events, truth, counts } = data;
const cols = leads.columns;

const PLACEHOLDERS = new Set(['select', 'n/a', '-', 'unknown']);
function isMissingCell(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === '' || PLACEHOLDERS.has(v);
}
function missingShare(values: readonly string[]): number {
  return values.filter(isMissingCell).length / values.length;
}
function meanP(rows: number[]): number {
  return rows.reduce((a, i) => a + truth.pTrue[i], 0) / rows.length;
}
const allRows = Array.from({ length: LEADS }, (_, i) => i);
const eventsByLead = Array.from({ length: LEADS }, () => [] as number[]);
for (let e = 0; e < events.rowCount; e++) eventsByLead[events.leadRow[e]].push(e);
const CUSTOMER_KINDS = new Set([KIND.onboarding, KIND.training, KIND.support, KIND.docs, KIND.pricing, KIND.home]);
const isOffline = (i: number): boolean => cols.lead_origin[i] === 'Trade show' || cols.lead_origin[i] === 'Event';

test('mean p_true equals the requested rate and the drawn labels match it within sampling error', () => {
  assert.ok(Math.abs(counts.meanTrueProbability - 0.01) < 1e-9, `mean p_true ${counts.meanTrueProbability}`);
  let variance = 0;
  for (const p of truth.pTrue) variance += p * (1 - p);
  const sd = Math.sqrt(variance) / LEADS;
  assert.ok(Math.abs(counts.positiveRate - 0.01) < 3.5 * sd, `rate ${counts.positiveRate}, sd ${sd}`);
  assert.equal(counts.positives, cols.sales_accepted.filter((v) => v === '1').length);
});

test('a course-sales-like rate of 0.385 is met as well', () => {
  const high = generateBuiltinDataset({ leads: 4000, seed: 3, positiveRate: 0.385 });
  assert.ok(Math.abs(high.counts.meanTrueProbability - 0.385) < 1e-9);
  assert.ok(Math.abs(high.counts.positiveRate - 0.385) < 0.03, `rate ${high.counts.positiveRate}`);
  assert.ok(high.counts.bayesRocAuc > 0.7 && high.counts.bayesRocAuc < 0.9, `AUC ${high.counts.bayesRocAuc}`);
});

test('the Bayes ROC AUC of p_true lies in the learnable-but-not-trivial range', () => {
  assert.ok(counts.bayesRocAuc > 0.84 && counts.bayesRocAuc < 0.93, `AUC ${counts.bayesRocAuc}`);
});

test('enrichment is missing for large shares of leads, revenue for about 95%, and its presence carries signal', () => {
  const ranges: [string, number, number][] = [
    ['employees', 0.5, 0.8],
    ['annual_revenue', 0.92, 0.99],
    ['company_age_years', 0.6, 0.85],
    ['tech_stack', 0.65, 0.9],
  ];
  for (const [name, low, high] of ranges) {
    const share = missingShare(cols[name as 'employees']);
    assert.ok(share > low && share < high, `${name} missing share ${share}`);
  }
  const present = allRows.filter((i) => !isMissingCell(cols.employees[i]));
  const absent = allRows.filter((i) => isMissingCell(cols.employees[i]));
  assert.ok(meanP(present) > 1.5 * meanP(absent), `${meanP(present)} vs ${meanP(absent)}`);
});

test('form fields are often blank or "Select"; a missing time frame is strongly negative, "0-3 months" strongly positive', () => {
  const ranges: [string, number, number][] = [
    ['timeframe', 0.5, 0.75],
    ['budget', 0.6, 0.85],
    ['use_case', 0.4, 0.7],
  ];
  for (const [name, low, high] of ranges) {
    const share = missingShare(cols[name as 'timeframe']);
    assert.ok(share > low && share < high, `${name} missing share ${share}`);
  }
  assert.ok(cols.timeframe.includes('Select') && cols.budget.includes('N/A'));
  const missing = allRows.filter((i) => isMissingCell(cols.timeframe[i]));
  const answered = allRows.filter((i) => !isMissingCell(cols.timeframe[i]));
  const soon = allRows.filter((i) => cols.timeframe[i] === '0-3 months');
  assert.ok(meanP(missing) < 0.4 * meanP(answered), `${meanP(missing)} vs ${meanP(answered)}`);
  assert.ok(meanP(soon) > 3 * meanP(allRows), `${meanP(soon)} vs ${meanP(allRows)}`);
});

test('about 90% of web leads have paths shorter than five steps, with a tail of dozens', () => {
  const web = allRows.filter((i) => cols.lead_origin[i] === 'Web');
  const lengths = web.map((i) => eventsByLead[i].filter((e) => events.isPostAcceptance[e] === 0).length);
  const short = lengths.filter((n) => n < 5).length / lengths.length;
  assert.ok(short > 0.86 && short < 0.94, `share shorter than 5: ${short}`);
  assert.ok(
    lengths.every((n) => n >= 1),
    'every web lead was created by a tracked conversion',
  );
  assert.ok(lengths.filter((n) => n >= 24).length > 0.02 * web.length, 'a long tail of researchers');
});

test('post-acceptance events exist only for accepted leads, after accepted_at; earlier events precede it', () => {
  assert.ok(counts.postAcceptanceEvents > 0);
  let post = 0;
  for (let e = 0; e < events.rowCount; e++) {
    const lead = events.leadRow[e];
    const acceptedAt = leads.acceptedAtS[lead];
    if (events.isPostAcceptance[e] === 1) {
      post++;
      assert.equal(leads.salesAccepted[lead], 1);
      assert.ok(events.timestampS[e] > acceptedAt);
      assert.ok(CUSTOMER_KINDS.has(SITE_PAGES[events.page[e]].kind));
    } else {
      if (leads.salesAccepted[lead] === 1) assert.ok(events.timestampS[e] < acceptedAt);
      assert.notEqual(STAGE_OF_KIND[SITE_PAGES[events.page[e]].kind], 3, 'customer-only pages appear only after acceptance');
    }
  }
  assert.equal(post, counts.postAcceptanceEvents);
});

test('accepted leads have accepted_at within days or weeks of created_at; others have none', () => {
  for (let i = 0; i < LEADS; i++) {
    if (leads.salesAccepted[i] === 0) {
      assert.equal(cols.accepted_at[i], '');
      continue;
    }
    const days = (leads.acceptedAtS[i] - leads.createdAtS[i]) / 86_400;
    assert.ok(days > 0 && days < 150, `lead ${cols.lead_id[i]} accepted after ${days} days`);
  }
});

test('trade-show and event leads have no web events', () => {
  const offline = allRows.filter(isOffline);
  assert.ok(offline.length > 0.08 * LEADS);
  assert.ok(offline.every((i) => eventsByLead[i].length === 0));
});

test('events are ordered by lead, then time; leads by creation time within 2024-2025', () => {
  for (let e = 1; e < events.rowCount; e++) {
    const a = events.leadRow[e - 1];
    const b = events.leadRow[e];
    assert.ok(a < b || (a === b && events.timestampS[e - 1] < events.timestampS[e]), `event row ${e}`);
  }
  for (let i = 1; i < LEADS; i++) assert.ok(leads.createdAtS[i - 1] <= leads.createdAtS[i]);
  assert.ok(cols.created_at[0] >= '2024-01-01T00:00:00Z' && cols.created_at[LEADS - 1] <= '2025-12-31T23:59:59Z');
  assert.match(cols.created_at[100], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(cols.lead_id[0], 'L0000001');
});

test('PII columns look like PII: e-mails with @ on company and free-mail domains, phones with digits', () => {
  assert.ok(cols.email.every((e) => /^[^@\s]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(e)));
  const freeMail = cols.email.filter((e) => /@(gmail|yahoo|outlook|hotmail)\./i.test(e)).length / LEADS;
  assert.ok(freeMail > 0.1 && freeMail < 0.5, `free-mail share ${freeMail}`);
  const phones = cols.phone.filter((p) => p !== '');
  assert.ok(phones.length > 0.4 * LEADS && phones.every((p) => /\d{2}/.test(p)));
  assert.ok(phones.some((p) => p.startsWith('+44')) && phones.some((p) => p.startsWith('+1 (')));
  assert.ok(cols.first_name.every((n) => n.trim().length > 0) && cols.last_name.every((n) => n.trim().length > 0));
});

test('first_touch_channel carries messy casing and whitespace', () => {
  const googles = new Set(cols.first_touch_channel.filter((c) => c.trim().toLowerCase() === 'google'));
  assert.ok(googles.has('Google') && googles.has('google') && googles.has('GOOGLE'), [...googles].join('|'));
  assert.ok([...googles].some((c) => c !== c.trim()));
});

test('seniority and department matter: students convert far less than testing managers', () => {
  const norm = (t: string) => t.trim().toLowerCase();
  const students = allRows.filter((i) => norm(cols.job_title[i]) === 'student');
  const managers = allRows.filter((i) => ['qa manager', 'test manager', 'head of testing'].includes(norm(cols.job_title[i])));
  const marketers = allRows.filter((i) => norm(cols.job_title[i]) === 'marketing manager');
  assert.ok(meanP(managers) > 4 * meanP(students), `${meanP(managers)} vs ${meanP(students)}`);
  assert.ok(meanP(managers) > 1.5 * meanP(marketers), `${meanP(managers)} vs ${meanP(marketers)}`);
});

test('funnel_stage agrees with behaviour: Action iff accepted, Decision after decision pages, Awareness without content', () => {
  for (let i = 0; i < LEADS; i++) {
    const stage = cols.funnel_stage[i];
    assert.equal(stage === 'Action', leads.salesAccepted[i] === 1);
    const pre = eventsByLead[i].filter((e) => events.isPostAcceptance[e] === 0);
    const decided = pre.some(
      (e) => STAGE_OF_KIND[SITE_PAGES[events.page[e]].kind] === 2 || events.eventType[e] === EV_DEMO_REQUEST,
    );
    if (stage === 'Action') continue;
    assert.equal(stage === 'Decision', decided || cols.timeframe[i] === '0-3 months', `lead ${cols.lead_id[i]}`);
    if (stage === 'Awareness') {
      assert.ok(pre.length < 3 && pre.every((e) => events.eventType[e] !== EV_DOWNLOAD && events.eventType[e] !== EV_WEBINAR));
    }
  }
});

test('progress is reported in steps up to the number of leads', () => {
  assert.ok(progress.length >= 10);
  assert.deepEqual(progress.at(-1), [LEADS, LEADS]);
  for (let k = 1; k < progress.length; k++) assert.ok(progress[k][0] >= progress[k - 1][0]);
});
