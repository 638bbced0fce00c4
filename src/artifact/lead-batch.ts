import { toCsvLine } from '../data/datasets/builtin/csv-text.js';
import type { LeadToScore, ScoreResult, Scorer } from './scorer.js';

/**
 * A batch of leads read from a file, as plain data (what a scoring worker receives): the
 * records' raw text under the (mapped) header, their file lines, and each lead's event records.
 */
export interface LeadBatch {
  header: string[];
  rows: string[][];
  lines: number[];
  /** Columns of the event records (null without an events file). */
  eventHeader: string[] | null;
  /** The event records of each lead in one string (see `unpackEvents`), null when it has none or there is no events file. */
  events: (string | null)[];
  eventPacking: EventPacking;
  /** The events file's delimiter. */
  eventDelimiter: string;
}

/**
 * How a lead's event records are kept in one string, records separated by U+0001: 'joined' — a
 * record without quoted fields as its text in the file after U+0002, any other with its fields
 * joined by U+0000 (for a file holding none of these three characters); 'json' — each record a
 * JSON list (which escapes every control character). One string per lead is cheap to keep and to
 * send to a worker.
 */
export type EventPacking = 'joined' | 'json';

const FIELD_SEPARATOR = '\u0000';
export const RECORD_SEPARATOR = '\u0001';
/** First character of a record kept as its text in the file. */
export const PLAIN_RECORD = 2;

/** One event record as text (see `EventPacking`). */
export function packRecord(record: readonly string[], packing: EventPacking): string {
  return packing === 'json' ? JSON.stringify(record) : record.join(FIELD_SEPARATOR);
}

/** A lead's event records back from their packed records joined by U+0001; `delimiter` is the file's. */
export function unpackEvents(packed: string, packing: EventPacking, delimiter: string): string[][] {
  const records = packed.split(RECORD_SEPARATOR);
  if (packing === 'json') return records.map((r) => JSON.parse(r) as string[]);
  return records.map((r) => (r.charCodeAt(0) === PLAIN_RECORD ? r.slice(1).split(delimiter) : r.split(FIELD_SEPARATOR)));
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
export function scoreLeadBatch(scorer: Scorer, batch: LeadBatch, settings: BatchSettings): BatchOutput {
  const idField = scorer.artifact.spec?.dataset.id;
  const options = { reasons: settings.reasons, now: new Date(settings.scoredAt) };
  const output: BatchOutput = {
    text: '',
    rejects: '',
    read: batch.rows.length,
    scored: 0,
    rejected: 0,
    scoreHistogram: {},
    sentToSales: 0,
  };
  const text: string[] = [];
  const rejects: string[] = [];
  for (let k0 = 0; k0 < batch.rows.length; k0 += CHUNK_LEADS) {
    const k1 = Math.min(batch.rows.length, k0 + CHUNK_LEADS);
    const items: LeadToScore[] = [];
    for (let k = k0; k < k1; k++) {
      items.push({
        lead: recordOf(batch.header, batch.rows[k]),
        events: batch.eventHeader ? eventsOf(batch, k) : [],
      });
    }
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
      text.push(settings.format === 'csv' ? csvLine(r) : `${JSON.stringify(r)}\n`);
    });
  }
  output.text = text.join('');
  output.rejects = rejects.join('');
  return output;
}

function eventsOf(batch: LeadBatch, k: number): Record<string, unknown>[] {
  const packed = batch.events[k];
  if (packed === null) return [];
  return unpackEvents(packed, batch.eventPacking, batch.eventDelimiter).map((e) => recordOf(batch.eventHeader!, e));
}

function recordOf(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (let c = 0; c < header.length; c++) record[header[c]] = row[c];
  return record;
}

function csvLine(r: ScoreResult): string {
  return toCsvLine(scoredCsvCells(r));
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
