import { Counter, Gauge, Histogram } from './prometheus.js';

/** Latency buckets in seconds: 0.5 ms to 5 s. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Lead score buckets on the 0–100 scale. */
const SCORE_BUCKETS = [1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

/** What the model info gauge says about the model being served. */
export interface ServedModelInfo {
  modelVersion: string;
  modelKind: string;
  createdAt: string;
}

/**
 * The server's Prometheus metrics: requests by route, method and status; request latency;
 * the distribution of lead scores and the grades given; the model being served; reloads.
 */
export class ServeMetrics {
  readonly requests = new Counter('leadstack_http_requests_total', 'HTTP requests by route, method and status code.');
  readonly latency = new Histogram(
    'leadstack_http_request_duration_seconds',
    'Time from receiving a request to sending the response, by route.',
    LATENCY_BUCKETS,
  );
  readonly scores = new Histogram('leadstack_lead_score', 'Lead scores (0-100) returned, by model version.', SCORE_BUCKETS);
  readonly grades = new Counter('leadstack_leads_scored_total', 'Leads scored, by grade, route and model version.');
  readonly model = new Gauge('leadstack_model_info', 'The model being served (value 1), with its version and kind.');
  readonly reloads = new Counter('leadstack_model_reloads_total', 'Model reloads by result (ok or failed).');
  private readonly started = Date.now();

  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.requests.inc({ route, method, status: String(status) });
    this.latency.observe(seconds, { route });
  }

  observeScore(modelVersion: string, score: number, grade: string, route: string): void {
    this.scores.observe(score, { model_version: modelVersion });
    this.grades.inc({ grade, route, model_version: modelVersion });
  }

  setModel(info: ServedModelInfo): void {
    this.model.reset();
    this.model.set({ model_version: info.modelVersion, model_kind: info.modelKind, created_at: info.createdAt }, 1);
  }

  recordReload(ok: boolean): void {
    this.reloads.inc({ result: ok ? 'ok' : 'failed' });
  }

  /** Every metric in the text exposition format. */
  render(): string {
    const uptime = `# HELP leadstack_uptime_seconds Seconds since the server started.\n# TYPE leadstack_uptime_seconds gauge\nleadstack_uptime_seconds ${(Date.now() - this.started) / 1000}\n`;
    return [this.requests, this.latency, this.scores, this.grades, this.model, this.reloads]
      .map((m) => m.render())
      .concat(uptime)
      .join('');
  }
}
