import assert from 'node:assert/strict';
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DataError, SerializationError } from '../core/errors.js';
import { readCsvBatches } from '../data/csv/csv-batches.js';
import { recordAt } from '../data/datasets/lead-records.js';
import { EventRecords } from './event-records.js';
import { EventStore } from './event-store.js';
import { packRecord, RECORD_SEPARATOR, unpackEvents } from './lead-batch.js';
import { LeadValidator } from './lead-validator.js';
import { loadArtifact } from './load-artifact.js';
import { type ScoreFileOptions, scoreFile } from './score-file.js';
import { Scorer } from './scorer.js';
import { buildArtifact } from './test-support/build-artifact.js';
import { validateLead } from './validate-lead.js';

/** A lead's records from a store, as a scoring thread reads them. */
function packedOf(store: EventStore, leadId: string): string | null {
  return new EventRecords(store.shared()).packed(store.firstRecord(leadId));
}

const root = mkdtempSync(join(tmpdir(), 'leadstack-score-file-'));
after(() => rmSync(root, { recursive: true, force: true }));
const { dataset, dir } = await buildArtifact(root);
const scorer = await Scorer.load(dir);
const raw = join(root, 'data', 'raw', 'builtin');
const events = join(raw, 'events.csv');
const now = new Date('2026-03-04T05:06:07Z');

/** The leads file with a few rows made invalid (a word for a number, an impossible date). */
const leadsFile = join(root, 'leads.csv');
const badLines: number[] = [];
{
  const lines = readFileSync(join(raw, 'leads.csv'), 'utf8').trimEnd().split('\n').slice(0, 901);
  const header = lines[0].split(',');
  // Rows without quoted cells near lines 7, 400, 401 and 899, so that splitting on commas finds the columns.
  const plain = (from: number): number => {
    let line = from;
    while (lines[line - 1].includes('"')) line++;
    return line;
  };
  const at = [plain(7), plain(400)];
  at.push(plain(at[1] + 1), plain(880));
  for (const [line, column, value] of [
    [at[0], 'employees', 'lots'],
    [at[1], 'created_at', 'last tuesday'],
    [at[2], 'employees', '12 000'],
    [at[3], 'newsletter_opt_in', 'maybe'],
  ] as const) {
    const cells = lines[line - 1].split(',');
    cells[header.indexOf(column)] = value;
    badLines.push(line);
    lines[line - 1] = cells.join(',');
  }
  writeFileSync(leadsFile, `${lines.join('\n')}\n`);
}

const run = (name: string, options: Partial<ScoreFileOptions> = {}) =>
  scoreFile(scorer, { input: leadsFile, events, out: join(root, name), now, batchSize: 64, ...options });

const tempFiles = (): string[] => readdirSync(root).filter((f) => f.endsWith('.tmp'));

test('two threads write the same bytes as one, in input order, with the same rejects and summary', async () => {
  for (const format of ['csv', 'jsonl'] as const) {
    const one = await run(`one.${format}`, { format, threads: 1 });
    const two = await run(`two.${format}`, { format, threads: 2 });
    assert.equal(readFileSync(join(root, `two.${format}`), 'utf8'), readFileSync(join(root, `one.${format}`), 'utf8'));
    assert.equal(readFileSync(two.rejects, 'utf8'), readFileSync(one.rejects, 'utf8'));
    assert.deepEqual(
      { ...two, out: '', rejects: '', seconds: 0, leadsPerSecond: 0 },
      { ...one, out: '', rejects: '', seconds: 0, leadsPerSecond: 0 },
    );
    assert.equal(one.read, 900);
    assert.equal(one.rejected, 4);
    assert.equal(one.scored, 896);
    for (const [grade, counts] of Object.entries(one.scoreHistogram)) {
      assert.equal(
        counts.reduce((a, b) => a + b, 0),
        one.grades[grade],
        `score histogram of grade ${grade}`,
      );
    }
  }
  const rejects = readFileSync(join(root, 'one.csv.rejects.csv'), 'utf8').trim().split('\n');
  assert.deepEqual(
    rejects.slice(1).map((l) => l.split(',')[0]),
    badLines.map(String),
  );
  assert.match(rejects[1], /employees: expected a number, got ""lots""/);
  const scored = readFileSync(join(root, 'one.csv'), 'utf8').trim().split('\n').slice(1);
  const ids = scored.map((l) => l.split(',')[0]);
  assert.deepEqual(ids, [...ids].sort(), 'leads come out in file order');
  assert.ok(
    scored.every((l) => l.endsWith(',2026-03-04T05:06:07.000Z')),
    'one time stamp for the whole run',
  );
  assert.ok(scored.some((l) => /points/.test(l)));
  assert.deepEqual(tempFiles(), []);
});

