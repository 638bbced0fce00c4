/**
 * A scoring worker thread: loads the model folder once (checksums verified), then scores the
 * batches it is sent and replies with their output text, in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EventRecords } from './event-records.js';
import { type BatchSettings, scoreLeadBatch } from './lead-batch.js';
import { Scorer } from './scorer.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './scoring-pool.js';

const port = parentPort!;
const setup = workerData as WorkerSetup;

function failure(id: number, error: unknown): WorkerReply {
  const e = error instanceof Error ? error : new Error(String(error));
  return { ok: false, id, name: e.name, message: e.message, stack: e.stack ?? '' };
}

try {
  const scorer = await Scorer.load(setup.modelDir);
  if (scorer.modelVersion !== setup.modelVersion)
    throw new Error(`the model folder now holds ${scorer.modelVersion}, not ${setup.modelVersion}`);
  const settings: BatchSettings = setup.settings;
  scorer.prepare({ reasons: settings.reasons });
  let events: EventRecords | null = null;
  port.on('message', (request: WorkerRequest) => {
    if ('events' in request) {
      events = request.events ? new EventRecords(request.events) : null;
      return;
    }
    let reply: WorkerReply;
    try {
      reply = { ok: true, id: request.id, output: scoreLeadBatch(scorer, request.batch, settings, events) };
    } catch (error) {
      reply = failure(request.id, error);
    }
    port.postMessage(reply);
  });
  port.postMessage({ ok: true, id: -1 } satisfies WorkerReply);
} catch (error) {
  port.postMessage(failure(-1, error));
}
