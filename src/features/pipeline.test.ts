import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.js';
import { writeBuiltinDataset } from '../data/datasets/builtin/index.js';
import { loadDataset } from '../data/datasets/load-dataset.js';
import { FeaturePipeline } from './pipeline.js';
import { groupBy, readRawRecords } from './test-support/raw-records.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-features-'));
after(() => rmSync(root, { recursive: true, force: true }));
const dir = join(root, 'data', 'raw', 'builtin');
await writeBuiltinDataset(dir, { leads: 3000, seed: 5, positiveRate: 0.05 });
const data = loadDataset('builtin', { root });
const { pipeline, train } = FeaturePipeline.fitTransform(data, { seed: 3 });
const rawLeads = readRawRecords(join(dir, 'leads.csv'));
const rawEvents = groupBy(readRawRecords(join(dir, 'events.csv')), 'lead_id');

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const xPath = join(projectRoot, '..', 'shared', 'data', 'x-education-leads.csv');
const skipX = existsSync(xPath) ? false : `needs ${xPath}`;

/** Asserts that transformOne on each raw record equals the batch row, bit for bit. */
function assertRowsMatch(
  p: FeaturePipeline,
  batch: Float64Array,
  cols: number,
  leads: Record<string, string>[],
  eventsOf: (lead: Record<string, string>) => Record<string, string>[],
) {
  const names = p.featureNames;
  for (let i = 0; i < leads.length; i++) {
    const row = p.transformOne(leads[i], eventsOf(leads[i]));
    for (let j = 0; j < cols; j++) {
      if (!Object.is(row[j], batch[i * cols + j])) {
        assert.fail(`row ${i}, feature "${names[j]}": transformOne ${row[j]} vs batch ${batch[i * cols + j]}`);
      }
    }
  }
}

test('built-in data: transformOne on the raw CSV record equals the batch row for every lead', () => {
  const batch = pipeline.transform(data.leads, data.events);
  assert.equal(batch.matrix.rows, 3000);
  assertRowsMatch(pipeline, batch.matrix.data, batch.matrix.cols, rawLeads, (lead) => rawEvents.get(lead.lead_id) ?? []);
});

test('x-education: transformOne equals the batch row for every lead', { skip: skipX }, () => {
  const x = loadDataset(xPath, { config: 'x-education' });
  const p = FeaturePipeline.fit(x, { seed: 1 });
  const batch = p.transform(x.leads);
  assertRowsMatch(p, batch.matrix.data, batch.matrix.cols, readRawRecords(xPath), () => []);
});

test('the training matrix equals transform except for out-of-fold target encodings', () => {
  const later = pipeline.transform(data.leads, data.events).matrix;
  const names = pipeline.featureNames;
  for (let j = 0; j < names.length; j++) {
    let same = true;
    for (let i = 0; i < later.rows && same; i++) same = train.matrix.data[i * later.cols + j] === later.data[i * later.cols + j];
    assert.equal(same, !names[j].endsWith('__target'), names[j]);
  }
});

test('a JSON round trip of the spec transforms identically', () => {
  const restored = FeaturePipeline.fromJSON(JSON.parse(JSON.stringify(pipeline.toJSON())));
  assert.deepEqual(
    restored.transform(data.leads, data.events).matrix.data,
    pipeline.transform(data.leads, data.events).matrix.data,
  );
  assert.deepEqual(restored.featureNames, pipeline.featureNames);
});

test('no personal value of the input appears anywhere in the serialized spec', () => {
  const json = JSON.stringify(pipeline.toJSON());
  const strings = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.add(v.trim().toLowerCase());
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        strings.add(k.toLowerCase());
        collect(x);
      }
    }
  };
  collect(JSON.parse(json));
  let checked = 0;
  for (const lead of rawLeads) {
    for (const column of ['first_name', 'last_name', 'email', 'phone']) {
      const value = lead[column].trim().toLowerCase();
      if (value === '') continue;
      checked++;
      assert.ok(!strings.has(value), `${column} value "${lead[column]}" is in the spec`);
      if (column === 'email' || column === 'phone')
        assert.ok(!json.toLowerCase().includes(value), `${column} "${value}" appears in the spec text`);
    }
  }
  assert.ok(checked > 8000);
  assert.ok(pipeline.spec.excluded.some((e) => e.column === 'email' && e.reason === 'personal data'));
});

