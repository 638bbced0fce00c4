/**
 * Prediction worker thread: takes jobs from the predict pool and runs its side of each (see
 * runPredictJob). Results and progress travel through the job's shared memory only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type PredictJob, runPredictJob } from './predict-pool.js';

const { ready } = workerData as { ready: Int32Array };
parentPort?.on('message', (job: PredictJob) => runPredictJob(job));
Atomics.store(ready, 0, 1);
Atomics.notify(ready, 0);
