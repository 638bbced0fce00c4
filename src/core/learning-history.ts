import type { IterationLogs, TrainingCallback } from './estimator.js';

/** A training callback that records the training and validation loss of every boosting round or epoch, for learning curves. */
export class LearningHistory implements TrainingCallback {
  readonly train: number[] = [];
  readonly valid: number[] = [];

  onIterationEnd(_iteration: number, logs: IterationLogs): void {
    if (logs.trainLoss !== undefined) this.train.push(logs.trainLoss);
    if (logs.validLoss !== undefined) this.valid.push(logs.validLoss);
  }
}
