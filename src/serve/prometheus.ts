/**
 * Counters, gauges and histograms in the Prometheus text exposition format (version 0.0.4),
 * written by hand: a series is a metric name, a set of labels and a number.
 */

export type Labels = Readonly<Record<string, string>>;

/** Escapes a label value: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `{a="1",b="2"}`, or nothing without labels. */
export function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${escapeLabelValue(labels[k])}"`).join(',')}}`;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

function header(name: string, help: string, type: string): string {
  return `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${name} ${type}\n`;
}

/** A monotonically increasing count per label set. */
export class Counter {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = formatLabels(labels);
    const s = this.series.get(key);
    if (s) s.value += by;
    else this.series.set(key, { labels, value: by });
  }

  get(labels: Labels = {}): number {
    return this.series.get(formatLabels(labels))?.value ?? 0;
  }

  render(): string {
    let out = header(this.name, this.help, 'counter');
    for (const [key, s] of this.series) out += `${this.name}${key} ${formatValue(s.value)}\n`;
    return out;
  }
}

/** A value per label set that can go up and down; `reset` drops every series. */
export class Gauge {
  private readonly series = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  set(labels: Labels, value: number): void {
    this.series.set(formatLabels(labels), value);
  }

  reset(): void {
    this.series.clear();
  }

  render(): string {
    let out = header(this.name, this.help, 'gauge');
    for (const [key, value] of this.series) out += `${this.name}${key} ${formatValue(value)}\n`;
    return out;
  }
}

interface HistogramSeries {
  labels: Labels;
  /** Count per bucket (not cumulative); the last slot is +Inf. */
  counts: Float64Array;
  sum: number;
  count: number;
}

/** Observations counted into fixed buckets (upper bounds, inclusive), with their sum and count. */
export class Histogram {
  private readonly series = new Map<string, HistogramSeries>();
  private readonly bounds: Float64Array;

  constructor(
    readonly name: string,
    readonly help: string,
    buckets: readonly number[],
  ) {
    this.bounds = Float64Array.from(buckets);
    for (let i = 1; i < this.bounds.length; i++) {
      if (!(this.bounds[i] > this.bounds[i - 1])) throw new RangeError(`${name}: bucket bounds must increase`);
    }
  }

  observe(value: number, labels: Labels = {}): void {
    const key = formatLabels(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    let b = 0;
    while (b < this.bounds.length && value > this.bounds[b]) b++;
    s.counts[b]++;
    s.sum += value;
    s.count++;
  }

  /** Observations so far for a label set. */
  count(labels: Labels = {}): number {
    return this.series.get(formatLabels(labels))?.count ?? 0;
  }

  render(): string {
    let out = header(this.name, this.help, 'histogram');
    for (const s of this.series.values()) {
      let cumulative = 0;
      for (let b = 0; b <= this.bounds.length; b++) {
        cumulative += s.counts[b];
        const le = b < this.bounds.length ? formatValue(this.bounds[b]) : '+Inf';
        out += `${this.name}_bucket${formatLabels({ ...s.labels, le })} ${cumulative}\n`;
      }
      out += `${this.name}_sum${formatLabels(s.labels)} ${formatValue(s.sum)}\n`;
      out += `${this.name}_count${formatLabels(s.labels)} ${s.count}\n`;
    }
    return out;
  }
}
