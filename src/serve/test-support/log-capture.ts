import type { LogSink } from '../request-log.js';

/** A log sink that keeps the lines, for tests. */
export function captureLog(): { sink: LogSink; lines: string[]; text: () => string } {
  const lines: string[] = [];
  return { sink: (line) => void lines.push(line), lines, text: () => lines.join('') };
}