test('without a given time every score of a run carries the same stamp, whichever thread scored it', async () => {
  await run('stamp.csv', { now: undefined, threads: 2 });
  const stamps = new Set(
    readFileSync(join(root, 'stamp.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').at(-1)),
  );
  assert.equal(stamps.size, 1);
});

test('a file that breaks off mid-way leaves no output behind, and an earlier output untouched', async () => {
  const broken = join(root, 'broken.csv');
  const text = readFileSync(leadsFile, 'utf8').trimEnd().split('\n');
  text.splice(600, 0, 'L9999999,"unterminated');
  writeFileSync(broken, `${text.join('\n')}\n`);
  for (const threads of [1, 2]) {
    writeFileSync(join(root, 'kept.csv'), 'earlier scores\n');
    await assert.rejects(run('kept.csv', { input: broken, threads }), (e: Error) => e instanceof DataError);
    assert.equal(readFileSync(join(root, 'kept.csv'), 'utf8'), 'earlier scores\n');
    assert.ok(!existsSync(join(root, 'kept.csv.rejects.csv')));
    assert.deepEqual(tempFiles(), []);
  }
});

test('a worker that cannot load the model folder fails the run with the reason, leaving no output', async () => {
  const copy = join(root, 'model-copy');
  cpSync(dir, copy, { recursive: true });
  const copied = Scorer.fromArtifact(await loadArtifact(copy));
  writeFileSync(join(copy, 'policy.json'), '{}');
  await assert.rejects(
    scoreFile(copied, { input: leadsFile, events, out: join(root, 'never.csv'), threads: 2 }),
    (e: Error) => e instanceof SerializationError && /policy\.json: was changed after export/.test(e.message),
  );
  assert.ok(!existsSync(join(root, 'never.csv')));
  assert.deepEqual(tempFiles(), []);
});

test('the compiled validator finds exactly the problems validateLead finds', () => {
  const artifact = scorer.artifact;
  const validator = new LeadValidator(artifact);
  const variants: [string, unknown][] = [
    ['employees', 'lots'],
    ['employees', ' 250 '],
    ['employees', '1,000'],
    ['employees', true],
    ['employees', Number.NaN],
    ['employees', 'N/A'],
    ['created_at', 'yesterday'],
    ['created_at', '2024-02-30T10:00:00Z'],
    ['created_at', '2024-02-29T10:00:00Z'],
    ['created_at', '2024-03-05 14:30:00.123+01:00'],
    ['created_at', { at: 1 }],
    ['newsletter_opt_in', 'maybe'],
    ['newsletter_opt_in', 'Y'],
    ['company', ['a']],
    ['timeframe', 'Select'],
  ];
  let compared = 0;
  for (let r = 0; r < 60; r++) {
    const base = recordAt(dataset, r * 37);
    const [field, value] = variants[r % variants.length];
    const lead = { ...base.lead, [field]: value };
    const eventSets: unknown[] = [
      base.events,
      undefined,
      null,
      'not a list',
      [...base.events, { timestamp: 'soon' }, null, [1], { timestamp: '2024-01-01T00:00:00Z' }],
    ];
    for (const events of eventSets) {
      assert.deepEqual(validator.problems(lead, events), validateLead(artifact, lead, events));
      compared++;
    }
  }
  assert.deepEqual(validator.problems('text'), validateLead(artifact, 'text'));
  assert.deepEqual(validator.problems(null), validateLead(artifact, null));
  assert.equal(compared, 300);
});

test('event records round-trip through their packing, control characters included', () => {
  const records = [
    ['L1', '2024-01-01T00:00:00Z', 'https://x.io/a?b=1', 'Title, with "quotes"', ''],
    ['L1', '2024-01-02T00:00:00Z', '', 'line\nbreak', 'tab\there'],
  ];
  for (const packing of ['joined', 'json'] as const) {
    const packed = records.map((r) => packRecord(r, packing)).join(RECORD_SEPARATOR);
    assert.deepEqual(unpackEvents(packed, packing, ','), records);
  }
  const odd = [
    ['L1', 'a\u0000b', '\u0001', 'c\n'],
    ['L1', ''],
  ];
  assert.deepEqual(unpackEvents(odd.map((r) => packRecord(r, 'json')).join(RECORD_SEPARATOR), 'json', ','), odd);
});

