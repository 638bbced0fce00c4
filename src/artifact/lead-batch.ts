import { type RecordSpans, spanField } from '../data/csv/csv-scanner.js';
import { toCsvField, toCsvLine } from '../data/datasets/builtin/csv-text.js';
import { EventCleaner } from './event-cleaner.js';
import type { EventRecords } from './event-records.js';
import type { LeadToScore, ScoreResult, Scorer } from './scorer.js';

/**
 * A batch of leads read from a file, as plain data that a scoring worker receives in one cheap
 * copy: the records' text in one string with each field's span in it (no string per field, no
 * array per record), their file lines, and where each lead's events start in the shared event
 * records.
 */
export interface LeadBatch {
  /** The (mapped) header: a record holds one field per name. */
  header: string[];
  /**
   * Field j of record k is `text.slice(spans[2i], spans[2i + 1])` with i = k · header.length + j,
   * or `escaped[spans[2i + 1]]` when `spans[2i]` is −1 (a quoted field that held doubled quotes).
   */
  text: string;
  spans: Int32Array;
  escaped: string[];
  /** 1-based file line each record starts on. */
  lines: Int32Array;
  /** Each lead's first record in the event records (−1: none); null without an events file. */
  events: Int32Array | null;
}

/**
 * Collects parsed records into a `LeadBatch`. Records that follow each other in one piece of
 * parsed text share one slice of it, so a batch is a few strings however many leads it holds.
 */
export class LeadBatchBuilder {
  private readonly header: string[];
  private readonly width: number;
  readonly capacity: number;
  private parts: string[] = [];
  private length = 0;
  /** The parsed text the current part is a slice of, and the part's start in it. */
  private source: string | null = null;
  private sourceStart = 0;
  private sourceEnd = 0;
  private spans: Int32Array;
  private escaped: string[] = [];
  private lines: Int32Array;
  private events: Int32Array | null;
  /** Records added since the last `take`. */
  count = 0;
  /** Records a batch is full at (see `cutTo`). */
  private cut: number;

  /** Batches of `capacity` records under `header` (the mapped header: one name per field). */
  constructor(header: string[], capacity: number, withEvents: boolean) {
    this.header = header;
    const width = header.length;
    this.width = width;
    this.capacity = capacity;
    this.cut = capacity;
    this.spans = new Int32Array(2 * width * capacity);
    this.lines = new Int32Array(capacity);
    this.events = withEvents ? new Int32Array(capacity) : null;
  }

  /** Adds a record of `width` fields (read as spans), its file line and its first event record. */
  add(record: RecordSpans, line: number, firstEvent: number): void {
    const { text, spans } = record;
    let from = -1;
    let to = -1;
    for (let j = 0; j < this.width; j++) {
      if (spans[2 * j] < 0) continue;
      if (from < 0) from = spans[2 * j];
      to = spans[2 * j + 1];
    }
    if (from >= 0) {
      if (text !== this.source || from < this.sourceEnd) this.startPart(text, from);
      this.sourceEnd = Math.max(this.sourceEnd, to);
    }
    const shift = this.length - this.sourceStart;
    const out = this.spans;
    for (let j = 0, o = 2 * this.width * this.count; j < this.width; j++, o += 2) {
      if (spans[2 * j] < 0) {
        out[o] = -1;
        out[o + 1] = this.escaped.push(record.escaped[spans[2 * j + 1]]) - 1;
      } else {
        out[o] = spans[2 * j] + shift;
        out[o + 1] = spans[2 * j + 1] + shift;
      }
    }
    this.lines[this.count] = line;
    if (this.events) this.events[this.count] = firstEvent;
    this.count++;
  }

  /** Whether the batch holds `limit` records. */
  get full(): boolean {
    return this.count >= this.cut;
  }

  /** Records a batch is full at: the capacity, unless `cutTo` made batches smaller. */
  get limit(): number {
    return this.cut;
  }

  /** Makes batches from here on full at `records` (1 to the capacity). */
  cutTo(records: number): void {
    this.cut = Math.min(this.capacity, Math.max(1, Math.floor(records)));
  }

  /** The records added since the last call, as a batch. */
  take(): LeadBatch {
    this.closePart();
    const n = this.count;
    const batch: LeadBatch = {
      header: this.header,
      text: this.parts.length === 1 ? this.parts[0] : this.parts.join(''),
      spans: this.spans.slice(0, 2 * this.width * n),
      escaped: this.escaped,
      lines: this.lines.slice(0, n),
      events: this.events ? this.events.slice(0, n) : null,
    };
    this.parts = [];
    this.length = 0;
    this.source = null;
    this.escaped = [];
    this.count = 0;
    return batch;
  }

