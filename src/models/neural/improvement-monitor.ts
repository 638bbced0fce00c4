/**
 * Watches a loss epoch by epoch: remembers the lowest value and its epoch, and says when the
 * loss has gone `patience` epochs in a row without dropping more than `tol` below the lowest
 * value seen before (a NaN loss never counts as an improvement).
 */
export class ImprovementMonitor {
  bestLoss = Number.POSITIVE_INFINITY;
  bestEpoch = -1;
  private stale = 0;

  constructor(
    private readonly tol: number,
    private readonly patience: number,
  ) {}

  /** Records an epoch's loss; true when training should stop. */
  update(epoch: number, loss: number): boolean {
    this.stale = loss <= this.bestLoss - this.tol ? 0 : this.stale + 1;
    if (loss < this.bestLoss) {
      this.bestLoss = loss;
      this.bestEpoch = epoch;
    }
    return this.stale >= this.patience;
  }

  /** Whether `epoch` set the lowest loss so far. */
  isBest(epoch: number): boolean {
    return this.bestEpoch === epoch;
  }
}