test('events after acceptance change no feature: removing them from the input gives the same matrix', () => {
  const accepted = new Map<string, number>();
  for (const lead of rawLeads) if (lead.accepted_at) accepted.set(lead.lead_id, Date.parse(lead.accepted_at));
  const events = data.events!;
  const keep = events;
  const ids = keep.array('lead_id') as string[];
  const times = keep.array('timestamp') as string[];
  const rows: number[] = [];
  let post = 0;
  for (let i = 0; i < ids.length; i++) {
    const at = accepted.get(ids[i]);
    if (at !== undefined && Date.parse(times[i]) >= at) post++;
    else rows.push(i);
  }
  assert.ok(post > 20, `post-acceptance events in the sample: ${post}`);
  const withAll = pipeline.transform(data.leads, events).matrix;
  const withoutPost = pipeline.transform(data.leads, keep.reify(rows)).matrix;
  assert.deepEqual(withoutPost.data, withAll.data);
});

test('without censoring, accepted leads count their customer activity; other leads are unchanged', () => {
  const uncensored = FeaturePipeline.fit(data, { seed: 3, censor: false, taxonomy: pipeline.spec.events!.taxonomy });
  const a = pipeline.transform(data.leads, data.events).matrix;
  const b = uncensored.transform(data.leads, data.events).matrix;
  const ja = pipeline.featureNames.indexOf('events.count');
  const jb = uncensored.featureNames.indexOf('events.count');
  let more = 0;
  rawLeads.forEach((lead, i) => {
    const censored = a.get(i, ja);
    const all = b.get(i, jb);
    if (lead.sales_accepted === '1') more += all > censored ? 1 : 0;
    else assert.equal(all, censored, `lead ${lead.lead_id}`);
  });
  assert.ok(more > 10, `accepted leads with more events uncensored: ${more}`);
});

test('a table without a column the features need is refused, naming the column', () => {
  const without = data.leads.select(data.leads.columnNames().filter((n) => n !== 'timeframe'));
  assert.throws(() => pipeline.transform(without, data.events), InputError);
  assert.throws(() => pipeline.transform(without, data.events), /lack a column the features need: "timeframe"/);
  assert.throws(() => pipeline.transform(data.leads, null), /fitted with an event log/);
});

test('unseen levels land in the other bucket, wrong types count as missing, absent fields are missing unless strict', () => {
  const lead = { ...rawLeads[0], timeframe: 'Next decade', employees: 'lots', newsletter_opt_in: 'maybe' };
  const row = pipeline.transformOne(lead, []);
  const names = pipeline.featureNames;
  const at = (name: string): number => row[names.indexOf(name)];
  assert.equal(at('timeframe=__other__'), 1);
  assert.equal(at('employees'), -1);
  assert.equal(at('employees__missing'), 1);
  const { timeframe: _dropped, ...partial } = rawLeads[0];
  assert.equal(pipeline.transformOne(partial, [])[names.indexOf('timeframe=__missing__')], 1);
  assert.throws(() => pipeline.transformOne(partial, [], { strict: true }), /the lead has no "timeframe"/);
});

test('scaling and the e-mail domain transform apply identically in batch and to one lead, and keep no address', () => {
  const p = FeaturePipeline.fit(data, { seed: 3, scale: true, emailDomain: 'email', taxonomy: pipeline.spec.events!.taxonomy });
  assert.ok(p.spec.scaler);
  assert.ok(p.featureNames.includes('email.freeMail'));
  const batch = p.transform(data.leads, data.events).matrix;
  const leads = rawLeads.slice(0, 300);
  assertRowsMatch(p, batch.data.subarray(0, 300 * batch.cols), batch.cols, leads, (lead) => rawEvents.get(lead.lead_id) ?? []);
  const json = JSON.stringify(p.toJSON());
  assert.ok(!rawLeads.slice(0, 500).some((l) => json.includes(l.email.trim())));
});
