import { createReadStream, existsSync, statSync } from 'node:fs';
import { DataError, InputError } from '../core/errors.js';
import { createCsvParser } from '../data/csv/csv-parser.js';
import { spanField } from '../data/csv/csv-scanner.js';
import { AtomicFileWriter } from '../data/datasets/builtin/atomic-file-writer.js';
import { toCsvLine } from '../data/datasets/builtin/csv-text.js';
import { type ColumnMapping, mapHeaders } from './column-mappings.js';
import { readEventFile } from './event-file.js';
import { EventRecords } from './event-records.js';
import type { EventStore } from './event-store.js';
import {
  type BatchOutput,
  type BatchSettings,
  gradeCounts,
  type LeadBatch,
  LeadBatchBuilder,
  mergeScoreHistograms,
  SCORED_COLUMNS,
  scoreLeadBatch,
} from './lead-batch.js';
import type { Scorer } from './scorer.js';
import { ScoringPool } from './scoring-pool.js';

export { SCORED_COLUMNS } from './lead-batch.js';

export interface ScoreFileOptions {
  input: string;
  out: string;
  /** Events file (CSV) of the leads, when the model uses an event log. */
  events?: string;
  format?: 'csv' | 'jsonl';
  /** Rows that fail validation go here (default `<out>.rejects.csv`). */
  rejects?: string;
  mapping?: ColumnMapping | null;
  /** Leads scored per batch (default 5000). */
  batchSize?: number;
  reasons?: number;
  /** The time stamped on every score of the run (default: when the run starts). */
  now?: Date;
  /**
   * Threads scoring batches (default 1: this thread). With more, worker threads each load the
   * model folder once and score whole batches while this thread reads the input; the output is
   * the same, byte for byte.
   */
  threads?: number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface ScoreFileSummary {
  read: number;
  scored: number;
  rejected: number;
  out: string;
  rejects: string;
  seconds: number;
  leadsPerSecond: number;
  grades: Record<string, number>;
  /** Per grade, leads per whole score point 0–100 (the batch's score distribution). */
  scoreHistogram: Record<string, number[]>;
  sentToSales: number;
}

/** Something that scores batches: this thread, or a pool of workers. */
interface BatchScoring {
  score(batch: LeadBatch): Promise<BatchOutput>;
  close(): Promise<void>;
}

/**
 * Scores a leads file in batches, holding a few batches in memory (plus the events of every
 * lead when an events file is given): every row either gets a score line or a rejects line
 * with its file line and the reason — nothing is dropped silently. Output and rejects are
 * written to temporary files and renamed into place when complete. Batches are written in
 * input order, whichever thread scored them.
 */
export async function scoreFile(scorer: Scorer, options: ScoreFileOptions): Promise<ScoreFileSummary> {
  if (!existsSync(options.input)) throw new DataError('file not found', { file: options.input });
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new InputError(`threads must be a whole number ≥ 1, got ${threads}`);
  const started = performance.now();
  const total = statSync(options.input).size;
  const settings: BatchSettings = {
    format: options.format ?? 'csv',
    reasons: options.reasons ?? 3,
    scoredAt: (options.now ?? new Date()).toISOString(),
  };
  // Workers load the model while this thread indexes the events.
  const starting = threads > 1 ? startPool(scorer, settings, threads) : null;
  starting?.catch(() => undefined);
  let events: EventStore | null = null;
  let scoring: BatchScoring;
  try {
    events = options.events ? await readEventFile(options.events, leadIdColumn(scorer)) : null;
    // Workers get the event records as shared memory; this thread reads them in place.
    const shared = events?.shared() ?? null;
    scoring = starting
      ? (await starting).withEvents(shared)
      : inThread(scorer, settings, shared ? new EventRecords(shared) : null);
  } catch (error) {
    await starting?.then((pool) => pool.close()).catch(() => undefined);
    throw error;
  }
  const rejectsPath = options.rejects ?? `${options.out}.rejects.csv`;
  const out = await AtomicFileWriter.open(options.out);
  const rejects = await AtomicFileWriter.open(rejectsPath);
  const summary: ScoreFileSummary = {
    read: 0,
    scored: 0,
    rejected: 0,
    out: options.out,
    rejects: rejectsPath,
    seconds: 0,
    leadsPerSecond: 0,
    grades: {},
    scoreHistogram: {},
    sentToSales: 0,
  };
  const pending: Promise<BatchOutput>[] = [];
  const write = async (output: BatchOutput): Promise<void> => {
    summary.read += output.read;
    summary.scored += output.scored;
    summary.rejected += output.rejected;
    summary.sentToSales += output.sentToSales;
    mergeScoreHistograms(summary.scoreHistogram, output.scoreHistogram);
    await out.write(output.text);
    await rejects.write(output.rejects);
  };
  try {
    if (settings.format === 'csv') await out.write(toCsvLine(SCORED_COLUMNS));
    await rejects.write(toCsvLine(['line', 'id', 'reason']));
    const idField = scorer.artifact.spec?.dataset.id;
    const batchSize = options.batchSize ?? 5000;
    let idColumn = -1;
    let builder: LeadBatchBuilder | null = null;
    const full: LeadBatch[] = [];
    // Records are taken as spans of the parsed text: the fields become strings in the thread that scores them.
    const parser = createCsvParser({
      file: options.input,
      onHeader: (names) => {
        const header = mapHeaders(names, options.mapping ?? null);
        idColumn = idField ? header.lastIndexOf(idField) : -1;
        builder = new LeadBatchBuilder(header, batchSize, events !== null);
      },
      onRecordSpans: (record, line) => {
        const id = events && idColumn >= 0 ? spanField(record, idColumn).trim() : '';
        builder!.add(record, line, id ? events!.firstRecord(id) : -1);
        if (builder!.full) full.push(builder!.take());
      },
    });
    const submit = async (): Promise<void> => {
      for (const batch of full.splice(0)) {
        pending.push(scoring.score(batch));
        // A few batches in flight per thread keep every worker busy while memory stays bounded.
        if (pending.length >= 2 * threads) await write(await pending.shift()!);
      }
    };
    let bytes = 0;
    for await (const chunk of createReadStream(options.input, { highWaterMark: READ_BYTES })) {
      parser.push(chunk);
      bytes += chunk.length;
      options.onProgress?.(bytes, total);
      if (threads > 1 && builder) finishInSmallBatches(builder, parser.records, bytes, total, threads);
      await submit();
    }
    parser.end();
    const last = builder as LeadBatchBuilder | null;
    if (last && last.count > 0) full.push(last.take());
    await submit();
    while (pending.length) await write(await pending.shift()!);
    // Every batch is scored: the threads stop while the files are finished.
    const closing = scoring.close().catch(() => undefined);
    await out.commit();
    await rejects.commit();
    await closing;
  } catch (error) {
    await Promise.allSettled(pending);
    await out.abort();
    await rejects.abort();
    throw error;
  } finally {
    await scoring.close();
  }
  summary.grades = gradeCounts(summary.scoreHistogram);
  summary.seconds = (performance.now() - started) / 1000;
  summary.leadsPerSecond = summary.read / Math.max(summary.seconds, 1e-9);
  return summary;
}

/** Bytes of the leads file read at a time. */
const READ_BYTES = 1 << 20;

/** Batches near the end of the input are cut this many times smaller. */
const TAIL_SPLIT = 8;

/**
 * Near the end of the input, makes batches smaller: the last few batches then end close together
 * on every thread instead of one thread scoring a whole batch while the others wait. "Near" is
 * within the batches in flight and a few more, estimated from the bytes a record took so far.
 */
export function finishInSmallBatches(
  builder: LeadBatchBuilder,
  records: number,
  bytes: number,
  total: number,
  threads: number,
): void {
  const left = ((total - bytes) / bytes) * records;
  if (left < (2 * threads + 2) * builder.capacity) builder.cutTo(Math.ceil(builder.capacity / TAIL_SPLIT));
}

function inThread(scorer: Scorer, settings: BatchSettings, events: EventRecords | null): BatchScoring {
  return {
    score: async (batch) => scoreLeadBatch(scorer, batch, settings, events),
    close: async () => undefined,
  };
}

function startPool(scorer: Scorer, settings: BatchSettings, threads: number): Promise<ScoringPool> {
  return ScoringPool.start({ modelDir: scorer.artifact.dir, modelVersion: scorer.modelVersion, settings }, threads);
}

/** The events file's column that holds the lead id. */
function leadIdColumn(scorer: Scorer): string {
  return (
    scorer.artifact.spec?.events?.columns.leadId ??
    (scorer.artifact.rules as { eventColumns?: { leadId?: string } } | null)?.eventColumns?.leadId ??
    'lead_id'
  );
}
