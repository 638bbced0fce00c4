import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InputError } from '../../../core/errors.js';
import { BUILTIN_EVENT_COLUMNS, BUILTIN_FILES, BUILTIN_LEAD_COLUMNS, BUILTIN_TRUTH_COLUMNS } from './columns.js';
import { eventCells } from './event-cells.js';
import { generateBuiltinDataset } from './generate-builtin-dataset.js';
import { parseCsv } from './test-support/parse-csv.js';
import { writeBuiltinDataset } from './write-builtin-dataset.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-builtin-'));
after(() => rmSync(root, { recursive: true, force: true }));

const OPTIONS = { leads: 3000, seed: 11 };
const progress: [number, number][] = [];
const first = await writeBuiltinDataset(join(root, 'a', 'nested'), OPTIONS, (done, total) => progress.push([done, total]));
const second = await writeBuiltinDataset(join(root, 'b'), OPTIONS);
const other = await writeBuiltinDataset(join(root, 'c'), { ...OPTIONS, seed: 12 });
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const dataset = generateBuiltinDataset(OPTIONS);

test('writes the four files into a created directory and leaves no temporary files', () => {
  assert.deepEqual(readdirSync(first.outDir).sort(), Object.values(BUILTIN_FILES).sort());
  assert.equal(first.files.leads, join(first.outDir, 'leads.csv'));
  assert.equal(first.leads, 3000);
  assert.ok(first.events > 3000 && first.elapsedMs > 0);
});

test('the same seed gives byte-identical files and a different seed different ones', () => {
  for (const file of Object.values(BUILTIN_FILES)) {
    assert.equal(read(first.outDir, file), read(second.outDir, file), file);
    assert.notEqual(read(first.outDir, file), read(other.outDir, file), file);
  }
});

test('leads.csv parses back (RFC 4180) to exactly the in-memory columns, quoted commas included', () => {
  const text = read(first.outDir, 'leads.csv');
  const records = parseCsv(text);
  assert.deepEqual(records[0], [...BUILTIN_LEAD_COLUMNS]);
  assert.equal(records.length, 3001);
  for (let i = 0; i < 3000; i++) {
    BUILTIN_LEAD_COLUMNS.forEach((name, c) => {
      assert.equal(records[i + 1][c], dataset.leads.columns[name][i], `${name} row ${i}`);
    });
  }
  assert.ok(/,"[^",\n]+, [^",\n]+",/.test(text), 'a quoted value containing a comma');
  assert.ok(
    records.some((r) => r[7].trim().toLowerCase() === 'director, it'),
    'job titles like "Director, IT"',
  );
  assert.ok(
    records.some((r) => r[6] !== r[6].trim()),
    'stray whitespace survives the round trip',
  );
});

test('events.csv parses back to the in-memory events, with full vendor URLs and quoted titles', () => {
  const text = read(first.outDir, 'events.csv');
  const records = parseCsv(text);
  assert.deepEqual(records[0], [...BUILTIN_EVENT_COLUMNS]);
  assert.equal(records.length - 1, dataset.events.rowCount);
  for (let e = 0; e < dataset.events.rowCount; e += 7) {
    assert.deepEqual(records[e + 1], eventCells(dataset.events, e));
  }
  assert.ok(records.slice(1).every((r) => /^https:\/\/[a-z]+\.qualivo\.com\//.test(r[3])));
  assert.ok(
    text.includes('"How a Telco Automated 2,000 Salesforce Tests"') ||
      text.includes('"Device Fragmentation: Test Less, Cover More"'),
  );
});

test('truth.csv holds one probability per lead and generator.json the parameters and counts', () => {
  const truth = parseCsv(read(first.outDir, 'truth.csv'));
  assert.deepEqual(truth[0], [...BUILTIN_TRUTH_COLUMNS]);
  assert.equal(truth.length, 3001);
  const p = truth.slice(1).map((r) => Number(r[1]));
  assert.ok(p.every((x) => x > 0 && x < 1));
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) / p.length - 0.01) < 1e-9);
  const meta = JSON.parse(read(first.outDir, 'generator.json'));
  assert.deepEqual(meta.parameters, { seed: 11, leads: 3000, positiveRate: 0.01 });
  assert.equal(meta.formatVersion, 1);
  assert.deepEqual(meta.rows, { leads: 3000, events: first.events, truth: 3000 });
  assert.equal(meta.positives, first.positives);
  assert.equal(meta.achievedPositiveRate, first.positiveRate);
});

test('progress runs from simulation to writing and ends at twice the lead count', () => {
  assert.deepEqual(progress.at(-1), [6000, 6000]);
  assert.ok(progress.some(([done]) => done > 3000 && done < 6000));
  for (let k = 1; k < progress.length; k++) assert.ok(progress[k][0] >= progress[k - 1][0]);
});

test('invalid options throw InputError before anything is written', async () => {
  const dir = join(root, 'never');
  await assert.rejects(writeBuiltinDataset(dir, { leads: 0 }), InputError);
  await assert.rejects(writeBuiltinDataset(dir, { positiveRate: 0.95 }), /positiveRate/);
  assert.throws(() => readdirSync(dir), /ENOENT/);
});
