import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DataError, SerializationError } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { readCsvBatches } from '../data/csv/csv-batches.js';
import { recordAt } from '../data/datasets/lead-records.js';
import { readEventFile, scanEventFile } from './event-file.js';
import { EventRecords } from './event-records.js';
import { EventStore } from './event-store.js';
import { LeadValidator } from './lead-validator.js';
import { loadArtifact } from './load-artifact.js';
import { type ScoreFileOptions, scoreFile } from './score-file.js';
import { Scorer } from './scorer.js';
import { buildArtifact } from './test-support/build-artifact.js';
import { validateLead } from './validate-lead.js';

/** A lead's records from a store, as a scoring thread reads them. */
function recordsOf(store: EventStore, leadId: string): string[][] {
  return new EventRecords(store.shared()).records(store.firstRecord(leadId));
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
    const store = await readEventFile(file, 'lead_id');
    assert.deepEqual(store.header, ['lead_id', 'timestamp', 'url', 'title']);
    // Leads asked for in the order their events come, in the reverse order, and one without events.
    for (const lead of [0, 1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 1, 0, 3]) {
      const expected = rows.filter((r) => r[0] === `L${lead}`);
      assert.deepEqual(recordsOf(store, `L${lead}`), expected);
    }
    assert.deepEqual(recordsOf(store, 'L99'), []);
    assert.deepEqual(
      recordsOf(store, 'L4'),
      rows.filter((r) => r[0] === 'L4'),
    );
  }
});

test('the event store grows past the room it sized from the file: many tiny records, quoted ones kept as JSON lists', async () => {
  // Five-byte records (the record table is sized for 64 bytes a record), every other one quoted:
  // its JSON list is longer than its text (the lists' buffer starts at 1 MiB).
  const lines = ['lead_id,v'];
  for (let k = 0; k < 200_000; k++) lines.push(k % 2 ? `L${k % 13},${k % 10}` : `L${k % 13},"${k % 10}"`);
  const file = join(root, 'tiny-events.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  for (const store of [await readEventFile(file, 'lead_id'), await EventStore.parse(file, 'lead_id')]) {
    for (const lead of [0, 5, 12]) {
      const expected = lines
        .slice(1)
        .filter((l) => l.startsWith(`L${lead},`))
        .map((l) => l.replace(/"/g, '').split(','));
      assert.deepEqual(recordsOf(store, `L${lead}`), expected);
    }
  }
});

test('events read from a pipe are read once, by the CSV parser', { skip: process.platform === 'win32' }, async () => {
  const fifo = join(root, 'events.fifo');
  execFileSync('mkfifo', [fifo]);
  const text = 'lead_id,timestamp\nL1,2024-01-01T00:00:00Z\nL2,2024-01-02T00:00:00Z\nL1,2024-01-03T00:00:00Z\n';
  const writing = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(fifo);
    out.on('error', reject);
    out.end(text, resolve);
  });
  const store = await readEventFile(fifo, 'lead_id');
  await writing;
  assert.deepEqual(recordsOf(store, 'L1'), [
    ['L1', '2024-01-01T00:00:00Z'],
    ['L1', '2024-01-03T00:00:00Z'],
  ]);
  rmSync(fifo);
});

