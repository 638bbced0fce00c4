/** Where log lines go (one JSON object per line). */
export type LogSink = (line: string) => void;

export const stdoutSink: LogSink = (line) => void process.stdout.write(line);

/** What is logged about a request: never its body, headers or any field value. */
export interface RequestLogEntry {
  method: string;
  route: string;
  status: number;
  ms: number;
  leads: number;
  modelVersion: string;
}

type EventValue = string | number | boolean | null;

/**
 * The server's log: one JSON line per request with method, route pattern, status, latency,
 * lead count and model version only — the request body, query, headers and field values
 * are never written, so personal data in leads cannot reach the logs — and one line per
 * server event (listening, reload, shutdown) with the facts given.
 */
export class RequestLog {
  constructor(private readonly sink: LogSink = stdoutSink) {}

  request(entry: RequestLogEntry): void {
    this.sink(
      `{"time":"${new Date().toISOString()}","level":"info","msg":"request","method":${JSON.stringify(entry.method)},"route":${JSON.stringify(entry.route)},"status":${entry.status},"ms":${Math.round(entry.ms * 100) / 100},"leads":${entry.leads},"modelVersion":${JSON.stringify(entry.modelVersion)}}\n`,
    );
  }

  event(level: 'info' | 'warn' | 'error', msg: string, fields: Readonly<Record<string, EventValue>> = {}): void {
    this.sink(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  }
}
