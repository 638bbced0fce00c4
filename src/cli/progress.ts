import { SingleBar } from 'cli-progress';

/** A progress display: a live bar on a terminal, a line every few seconds in logs (CI). */
export interface Progress {
  update(done: number, total?: number, detail?: string): void;
  stop(message?: string): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  /** Unit shown after the counts, e.g. "leads". */
  unit?: string;
  /** Output stream (default stderr). */
  stream?: NodeJS.WriteStream;
}

export function makeProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  return stream.isTTY && !process.env.CI ? new BarProgress(options, stream) : new LogProgress(options, stream);
}

class BarProgress implements Progress {
  private readonly bar: SingleBar;
  constructor(options: ProgressOptions, stream: NodeJS.WriteStream) {
    this.bar = new SingleBar({
      format: `${options.label} [{bar}] {percentage}% | {value}/{total} ${options.unit ?? ''} | {detail}`,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      clearOnComplete: false,
      stream,
      etaBuffer: 50,
    });
    this.bar.start(options.total, 0, { detail: '' });
  }
  update(done: number, total?: number, detail = ''): void {
    if (total !== undefined) this.bar.setTotal(total);
    this.bar.update(done, { detail });
  }
  stop(message?: string): void {
    this.bar.stop();
    if (message) process.stderr.write(`${message}\n`);
  }
}

class LogProgress implements Progress {
  private lastLog = 0;
  private lastShare = -1;
  private total: number;
  constructor(
    private readonly options: ProgressOptions,
    private readonly stream: NodeJS.WriteStream,
  ) {
    this.total = options.total;
  }
  update(done: number, total?: number, detail = ''): void {
    if (total !== undefined) this.total = total;
    const share = this.total > 0 ? done / this.total : 0;
    const now = Date.now();
    if (share - this.lastShare < 0.25 && now - this.lastLog < 10_000 && done < this.total) return;
    this.lastLog = now;
    this.lastShare = share;
    const unit = this.options.unit ? ` ${this.options.unit}` : '';
    this.stream.write(`${this.options.label}: ${done}/${this.total}${unit}${detail ? ` (${detail})` : ''}\n`);
  }
  stop(message?: string): void {
    if (message) this.stream.write(`${message}\n`);
  }
}