test('an events file too large to hold is refused with its size, before anything is read', async () => {
  const file = join(root, 'huge-events.csv');
  writeFileSync(file, 'lead_id,timestamp\n');
  // A sparse file: its size without its bytes.
  truncateSync(file, 5 * 2 ** 30);
  await assert.rejects(
    readEventFile(file, 'lead_id'),
    (e: Error) => e instanceof DataError && /huge-events\.csv: is 5\.0 GiB; .* up to 4 GiB/.test(e.message),
  );
  rmSync(file);
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

/** Every lead's records as the CSV parser reads the file (lead id trimmed), in file order. */
async function parsedRecords(file: string, idColumn: number): Promise<Map<string, string[][]>> {
  const expected = new Map<string, string[][]>();
  for await (const batch of readCsvBatches(createReadStream(file), { file })) {
    for (const row of batch.rows) {
      const id = row[idColumn].trim();
      expected.set(id, [...(expected.get(id) ?? []), row]);
    }
  }
  return expected;
}

test('the event store keeps every field as the CSV parser reads it, whether the bytes are scanned or parsed', async () => {
  // [file, text, lead id column, whether the byte scan reads it (else the CSV parser does)]
  const cases: [string, string, number, boolean][] = [
    ['comma-crlf.csv', 'lead_id,url,title\r\nL1,/a,plain\r\nL1,"/b,c","say ""hi"""\r\n"L2",,\r\nL1, spaced ,\r\n', 0, true],
    ['semicolon.csv', 'lead_id;url;title\nL1;/a;x,y\nL2;"/b;c";\nL1;;"multi\nline"\n', 0, true],
    ['control.csv', 'lead_id,url,title\nL1,/a,\u0002odd\nL1,/b,ok\u0001\n', 0, true],
    ['bom-blank-lines.csv', '\ufefflead_id,url\n\nL1,/a\r\n\r\nL2,"x"\n\nL1,/b', 0, true],
    ['carriage-returns.csv', 'lead_id,v\nL1,a\r\r\nL1,b\rc\nL1,\r\nL1,"q"\r\n', 0, true],
    ['inner-quote.csv', 'lead_id,title\nL1,5" screen\nL1,ok\nL2,a "b" c\n', 0, true],
    ['unicode-ids.csv', 'lead_id,title\n L1 ,Über\nL1,日本語\n\tL2,é\nL1 ,x\n', 0, true],
    ['quoted-crlf.csv', 'lead_id,t\r\nL1,"a\r\nb"\r\nL1,c\r\nL1,"d\re"\r\n', 0, true],
    ['id-inside.csv', 'ts,lead_id,v\n1,L1,a\n2,L2,b\n3,L1,c\n4,"L1",d\n5,L1,e\n', 1, true],
    ['id-last-crlf.csv', 'v,lead_id\r\na,L1\r\nb,L1\r\nc,L2\r\nd,L1', 1, true],
    ['tabs.csv', 'lead_id\turl\tn\nL1\t/a, b\t1\nL2\t"/c\td"\t2\nL1\t\t\n', 0, true],
    ['bare-cr.csv', 'lead_id,v\rL1,a\rL2,b\rL1,c\r', 0, false],
    ['latin1.csv', 'lead_id,v\nL1,caf\u00e9\n', 0, true],
  ];
  for (const [name, text, idColumn, scanned] of cases) {
    const file = join(root, name);
    writeFileSync(file, text);
    const expected = await parsedRecords(file, idColumn);
    assert.ok(expected.size > 0, name);
    const stores = [await readEventFile(file, 'lead_id'), await EventStore.parse(file, 'lead_id')];
    // Pieces of a few bytes: records, ids and quoted line breaks cut between reads; the line loop
    // in TypeScript (window 0) and in WebAssembly through windows shorter than some lines.
    for (const piece of [1, 3, 7, 64]) {
      for (const window of [0, 16, 24, 1 << 20]) {
        const store = await scanEventFile(file, 'lead_id', piece, window);
        assert.equal(store !== null, scanned, `${name}: scanned (piece ${piece}, window ${window})`);
        if (store) stores.push(store);
      }
    }
    for (const store of stores) {
      assert.equal(store.header[idColumn], 'lead_id', name);
      for (const [id, rows] of expected) assert.deepEqual(recordsOf(store, id), rows, `${name} ${id}`);
      assert.deepEqual(recordsOf(store, 'L9'), [], name);
    }
  }
});

test('the WebAssembly line scan reads random files as the TypeScript loop and the CSV parser do', async () => {
  const rng = new Rng(20261130);
  const cell = (delimiter: string): string => {
    const alphabet = ['a', 'b', 'Z', '0', '7', ' ', '-', '/', 'é', '日', delimiter === ',' ? ';' : ','];
    let text = '';
    for (let k = rng.int(rng.bernoulli(0.1) ? 120 : 12); k > 0; k--) text += rng.pick(alphabet);
    if (!rng.bernoulli(0.04)) return text;
    // A quoted field, with the delimiter, a doubled quote or a line break inside.
    return `"${text}${rng.pick([delimiter, '""', '\n', '\r\n'])}${text}"`;
  };
  for (let file = 0; file < 6; file++) {
    const delimiter = rng.pick([',', ';', '\t']);
    const idColumn = file % 3;
    const lines = [['c0', 'c1', 'c2', 'c3'].map((name, j) => (j === idColumn ? 'lead_id' : name)).join(delimiter)];
    let id = 'L0';
    for (let k = 0; k < 400; k++) {
      if (rng.bernoulli(0.03)) lines.push(rng.bernoulli(0.5) ? '' : '\r');
      if (rng.bernoulli(0.4)) id = rng.pick(['L1', 'L22', ' L1', 'L333333333333', 'L4', 'L55']);
      const fields = [0, 1, 2, 3].map((j) => (j === idColumn ? id : cell(delimiter)));
      lines.push(fields.join(delimiter) + (rng.bernoulli(0.2) ? '\r' : ''));
    }
    const path = join(root, `random-events-${file}.csv`);
    writeFileSync(path, lines.join('\n') + (rng.bernoulli(0.5) ? '\n' : ''));
    const expected = await parsedRecords(path, idColumn);
    for (const [piece, window] of [
      [5, 0],
      [5, 16],
      [64, 40],
      [1000, 200],
      [16 << 20, 0],
      [16 << 20, 16 << 20],
    ]) {
      const store = await scanEventFile(path, 'lead_id', piece, window);
      assert.ok(store, `file ${file}, piece ${piece}, window ${window}`);
      for (const [lead, rows] of expected)
        assert.deepEqual(recordsOf(store, lead), rows, `file ${file} ${lead} (${piece}, ${window})`);
    }
  }
});

test('an events file the CSV parser refuses is refused with its line; one without the lead id column is named', async () => {
  const cases: [string, string, RegExp][] = [
    ['ragged-events.csv', 'lead_id,v\nL1,a\nL1,b,c\n', /ragged-events\.csv: line 3 has 3 fields, expected 2/],
    ['short-events.csv', 'lead_id,v\nL1,a\nL1\n', /short-events\.csv: line 3 has 1 field, expected 2/],
    [
      'open-quote-events.csv',
      'lead_id,v\nL1,a\nL1,"b\nL2,c\n',
      /open-quote-events\.csv: line 3: field 2 opens a quote that is never closed/,
    ],
    [
      'after-quote-events.csv',
      'lead_id,v\nL1,"a"b\n',
      /after-quote-events\.csv: line 2: field 2 has text "b\\n" after its closing quote/,
    ],
    ['not-utf8-events.csv', `lead_id,v\n${'L1,a\n'.repeat(300)}L1,\xff\n`, /not-utf8-events\.csv.*not valid UTF-8/],
    [
      'no-id-events.csv',
      'lead,v\nL1,a\n',
      /no-id-events\.csv: has no "lead_id" column to join events to leads; columns: lead, v/,
    ],
    ['empty-events.csv', '', /empty-events\.csv: the file is empty/],
  ];
  for (const [name, text, message] of cases) {
    const file = join(root, name);
    writeFileSync(file, name.startsWith('not-utf8') ? Buffer.from(text, 'latin1') : text);
    assert.equal(await scanEventFile(file, 'lead_id'), null, name);
    await assert.rejects(readEventFile(file, 'lead_id'), (e: Error) => e instanceof DataError && message.test(e.message), name);
  }
});