  private startPart(text: string, from: number): void {
    this.closePart();
    this.source = text;
    this.sourceStart = from;
    this.sourceEnd = from;
  }

  private closePart(): void {
    if (this.source === null) return;
    this.parts.push(this.source.slice(this.sourceStart, this.sourceEnd));
    this.length += this.sourceEnd - this.sourceStart;
    this.source = null;
  }
}

/** Field j of a batch's record k (see `LeadBatch`). */
export function batchField(batch: LeadBatch, k: number, j: number): string {
  return spanField(batch, k * batch.header.length + j);
}

/** How a batch is scored and written. */
export interface BatchSettings {
  format: 'csv' | 'jsonl';
  /** Reasons per direction (0: none). */
  reasons: number;
  /** The time stamped on every score of the run (ISO 8601). */
  scoredAt: string;
}

/** A scored batch: output text in input order, rejects, and counts for the run's summary. */
export interface BatchOutput {
  text: string;
  rejects: string;
  read: number;
  scored: number;
  rejected: number;
  /** Per grade (in order of first appearance), leads per whole score point: entry s counts scores in [s, s + 1) (100 counts 100). */
  scoreHistogram: Record<string, number[]>;
  sentToSales: number;
}

/** Adds one score to a per-grade histogram of whole score points 0–100. */
export function countScore(histogram: Record<string, number[]>, grade: string, score: number): void {
  let counts = histogram[grade];
  if (!counts) {
    counts = new Array(101).fill(0);
    histogram[grade] = counts;
  }
  counts[Math.min(100, Math.max(0, Math.floor(score)))]++;
}

/** Leads per grade of a per-grade score histogram. */
export function gradeCounts(histogram: Record<string, readonly number[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(histogram).map(([grade, counts]) => [grade, counts.reduce((a, b) => a + b, 0)]));
}

/** Adds histogram `from` into `into`, grade by grade. */
export function mergeScoreHistograms(into: Record<string, number[]>, from: Record<string, number[]>): void {
  for (const [grade, counts] of Object.entries(from)) {
    const target = into[grade];
    if (!target) into[grade] = [...counts];
    else for (let s = 0; s < counts.length; s++) target[s] += counts[s];
  }
}

/** Output columns of a scored CSV, ready for a CRM import. */
export const SCORED_COLUMNS = [
  'id',
  'score',
  'probability',
  'percentile',
  'grade',
  'route',
  'top_reasons',
  'model_version',
  'scored_at',
] as const;

/**
 * Leads scored together within a batch: their records, features and results die young, while
 * the batch's output text grows. Scoring is per lead, so the split does not change a byte.
 */
const CHUNK_LEADS = 512;

/**
 * Scores a batch: every lead gets a score line or a rejects line (its file line, id and the
 * problems found). The result depends only on the batch and the settings, so a batch scored in
 * a worker thread gives the same bytes as in the reading thread.
 */
export function scoreLeadBatch(
  scorer: Scorer,
  batch: LeadBatch,
  settings: BatchSettings,
  eventRecords: EventRecords | null,
): BatchOutput {
  const idField = scorer.artifact.spec?.dataset.id;
  const options = { reasons: settings.reasons, now: new Date(settings.scoredAt) };
  const output: BatchOutput = {
    text: '',
    rejects: '',
    read: batch.lines.length,
    scored: 0,
    rejected: 0,
    scoreHistogram: {},
    sentToSales: 0,
  };
  const text: string[] = [];
  const rejects: string[] = [];
  const n = batch.lines.length;
  const width = batch.header.length;
  const makeLead = batchRecordMaker(batch.header);
  // Each lead's events cleaned from the file's bytes, or else each event record as an object under the events header.
  const cleaner = eventRecords ? eventCleaner(scorer, eventRecords) : null;
  const makeEvent = eventRecords ? rowMaker(eventRecords.header) : null;
  for (let k0 = 0; k0 < n; k0 += CHUNK_LEADS) {
    const k1 = Math.min(n, k0 + CHUNK_LEADS);
    const items: LeadToScore[] = [];
    for (let k = k0; k < k1; k++) {
      const first = batch.events && eventRecords ? batch.events[k] : -1;
      const lead = makeLead(spanField, batch, k * width);
      const touchpoints = cleaner ? cleaner.clean(first) : null;
      if (touchpoints) items.push({ lead, touchpoints });
      else items.push({ lead, events: first >= 0 ? eventRecords!.records(first).map(makeEvent!) : [] });
    }
    const lines: string[] = [];
    scorer.scoreEach(items, options).forEach((outcome, j) => {
      if (outcome.problems) {
        output.rejected++;
        const id = idField ? String(items[j].lead[idField] ?? '').trim() : '';
        const reason = outcome.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
        rejects.push(toCsvLine([String(batch.lines[k0 + j]), id, reason]));
        return;
      }
      const r = outcome.result;
      output.scored++;
      countScore(output.scoreHistogram, r.grade, r.score);
      if (r.route === 'sales') output.sentToSales++;
      lines.push(settings.format === 'csv' ? scoredCsvLine(r) : `${JSON.stringify(r)}\n`);
    });
    // One flat string per chunk: the lines' pieces die young instead of living on to the batch's end.
    text.push(lines.join(''));
  }
  output.text = text.join('');
  output.rejects = rejects.join('');
  return output;
}

