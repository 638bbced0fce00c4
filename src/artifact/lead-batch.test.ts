import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { createCsvParser } from '../data/csv/csv-parser.js';
import { toCsvLine } from '../data/datasets/builtin/csv-text.js';
import { batchField, type LeadBatch, LeadBatchBuilder, rowMaker, scoredCsvCells, scoredCsvLine } from './lead-batch.js';
import { finishInSmallBatches } from './score-file.js';
import type { ScoreResult } from './scorer.js';

const TEXT =
  'id,name,note\r\n' +
  'L1,Ann,plain\r\n' +
  'L2,"Bo, Jr.","say ""hi"""\r\n' +
  '"L3","","multi\r\nline"\r\n' +
  '"""q""","""""",""""\r\n' +
  '\r\n' +
  'L5,Éva,naïve ☃\r\n' +
  'L6,,\r\n' +
  'L7,"x""y",z\r\n';

/** Reads TEXT in chunks of 1 to 40 characters through a builder of batches of `capacity` records. */
function readBatches(capacity: number, seed: number): { batches: LeadBatch[]; fields: string[][]; lines: number[] } {
  const fields: string[][] = [];
  const lines: number[] = [];
  const reference = createCsvParser({
    onRecord: (row, line) => {
      fields.push(row);
      lines.push(line);
    },
  });
  reference.push(TEXT);
  reference.end();
  const batches: LeadBatch[] = [];
  let builder: LeadBatchBuilder | null = null;
  let n = 0;
  // A small sniffing window: records are parsed as the chunks come, from many pieces of text.
  const parser = createCsvParser({
    sniffChars: 16,
    onHeader: (names) => {
      builder = new LeadBatchBuilder(names, capacity, true);
    },
    onRecordSpans: (record, line) => {
      builder!.add(record, line, 10 * n++);
      if (builder!.full) batches.push(builder!.take());
    },
  });
  const rng = new Rng(seed);
  for (let at = 0; at < TEXT.length; ) {
    const size = 1 + rng.int(40);
    parser.push(Buffer.from(TEXT.slice(at, at + size)));
    at += size;
  }
  parser.end();
  const last = builder as LeadBatchBuilder | null;
  if (last && last.count > 0) batches.push(last.take());
  return { batches, fields, lines };
}

test('a lead batch gives back every field, line and first event record as the parser read them', () => {
  for (const capacity of [1, 3, 100]) {
    for (const seed of [1, 2, 3]) {
      const { batches, fields, lines } = readBatches(capacity, seed);
      assert.equal(batches.length, Math.ceil(fields.length / capacity));
      let k = 0;
      for (const batch of batches) {
        assert.deepEqual(batch.header, ['id', 'name', 'note']);
        assert.ok(batch.lines.length <= capacity);
        for (let i = 0; i < batch.lines.length; i++, k++) {
          const row = batch.header.map((_, j) => batchField(batch, i, j));
          assert.deepEqual(row, fields[k], `record ${k}, capacity ${capacity}, seed ${seed}`);
          assert.equal(batch.lines[i], lines[k]);
          assert.equal(batch.events![i], 10 * k);
        }
      }
      assert.equal(k, fields.length);
    }
  }
});

test('a batch is a few strings: records read from one piece of text share one slice of it', () => {
  let builder: LeadBatchBuilder | null = null;
  const parser = createCsvParser({
    onHeader: (names) => {
      builder = new LeadBatchBuilder(names, 100, false);
    },
    onRecordSpans: (record, line) => builder!.add(record, line, -1),
  });
  parser.push(TEXT);
  parser.end();
  const batch = (builder as LeadBatchBuilder | null)!.take();
  // The records' text from the first field on, line breaks included; fields with doubled quotes aside.
  assert.equal(batch.text, TEXT.slice(TEXT.indexOf('L1'), TEXT.lastIndexOf('z') + 1));
  assert.deepEqual(batch.escaped, ['say "hi"', '"q"', '""', '"', 'x"y']);
  assert.equal(batch.events, null);
  assert.equal(batch.lines.length, 7);
});

test('near the end of the input, batches are cut smaller: the last ones end close together on every thread', () => {
  const builder = new LeadBatchBuilder(['id'], 1000, false);
  // 100 records took 10,000 bytes: 800,000 bytes left hold about 8,000 records, more than the
  // 4 batches of 1,000 in flight with 2 threads and 2 more.
  finishInSmallBatches(builder, 100, 10_000, 810_000, 2);
  assert.equal(builder.limit, 1000);
  // About 5,000 left: the last batches are cut 8 times smaller.
  finishInSmallBatches(builder, 5000, 500_000, 1_000_000, 2);
  assert.equal(builder.limit, 125);
  const parser = createCsvParser({ onRecordSpans: (record, line) => builder.add(record, line, -1) });
  parser.push(`id\n${Array.from({ length: 130 }, (_, k) => `L${k}`).join('\n')}\n`);
  parser.end();
  assert.ok(builder.full);
  assert.equal(builder.take().lines.length, 130, 'a batch takes every record added');
  assert.ok(!builder.full);
});

test('records are made under any header names: quotes, backslashes, line breaks, "__proto__"; a later duplicate wins', () => {
  const header = ['id', 'say "hi"', 'back\\slash', 'two\nlines', '__proto__', 'constructor', 'id', ['$', '{x}'].join(''), 'é ☃'];
  const record = rowMaker(header)(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  const expected: Record<string, string> = {};
  header.forEach((name, c) => {
    Object.defineProperty(expected, name, { value: 'abcdefghi'[c], enumerable: true, writable: true, configurable: true });
  });
  assert.deepEqual(Object.entries(record), Object.entries(expected));
  assert.equal(record.id, 'g');
  assert.equal(Object.getPrototypeOf(record), Object.prototype, 'a "__proto__" column is a field, not the prototype');
  assert.equal(Object.hasOwn(record, '__proto__'), true);
  assert.equal(rowMaker([...header]), rowMaker(header), 'made once per header');
});

test('a scored line is the CSV line of its cells, whatever the id, grade, reasons, version and time hold', () => {
  const base: ScoreResult = {
    id: 'L1',
    probability: 0.123456789,
    score: 12,
    percentile: 87.25,
    grade: 'B',
    route: 'sales',
    reasons: { positive: [], negative: [], text: ['Demo request: +8 points', 'Read about "free": +0.2 points'] },
    modelVersion: 'demo@1.0.0',
    scoredAt: '2026-03-04T05:06:07.000Z',
  };
  const variants: Partial<ScoreResult>[] = [
    {},
    { id: null },
    { id: 'L, "2"', grade: 'A,1', route: 'nurture' },
    { id: ' padded ', probability: 0, score: 0, percentile: 0 },
    { reasons: { positive: [], negative: [], text: [] }, probability: 1, score: 100, percentile: 100 },
    { modelVersion: 'x,y@2', scoredAt: '2026-01-01T00:00:00.000Z' },
    { reasons: { positive: [], negative: [], text: ['multi\nline'] } },
    {},
  ];
  for (const v of variants) {
    const r = { ...base, ...v };
    assert.equal(scoredCsvLine(r), toCsvLine(scoredCsvCells(r)), JSON.stringify(v));
  }
});