test('an events file holding control characters is read all the same', async () => {
  const lines = readFileSync(events, 'utf8').trimEnd().split('\n');
  // An event of a lead that is not in the leads file, with U+0001 in its title.
  const header = lines[0].split(',');
  const cells = header.map((name) =>
    name === 'lead_id' ? 'L9999999' : name === 'timestamp' ? '2024-05-01T10:00:00Z' : 'x\u0001y',
  );
  writeFileSync(join(root, 'odd-events.csv'), `${[...lines, cells.join(',')].join('\n')}\n`);
  await run('clean.csv', { threads: 1 });
  await run('odd.csv', { threads: 2, events: join(root, 'odd-events.csv') });
  assert.equal(readFileSync(join(root, 'odd.csv'), 'utf8'), readFileSync(join(root, 'clean.csv'), 'utf8'));
});

test('the event store gives each lead its records in file order, grouped or interleaved', async () => {
  const rows: string[][] = [];
  for (let k = 0; k < 9000; k++)
    rows.push([
      `L${k % 7}`,
      `2024-01-01T00:00:${String(k % 60).padStart(2, '0')}Z`,
      `https://x.io/p/${k}?q="é"`,
      `title, ${k} ${'x'.repeat(150)}`,
    ]);
  const csv = (records: string[][]) =>
    `lead_id,timestamp,url,title\n${records.map((r) => r.map((c) => (/[,"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n')}\n`;
  const interleaved = join(root, 'interleaved-events.csv');
  writeFileSync(interleaved, csv(rows));
  const grouped = join(root, 'grouped-events.csv');
  writeFileSync(grouped, csv([...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))));
  for (const file of [interleaved, grouped]) {
    const store = await EventStore.read(file, 'lead_id');
    assert.deepEqual(store.header, ['lead_id', 'timestamp', 'url', 'title']);
    for (let lead = 0; lead < 7; lead++) {
      const expected = rows.filter((r) => r[0] === `L${lead}`);
      assert.deepEqual(unpackEvents(packedOf(store, `L${lead}`)!, store.packing, store.delimiter), expected);
    }
    assert.equal(packedOf(store, 'L99'), null);
  }
});

test('the event store grows past the room it sized from the file: many tiny records, packed as JSON lists', async () => {
  // Five-byte records (the record table is sized for 64 bytes a record) and a control byte that
  // makes every record a JSON list, twice its text (the buffer is sized for the file's text).
  const lines = ['lead_id,v', 'L0,\u0002'];
  for (let k = 1; k < 200_000; k++) lines.push(`L${k % 13},${k % 10}`);
  const file = join(root, 'tiny-events.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const store = await EventStore.read(file, 'lead_id');
  assert.equal(store.packing, 'json');
  for (const lead of [0, 5, 12]) {
    const expected = lines
      .slice(1)
      .filter((l) => l.startsWith(`L${lead},`))
      .map((l) => l.split(','));
    assert.deepEqual(unpackEvents(packedOf(store, `L${lead}`)!, store.packing, store.delimiter), expected);
  }
});

test('a missing events file is refused before any output, with workers stopped', async () => {
  for (const threads of [1, 2]) {
    await assert.rejects(
      run('none.csv', { events: join(root, 'no-events.csv'), threads }),
      (e: Error) => e instanceof DataError && /no-events\.csv: file not found/.test(e.message),
    );
    assert.ok(!existsSync(join(root, 'none.csv')));
  }
  assert.deepEqual(tempFiles(), []);
});

test('the event store keeps every field as the CSV parser reads it: quoted or not, empty, CRLF, other delimiters', async () => {
  const cases: [string, string][] = [
    ['comma-crlf.csv', 'lead_id,url,title\r\nL1,/a,plain\r\nL1,"/b,c","say ""hi"""\r\n"L2",,\r\nL1, spaced ,\r\n'],
    ['semicolon.csv', 'lead_id;url;title\nL1;/a;x,y\nL2;"/b;c";\nL1;;"multi\nline"\n'],
    ['control.csv', 'lead_id,url,title\nL1,/a,\u0002odd\nL1,/b,ok\n'],
  ];
  for (const [name, text] of cases) {
    const file = join(root, name);
    writeFileSync(file, text);
    const expected = new Map<string, string[][]>();
    for await (const batch of readCsvBatches(createReadStream(file), { file })) {
      for (const row of batch.rows) expected.set(row[0].trim(), [...(expected.get(row[0].trim()) ?? []), row]);
    }
    const store = await EventStore.read(file, 'lead_id');
    for (const [id, rows] of expected)
      assert.deepEqual(unpackEvents(packedOf(store, id)!, store.packing, store.delimiter), rows, `${name} ${id}`);
    assert.equal(store.packing, name === 'control.csv' ? 'json' : 'joined');
  }
});
