import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, DataError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { loadDataset } from './load-dataset.js';
import { resolveDataset } from './resolve-dataset.js';
import { MIN_SAMPLE_PER_CLASS, sampleLeadRows } from './sample-leads.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-datasets-'));
after(() => rmSync(root, { recursive: true, force: true }));

const LEAD_COLUMNS =
  'lead_id,created_at,first_name,last_name,email,phone,company,job_title,country,region,industry,employees,annual_revenue,company_age_years,tech_stack,timeframe,budget,use_case,lead_origin,first_touch_channel,email_opens,email_clicks,newsletter_opt_in,sales_accepted,accepted_at,funnel_stage';

/** A small data set shaped like the generated built-in one: 60 leads, 10 accepted. */
function writeBuiltinLike(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const rng = new Rng(1);
  const leads = [LEAD_COLUMNS];
  const events = ['lead_id,timestamp,channel,url,title,event_type,time_on_page_s'];
  const truth = ['lead_id,p_true'];
  for (let i = 0; i < 60; i++) {
    const id = `L${String(i).padStart(5, '0')}`;
    const accepted = i % 6 === 0 ? 1 : 0;
    const country = rng.pick(['Germany ', 'germany', 'France', 'unknown', '-']);
    leads.push(
      [
        id,
        `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`,
        'Ana',
        `Smith${i}`,
        `ana${i}@example.com`,
        `+49 30 ${1000000 + i}`,
        'Acme',
        'CTO',
        country,
        'EMEA',
        'Software',
        i % 4 === 0 ? '' : String(10 * i),
        String(1000 * i),
        String(i % 9),
        'crm;erp',
        'Select',
        'N/A',
        'analytics',
        'Web Form',
        i % 2 ? 'Email' : 'email',
        String(i % 5),
        String(i % 3),
        i % 2 ? 'Yes' : 'No',
        String(accepted),
        accepted ? '2024-03-01T00:00:00Z' : '',
        accepted ? 'won' : 'lead',
      ].join(','),
    );
    for (let k = 0; k < 3; k++)
      events.push(`${id},2024-02-0${k + 1}T10:00:00Z,email,https://x.io/p${k},"Page, ${k}",page_view,${k * 10}`);
    truth.push(`${id},${(0.1 + i / 100).toFixed(3)}`);
  }
  writeFileSync(join(dir, 'leads.csv'), `${leads.join('\n')}\n`);
  writeFileSync(join(dir, 'events.csv'), `${events.join('\n')}\n`);
  writeFileSync(join(dir, 'truth.csv'), `${truth.join('\n')}\n`);
}

writeBuiltinLike(join(root, 'data', 'raw', 'builtin'));

test('the builtin preset loads leads, events and truth from the project root, normalized', () => {
  const data = loadDataset('builtin', { root });
  assert.equal(data.name, 'builtin');
  assert.equal(data.leads.numRows(), 60);
  assert.equal(data.events!.numRows(), 180);
  assert.equal(data.truth!.numRows(), 60);
  assert.deepEqual(new Set(data.leads.array('country')), new Set(['germany', 'france', null]));
  assert.deepEqual(new Set(data.leads.array('first_touch_channel')), new Set(['email']));
  assert.equal(data.leads.get('timeframe', 0), null);
  assert.equal(data.leads.get('budget', 0), null);
  assert.equal(data.leads.get('lead_id', 0), 'L00000');
  assert.equal(typeof data.leads.get('annual_revenue', 1), 'number');
  assert.equal(data.events!.get('title', 0), 'Page, 0');
  assert.deepEqual([...data.leadLines.slice(0, 3)], [2, 3, 4]);
});

test('a missing built-in data set says how to create it', () => {
  assert.throws(
    () => loadDataset('builtin', { root: join(root, 'elsewhere') }),
    (e: unknown) => e instanceof DataError && /has not been generated yet.*leadstack generate/.test(e.message),
  );
});

test("a sample is stratified, seeded, and carries only its leads' events and truth", () => {
  const a = loadDataset('builtin', { root, sample: 30, seed: 4 });
  const b = loadDataset('builtin', { root, sample: 30, seed: 4 });
  const c = loadDataset('builtin', { root, sample: 30, seed: 5 });
  assert.equal(a.leads.numRows(), 30);
  assert.equal((a.leads.array('sales_accepted') as number[]).filter((v) => v === 1).length, 5);
  assert.deepEqual(a.leads.array('lead_id'), b.leads.array('lead_id'));
  assert.notDeepEqual(a.leads.array('lead_id'), c.leads.array('lead_id'));
  const ids = new Set(a.leads.array('lead_id'));
  assert.equal(a.events!.numRows(), 90);
  assert.ok((a.events!.array('lead_id') as string[]).every((id) => ids.has(id)));
  assert.equal(a.truth!.numRows(), 30);
  const lines = [...a.leadLines];
  assert.deepEqual(
    lines,
    [...lines].sort((x, y) => x - y),
  );
});

