import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataError, isLeadstackError } from '../../../core/errors.js';
import { AtomicFileWriter } from './atomic-file-writer.js';
import { type BuiltinOptions, parseBuiltinOptions, type ResolvedBuiltinOptions } from './builtin-options.js';
import { type BuiltinPlan, planBuiltinDataset } from './builtin-plan.js';
import {
  BUILTIN_EVENT_COLUMNS,
  BUILTIN_FILES,
  BUILTIN_FORMAT_VERSION,
  BUILTIN_LEAD_COLUMNS,
  BUILTIN_TRUTH_COLUMNS,
} from './columns.js';
import { toCsvField, toCsvLine } from './csv-text.js';
import { eventCells } from './event-cells.js';
import { countOffline } from './generate-builtin-dataset.js';
import { formatIsoSecond } from './iso-time.js';
import { NOISE_SD } from './latent-model.js';
import { PERIOD_DAYS, PERIOD_START_S } from './lead-calendar.js';
import { leadId } from './lead-id.js';
import { type RealizedChunk, realizeChunk } from './realize-chunk.js';

export interface BuiltinSummary {
  readonly outDir: string;
  /** Absolute paths of the files written. */
  readonly files: { readonly leads: string; readonly events: string; readonly truth: string; readonly generator: string };
  readonly seed: number;
  readonly leads: number;
  readonly events: number;
  readonly preAcceptanceEvents: number;
  readonly postAcceptanceEvents: number;
  readonly offlineLeads: number;
  readonly positives: number;
  readonly positiveRate: number;
  readonly requestedPositiveRate: number;
  readonly meanTrueProbability: number;
  readonly bayesRocAuc: number;
  readonly elapsedMs: number;
}

type Files = BuiltinSummary['files'];

/**
 * Generates the built-in data set and writes leads.csv, events.csv, truth.csv and
 * generator.json into `outDir` (created if needed). Leads are simulated in chunks and written
 * as they are realized, so memory stays bounded by a chunk; every file goes to a temporary
 * name first and all are renamed into place only when all are complete. Same options, same
 * bytes. `onProgress(done, total)` has total = 2 × leads: the first half while simulating,
 * the second while writing.
 */
export async function writeBuiltinDataset(
  outDir: string,
  options: BuiltinOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<BuiltinSummary> {
  const started = performance.now();
  const resolved = parseBuiltinOptions(options);
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true }).catch((error: Error) => {
    throw new DataError(`cannot create the output directory: ${error.message}`, { file: dir });
  });
  const n = resolved.leads;
  const plan = planBuiltinDataset(resolved, false, onProgress && ((done) => onProgress(done, 2 * n)));
  const files: Files = {
    leads: join(dir, BUILTIN_FILES.leads),
    events: join(dir, BUILTIN_FILES.events),
    truth: join(dir, BUILTIN_FILES.truth),
    generator: join(dir, BUILTIN_FILES.generator),
  };
  const writers: AtomicFileWriter[] = [];
  try {
    for (const path of Object.values(files)) writers.push(await AtomicFileWriter.open(path));
    const [leadsOut, eventsOut, truthOut, generatorOut] = writers;
    await leadsOut.write(toCsvLine(BUILTIN_LEAD_COLUMNS));
    await eventsOut.write(toCsvLine(BUILTIN_EVENT_COLUMNS));
    let events = 0;
    let postAcceptanceEvents = 0;
    for (let c = 0; c < plan.chunkCount; c++) {
      const chunk = realizeChunk(plan, c);
      await writeLeadRows(leadsOut, chunk, onProgress && ((done) => onProgress(n + chunk.start + done, 2 * n)));
      await writeEventRows(eventsOut, chunk);
      events += chunk.events.rowCount;
      postAcceptanceEvents += chunk.postAcceptanceEvents;
      onProgress?.(n + chunk.start + chunk.count, 2 * n);
    }
    await writeTruth(truthOut, plan);
    const summary = toSummary(plan, dir, files, events, postAcceptanceEvents, 0);
    await generatorOut.write(toGeneratorJson(resolved, plan, summary));
    for (const writer of writers) await writer.commit();
    return { ...summary, elapsedMs: performance.now() - started };
  } catch (error) {
    for (const writer of writers) await writer.abort();
    if (isLeadstackError(error)) throw error;
    throw new DataError(`cannot write the built-in data set: ${(error as Error).message}`, { file: dir });
  }
}

