import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { DataError } from '../core/errors.js';
import { parseCsv } from '../data/csv/parse-csv.js';
import type { DashboardLead } from './dashboard-lead.js';
import { DEFAULT_STAGE_FIELDS, segmentFields, segmentValue } from './segment-fields.js';

/** Most leads the dashboard shows from a file (the best-scored are kept). */
export const MAX_DASHBOARD_LEADS = 50_000;

export interface ScoredLeadsOptions {
  /** The segment field to filter by (default: the first of job_title, industry, … in the file). */
  segmentField?: string;
  /** The stage column (default: the first of predicted_stage, stage, funnel_stage in the file). */
  stageField?: string;
}

/** A scored file as the dashboard reads it. */
export interface ScoredLeads {
  leads: DashboardLead[];
  segmentFields: string[];
  stageField: string | null;
  /** Rows without a readable score or probability. */
  skipped: number;
  /** Rows beyond MAX_DASHBOARD_LEADS that were dropped (the lowest scores). */
  dropped: number;
}

type Row = Readonly<Record<string, unknown>>;

/** Columns of a scored file the dashboard reads (besides segment and stage columns). */
const KEPT_COLUMNS = [
  'id',
  'lead_id',
  'score',
  'probability',
  'grade',
  'route',
  'reasons',
  'top_reasons',
  'scored_at',
  'scoredAt',
];

/**
 * Reads a scored file — the CSV or JSON-lines output of `leadstack score`, optionally with
 * extra columns such as a segment or a predicted stage — keeping only what the dashboard
 * shows: id, score, probability, grade, route, reasons, segment values and stage. Every other
 * column (names, e-mails, phones …) is dropped as it is read.
 */
export function readScoredLeads(path: string, options: ScoredLeadsOptions = {}): ScoredLeads {
  let text: Buffer;
  try {
    text = readFileSync(path);
  } catch (error) {
    throw new DataError(`cannot read the scored leads file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`, {
      file: path,
    });
  }
  const jsonl = ['.jsonl', '.ndjson', '.json'].includes(extname(path).toLowerCase());
  const chosen: { segments: string[]; stageField: string | null } = { segments: [], stageField: null };
  const choose = (header: readonly string[]): string[] => {
    chosen.segments = segmentFields(options.segmentField, header);
    chosen.stageField = options.stageField ?? DEFAULT_STAGE_FIELDS.find((f) => header.includes(f)) ?? null;
    return [...KEPT_COLUMNS, ...chosen.segments, ...(chosen.stageField ? [chosen.stageField] : [])];
  };
  const rows = jsonl ? jsonLines(text.toString('utf8'), path, choose) : csvRows(text, choose);
  const { segments, stageField } = chosen;
  const leads: DashboardLead[] = [];
  let skipped = 0;
  for (const row of rows) {
    const lead = dashboardLead(row, segments, stageField);
    if (lead) leads.push(lead);
    else skipped++;
  }
  if (rows.length > 0 && leads.length === 0)
    throw new DataError('has no scored leads: expected a score or probability column (the output of leadstack score)', {
      file: path,
    });
  leads.sort((a, b) => b.probability - a.probability);
  const dropped = Math.max(0, leads.length - MAX_DASHBOARD_LEADS);
  if (dropped) leads.length = MAX_DASHBOARD_LEADS;
  return { leads, segmentFields: segments, stageField, skipped, dropped };
}

/** A scored-leads file re-read whenever it changes on disk. */
export class ScoredLeadsFile {
  private cached: { mtimeMs: number; size: number; data: ScoredLeads } | null = null;

  constructor(
    readonly path: string,
    private readonly options: ScoredLeadsOptions = {},
  ) {}

  read(): ScoredLeads {
    let stat: { mtimeMs: number; size: number };
    try {
      stat = statSync(this.path);
    } catch {
      throw new DataError('the scored leads file is gone', { file: this.path });
    }
    if (!this.cached || this.cached.mtimeMs !== stat.mtimeMs || this.cached.size !== stat.size)
      this.cached = { mtimeMs: stat.mtimeMs, size: stat.size, data: readScoredLeads(this.path, this.options) };
    return this.cached.data;
  }
}

function dashboardLead(row: Row, segments: readonly string[], stageField: string | null): DashboardLead | null {
  let probability = toNumber(row.probability);
  let score = toNumber(row.score);
  if (!Number.isFinite(probability) && Number.isFinite(score)) probability = score / 100;
  if (!Number.isFinite(score) && Number.isFinite(probability)) score = Math.round(probability * 100);
  if (!Number.isFinite(probability) || probability < 0 || probability > 1) return null;
  const kept: Record<string, string> = {};
  for (const field of segments) {
    const value = segmentValue(row[field]);
    if (value !== null) kept[field] = value;
  }
  const id = segmentValue(row.id ?? row.lead_id);
  return {
    id,
    score,
    probability,
    grade: segmentValue(row.grade) ?? '?',
    route: segmentValue(row.route) ?? '',
    reasons: reasonsOf(row),
    segments: kept,
    stage: stageField ? segmentValue(row[stageField]) : null,
    scoredAt: segmentValue(row.scored_at ?? row.scoredAt),
  };
}

function reasonsOf(row: Row): string[] {
  const reasons = row.reasons;
  if (reasons && typeof reasons === 'object' && !Array.isArray(reasons)) {
    const text = (reasons as { text?: unknown }).text;
    if (Array.isArray(text)) return text.map(String);
  }
  if (Array.isArray(reasons)) return reasons.map(String);
  const joined = row.top_reasons ?? (typeof reasons === 'string' ? reasons : undefined);
  return typeof joined === 'string'
    ? joined
        .split(' | ')
        .map((r) => r.trim())
        .filter(Boolean)
    : [];
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** Rows of a CSV with only the chosen columns (the rest never leave the parser's buffers). */
function csvRows(bytes: Buffer, choose: (header: readonly string[]) => string[]): Row[] {
  const { header, columns } = parseCsv(bytes);
  const wanted = new Set(choose(header));
  const kept = header.flatMap((name, c) => (wanted.has(name) ? [{ name, values: columns[c] }] : []));
  const n = columns[0]?.length ?? 0;
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, string> = {};
    for (const column of kept) row[column.name] = column.values[i];
    rows.push(row);
  }
  return rows;
}

/** Rows of a JSON-lines file with only the chosen fields (chosen from the first record's keys). */
function jsonLines(text: string, path: string, choose: (header: readonly string[]) => string[]): Row[] {
  const rows: Row[] = [];
  let wanted: string[] | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DataError('is not valid JSON', { file: path, row: i + 1 });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new DataError('expected one JSON object per line', { file: path, row: i + 1 });
    const record = value as Record<string, unknown>;
    wanted ??= choose(Object.keys(record));
    const row: Record<string, unknown> = {};
    for (const key of wanted as string[]) if (Object.hasOwn(record, key)) row[key] = record[key];
    rows.push(row);
  }
  return rows;
}