const cleaners = new WeakMap<Scorer, WeakMap<EventRecords, EventCleaner | null>>();

/** The cleaner of a model's events from these records (made once), null when the model reads them otherwise. */
function eventCleaner(scorer: Scorer, records: EventRecords): EventCleaner | null {
  let ofScorer = cleaners.get(scorer);
  if (!ofScorer) cleaners.set(scorer, (ofScorer = new WeakMap()));
  let cleaner = ofScorer.get(records);
  if (cleaner === undefined) {
    const cleaning = scorer.eventCleaning;
    cleaner = cleaning ? new EventCleaner(records, cleaning.columns, cleaning.placeholders) : null;
    ofScorer.set(records, cleaner);
  }
  return cleaner;
}

type RowMaker = (row: readonly string[]) => Record<string, string>;
type BatchRecordMaker = (field: typeof spanField, batch: LeadBatch, base: number) => Record<string, string>;

/** Compiled record makers, by their parameters and header. */
const makers = new Map<string, RowMaker | BatchRecordMaker>();

/**
 * A function of `params` that makes a record under a header as one object literal with the
 * header's names in order (later duplicates win, as assignments would), field c's value being
 * the expression `value(c)`: every record has one shape from its creation, where assigning
 * computed names one by one costs a keyed store each. Compiled once per header.
 */
function recordMaker(header: readonly string[], params: string, value: (c: number) => string): RowMaker | BatchRecordMaker {
  const key = `${params}\u0001${header.join('\u0000')}`;
  let make = makers.get(key);
  if (!make) {
    // "__proto__" as a computed name, which defines a field instead of setting the prototype.
    const fields = header.map((name, c) => `${name === '__proto__' ? '["__proto__"]' : JSON.stringify(name)}: ${value(c)}`);
    make = new Function(...params.split(', '), `return {${fields.join(', ')}};`) as RowMaker | BatchRecordMaker;
    makers.set(key, make);
  }
  return make;
}

/** Makes a record from its fields under a header (see `recordMaker`). */
export function rowMaker(header: readonly string[]): RowMaker {
  return recordMaker(header, 'row', (c) => `row[${c}]`) as RowMaker;
}

/** Makes record k of a batch under the batch's header, called with (spanField, batch, k · width) (see `recordMaker`). */
function batchRecordMaker(header: readonly string[]): BatchRecordMaker {
  return recordMaker(header, 'field, batch, base', (c) => `field(batch, base + ${c})`) as BatchRecordMaker;
}

/**
 * A scored lead's line: `toCsvLine(scoredCsvCells(r))`, without looking for characters to quote
 * in the cells that cannot hold any (whole scores, fixed-point numbers, the route).
 */
export function scoredCsvLine(r: ScoreResult): string {
  const head = `${toCsvField(r.id ?? '')},${r.score},${r.probability.toFixed(6)},${r.percentile.toFixed(1)}`;
  const tail = `${toCsvField(r.reasons.text.join(' | '))},${toCsvField(r.modelVersion)},${toCsvField(r.scoredAt)}`;
  return `${head},${toCsvField(r.grade)},${r.route},${tail}\n`;
}

/** A scored lead's cells in SCORED_COLUMNS order. */
export function scoredCsvCells(r: ScoreResult): string[] {
  return [
    r.id ?? '',
    String(r.score),
    r.probability.toFixed(6),
    r.percentile.toFixed(1),
    r.grade,
    r.route,
    r.reasons.text.join(' | '),
    r.modelVersion,
    r.scoredAt,
  ];
}