test('sampleLeadRows keeps the class ratio and at least a few rows of the rare class', () => {
  const labels = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0 ? 1 : 0));
  const rows = sampleLeadRows(labels, 100, 1);
  assert.equal(rows.length, 100);
  assert.equal(Array.from(rows).filter((r) => labels[r] === 1).length, MIN_SAMPLE_PER_CLASS);
  const balanced = sampleLeadRows(
    Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? 1 : 0)),
    200,
    1,
  );
  assert.equal(Array.from(balanced).filter((r) => r % 4 === 0).length, 50);
  assert.equal(sampleLeadRows(labels, 5000, 1).length, 1000);
  assert.throws(() => sampleLeadRows(labels, 1, 1), /sample size must be an integer ≥ 2/);
});

test('a dataset config resolves its paths relative to its own folder', () => {
  const dir = join(root, 'crm');
  mkdirSync(join(dir, 'exports'), { recursive: true });
  writeFileSync(join(dir, 'exports', 'leads.csv'), 'id,Source,won\n1,Web,yes\n2,web ,no\n3,Ads,no\n4,,yes\n');
  writeFileSync(
    join(dir, 'crm.json'),
    JSON.stringify({ leads: 'exports/leads.csv', target: { column: 'won', positive: 'Yes' }, id: 'id', caseFold: ['Source'] }),
  );
  const data = loadDataset(join(dir, 'crm.json'));
  assert.equal(data.name, 'crm');
  assert.deepEqual(data.leads.array('Source'), ['web', 'web', 'ads', null]);
  assert.deepEqual(data.leads.array('id'), ['1', '2', '3', '4']);
  assert.equal(resolveDataset(join(dir, 'crm.json')).leadsPath, join(dir, 'exports', 'leads.csv'));
});

test('a data file is read with a config or a preset given alongside', () => {
  const csv = join(root, 'crm', 'exports', 'leads.csv');
  const data = loadDataset(csv, { config: join(root, 'crm', 'crm.json') });
  assert.equal(data.leads.numRows(), 4);
  const inline = loadDataset(csv, { config: { name: 'inline', target: { column: 'won', positive: 'yes' } } as never });
  assert.equal(inline.name, 'inline');
  const builtinCsv = join(root, 'data', 'raw', 'builtin', 'leads.csv');
  const viaPreset = loadDataset(builtinCsv, { config: 'builtin' });
  assert.equal(viaPreset.events!.numRows(), 180);
  assert.throws(
    () => resolveDataset(csv),
    (e: unknown) => e instanceof ConfigError && /is a data file; say how to read it/.test(e.message),
  );
  assert.throws(() => resolveDataset('no-such-thing'), /unknown dataset "no-such-thing": not a preset \(builtin, x-education\)/);
  assert.throws(() => resolveDataset('builtin', { config: 'x.json' }), /is a preset and has its own config/);
});

test('the x-education file is found by explicit path, environment variable, then the project folders', () => {
  const xroot = join(root, 'x');
  mkdirSync(join(xroot, 'data', 'raw'), { recursive: true });
  const header = 'Prospect ID,Lead Number,Converted,Tags,Lead Quality,Last Activity,Last Notable Activity\n';
  const body = 'a,1,1,Will revert,High,Email Opened,Modified\nb,2,0,Ringing,Select,SMS Sent,Modified\n';
  const inRaw = join(xroot, 'data', 'raw', 'Leads.csv');
  writeFileSync(inRaw, header + body);
  const explicit = join(root, 'explicit.csv');
  writeFileSync(explicit, header + body);
  const env = {};
  assert.equal(resolveDataset('x-education', { root: xroot, env }).leadsPath, inRaw);
  assert.equal(resolveDataset('x-education', { root: xroot, env: { LEADSTACK_X_EDUCATION_CSV: explicit } }).leadsPath, explicit);
  assert.equal(resolveDataset('x-education', { root: xroot, env, xEducationPath: explicit }).leadsPath, explicit);
  assert.throws(
    () => resolveDataset('x-education', { root: xroot, env: { LEADSTACK_X_EDUCATION_CSV: join(root, 'gone.csv') } }),
    /not found at .*gone\.csv \(from \$LEADSTACK_X_EDUCATION_CSV\)/,
  );
  assert.throws(
    () => loadDataset('x-education', { root: xroot, env }),
    /^ConfigError: preset x-education, field "caseFold\[0\]": names 10 columns that .*Leads\.csv does not have/,
  );
  assert.throws(
    () => resolveDataset('x-education', { root: join(root, 'empty'), env }),
    (e: unknown) =>
      e instanceof DataError &&
      /Download Leads\.csv of the public "Lead Scoring" data set of X Education/.test(e.message) &&
      /x-education-leads\.csv/.test(e.message),
  );
});

test('rows without a label fail by default and are dropped on request', () => {
  const dir = join(root, 'open');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'leads.csv'), 'id,won\n1,1\n2,\n3,0\n4,1\n');
  const config = { name: 'open', target: { column: 'won', positive: 1 }, id: 'id' } as never;
  assert.throws(() => loadDataset(join(dir, 'leads.csv'), { config }), /target column "won" is missing on 1 row: line 3/);
  const data = loadDataset(join(dir, 'leads.csv'), { config, unlabeled: 'drop' });
  assert.deepEqual(data.leads.array('id'), ['1', '3', '4']);
  assert.deepEqual([...data.leadLines], [2, 4, 5]);
});
