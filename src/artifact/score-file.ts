import { createReadStream, existsSync, statSync } from 'node:fs';
import { DataError } from '../core/errors.js';
import { readCsvBatches } from '../data/csv/csv-batches.js';
import { AtomicFileWriter } from '../data/datasets/builtin/atomic-file-writer.js';
import { toCsvLine } from '../data/datasets/builtin/csv-text.js';
import { type ColumnMapping, mapHeaders } from './column-mappings.js';
import type { LeadToScore, ScoreResult, Scorer } from './scorer.js';

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
  now?: Date;
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
  sentToSales: number;
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
 * Scores a leads file in batches, holding one batch in memory (plus the events index when an
 * events file is given): every row either gets a score line or a rejects line with its file
 * line and the reason — nothing is dropped silently. Output and rejects are written to
 * temporary files and renamed into place when complete.
 */
export async function scoreFile(scorer: Scorer, options: ScoreFileOptions): Promise<ScoreFileSummary> {
  if (!existsSync(options.input)) throw new DataError('file not found', { file: options.input });
  const started = performance.now();
  const total = statSync(options.input).size;
  const events = options.events ? await indexEvents(options.events, scorer) : null;
  const format = options.format ?? 'csv';
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
    sentToSales: 0,
  };
  try {
    if (format === 'csv') await out.write(toCsvLine(SCORED_COLUMNS));
    await rejects.write(toCsvLine(['line', 'id', 'reason']));
    const idField = scorer.artifact.spec?.dataset.id;
    const stream = createReadStream(options.input);
    let bytes = 0;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      options.onProgress?.(bytes, total);
    });
    for await (const batch of readCsvBatches(stream, { file: options.input, batchSize: options.batchSize ?? 5000 })) {
      const header = mapHeaders(batch.header, options.mapping ?? null);
      const good: LeadToScore[] = [];
      for (let k = 0; k < batch.rows.length; k++) {
        summary.read++;
        const lead: Record<string, unknown> = {};
        header.forEach((name, c) => {
          lead[name] = batch.rows[k][c];
        });
        const id = idField ? String(lead[idField] ?? '').trim() : '';
        const item: LeadToScore = { lead, events: events && id ? (events.get(id) ?? []) : [] };
        const problems = scorer.validate(item);
        if (problems.length) {
          summary.rejected++;
          if (rejects.append(toCsvLine([String(batch.lines[k]), id, problems.map((p) => `${p.field}: ${p.message}`).join('; ')])))
            await rejects.flush();
        } else good.push(item);
      }
      if (good.length === 0) continue;
      const results = scorer.scoreMany(good, { reasons: options.reasons, now: options.now });
      for (const r of results) {
        summary.scored++;
        summary.grades[r.grade] = (summary.grades[r.grade] ?? 0) + 1;
        if (r.route === 'sales') summary.sentToSales++;
        if (out.append(format === 'csv' ? csvLine(r) : `${JSON.stringify(r)}\n`)) await out.flush();
      }
    }
    await out.commit();
    await rejects.commit();
  } catch (error) {
    await out.abort();
    await rejects.abort();
    throw error;
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.leadsPerSecond = summary.read / Math.max(summary.seconds, 1e-9);
  return summary;
}

function csvLine(r: ScoreResult): string {
  return toCsvLine([
    r.id ?? '',
    String(r.score),
    r.probability.toFixed(6),
    r.percentile.toFixed(1),
    r.grade,
    r.route,
    r.reasons.text.join(' | '),
    r.modelVersion,
    r.scoredAt,
  ]);
}

/** The events of every lead, by lead id (raw text values, as an integration would send them). */
async function indexEvents(path: string, scorer: Scorer): Promise<Map<string, Record<string, unknown>[]>> {
  if (!existsSync(path)) throw new DataError('file not found', { file: path });
  const leadIdColumn =
    scorer.artifact.spec?.events?.columns.leadId ??
    (scorer.artifact.rules as { eventColumns?: { leadId?: string } } | null)?.eventColumns?.leadId ??
    'lead_id';
  const byLead = new Map<string, Record<string, unknown>[]>();
  for await (const batch of readCsvBatches(createReadStream(path), { file: path, batchSize: 20_000 })) {
    const c = batch.header.indexOf(leadIdColumn);
    if (c < 0)
      throw new DataError(`has no "${leadIdColumn}" column to join events to leads; columns: ${batch.header.join(', ')}`, {
        file: path,
      });
    for (const row of batch.rows) {
      const event: Record<string, unknown> = {};
      batch.header.forEach((name, k) => {
        event[name] = row[k];
      });
      const id = row[c].trim();
      const list = byLead.get(id);
      if (list) list.push(event);
      else byLead.set(id, [event]);
    }
  }
  return byLead;
}