function toSummary(
  plan: BuiltinPlan,
  outDir: string,
  files: Files,
  events: number,
  postAcceptanceEvents: number,
  elapsedMs: number,
): BuiltinSummary {
  const n = plan.options.leads;
  return {
    outDir,
    files,
    seed: plan.options.seed,
    leads: n,
    events,
    preAcceptanceEvents: plan.preAcceptanceEvents,
    postAcceptanceEvents,
    offlineLeads: countOffline(plan.arrivals.origin),
    positives: plan.positives,
    positiveRate: plan.positives / n,
    requestedPositiveRate: plan.options.positiveRate,
    meanTrueProbability: plan.meanTrueProbability,
    bayesRocAuc: plan.bayesRocAuc,
    elapsedMs,
  };
}

const ROWS_PER_PROGRESS = 1000;

async function writeLeadRows(w: AtomicFileWriter, chunk: RealizedChunk, advance?: (done: number) => void): Promise<void> {
  const columns = BUILTIN_LEAD_COLUMNS.map((name) => chunk.columns[name]);
  for (let i = 0; i < chunk.count; i++) {
    let line = toCsvField(columns[0][i]);
    for (let c = 1; c < columns.length; c++) line += `,${toCsvField(columns[c][i])}`;
    if (w.append(`${line}\n`)) await w.flush();
    if ((i + 1) % ROWS_PER_PROGRESS === 0) advance?.(i + 1);
  }
}

async function writeEventRows(w: AtomicFileWriter, chunk: RealizedChunk): Promise<void> {
  const ev = chunk.events;
  for (let i = 0; i < ev.rowCount; i++) {
    if (w.append(toCsvLine(eventCells(ev, i)))) await w.flush();
  }
}

async function writeTruth(w: AtomicFileWriter, plan: BuiltinPlan): Promise<void> {
  await w.write(toCsvLine(BUILTIN_TRUTH_COLUMNS));
  const p = plan.pTrue;
  for (let i = 0; i < p.length; i++) if (w.append(`${leadId(i)},${p[i]}\n`)) await w.flush();
}

/** generator.json: parameters, mechanism constants, row counts and achieved rates. Deterministic. */
export function toGeneratorJson(options: ResolvedBuiltinOptions, plan: BuiltinPlan, summary: BuiltinSummary): string {
  const json = {
    generator: 'leadstack-builtin',
    formatVersion: BUILTIN_FORMAT_VERSION,
    parameters: { seed: options.seed, leads: options.leads, positiveRate: options.positiveRate },
    period: { start: formatIsoSecond(PERIOD_START_S), end: formatIsoSecond(PERIOD_START_S + PERIOD_DAYS * 86_400 - 1) },
    mechanism: { intercept: plan.intercept, noiseSd: NOISE_SD },
    rows: { leads: summary.leads, events: summary.events, truth: summary.leads },
    preAcceptanceEvents: summary.preAcceptanceEvents,
    postAcceptanceEvents: summary.postAcceptanceEvents,
    offlineLeads: summary.offlineLeads,
    positives: summary.positives,
    achievedPositiveRate: summary.positiveRate,
    meanTrueProbability: summary.meanTrueProbability,
    bayesRocAuc: Number.isNaN(summary.bayesRocAuc) ? null : summary.bayesRocAuc,
    files: BUILTIN_FILES,
    columns: { leads: BUILTIN_LEAD_COLUMNS, events: BUILTIN_EVENT_COLUMNS, truth: BUILTIN_TRUTH_COLUMNS },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
