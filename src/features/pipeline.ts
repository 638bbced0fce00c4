import type { ColumnTable } from 'arquero';
import { InputError, SerializationError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { columnValues, materialize } from '../data/column-values.js';
import type { DatasetConfig } from '../data/datasets/dataset-config.js';
import { scanTargetLabels } from '../data/datasets/target-labels.js';
import { stratifiedFolds } from '../data/profile/stratified-folds.js';
import { inferSchema } from '../data/schema/infer-schema.js';
import { CompiledSpec } from './compiled-spec.js';
import { cleanLeadEvents, type EventColumns, EventIndex, type LeadEvent } from './event-log.js';
import { FEATURE_SPEC_VERSION, type FeatureSpec, type TimeSpec } from './feature-spec.js';
import { fitColumns } from './fit-columns.js';
import { fitEvents } from './fit-events.js';
import { HighCardinalityEncoder } from './high-cardinality.js';
import { placeholderSet } from './normalize-value.js';
import { type PipelineOptions, resolvePipelineOptions } from './pipeline-options.js';
import { assertFeatureSpec } from './spec-check.js';
import { Standardizer, standardizeInPlace } from './standardize.js';

/** What a pipeline is fitted on or applied to: a data set's leads, its events, and its config. */
export interface FeatureInput {
  leads: ColumnTable;
  events?: ColumnTable | null;
  config: DatasetConfig;
}

/** A transformed table: the matrix (with feature names) and what happened on the way. */
export interface FeatureMatrix {
  matrix: Matrix;
  /** Events dropped because they happened at or after a lead's cutoff. */
  censoredEvents: number;
  /** Events whose time could not be read (left out). */
  unreadableEvents: number;
}

/** Options of `transformOne`. */
export interface TransformOneOptions {
  /** Throw when the lead lacks a column the spec reads (default: an absent field counts as missing). */
  strict?: boolean;
}

/**
 * The data-preparation step, and what production scoring reuses verbatim: fitted on
 * training leads only, it is a plain-JSON FeatureSpec; `transform` turns a table and
 * `transformOne` a single incoming lead into identical rows.
 */
export class FeaturePipeline {
  private readonly compiled: CompiledSpec;

  private constructor(readonly spec: FeatureSpec) {
    this.compiled = new CompiledSpec(spec);
  }

  /** Fits on the training leads (and their events). */
  static fit(input: FeatureInput, options: PipelineOptions = {}): FeaturePipeline {
    return FeaturePipeline.fitTransform(input, options).pipeline;
  }

  /**
   * Fits and returns the training matrix, in which each row's target encodings come from
   * the folds that exclude the row (so a row's own label never reaches its features).
   */
  static fitTransform(input: FeatureInput, options: PipelineOptions = {}): { pipeline: FeaturePipeline; train: FeatureMatrix } {
    const o = resolvePipelineOptions(options);
    const { config } = input;
    const leads = materialize(input.leads);
    if (leads.numRows() === 0) throw new InputError('cannot fit a feature pipeline on zero leads');
    const placeholders = placeholderSet(config.placeholders);
    const hasTarget = leads.columnNames().includes(config.target.column);
    const scan = hasTarget ? scanTargetLabels(columnValues(leads, config.target.column), config.target) : null;
    const labels = scan && scan.positives > 0 && scan.negatives > 0 ? scan.labels : null;
    const folds = labels ? stratifiedFolds(labels, o.targetFolds, o.seed) : null;
    const schema = inferSchema(leads, config).columns;
    const fitted = fitColumns(leads, schema, config, labels, folds, placeholders, o);
    const names = leads.columnNames();
    const time: TimeSpec | null =
      config.date && names.includes(config.date) ? { created: config.date, observation: o.observation } : null;
    const getters = columnGetters(leads);
    let events: FeatureSpec['events'] = null;
    let eventCounts = { events: 0, censoredEvents: 0 };
    if (input.events && config.events) {
      if (!config.id) throw new InputError('the dataset config needs an "id" column to join events to leads', { field: 'id' });
      const index = new EventIndex(materialize(input.events), eventColumnsOf(config));
      const ids = Array.from(columnValues(leads, config.id), (v) => (v === null || v === undefined ? null : String(v).trim()));
      const fittedEvents = fitEvents(ids, (i, c) => getters.get(c)?.[i], index, time, config.labelTime, placeholders, o);
      events = fittedEvents.spec;
      eventCounts = { events: fittedEvents.events, censoredEvents: fittedEvents.censoredEvents };
    }
    const spec: FeatureSpec = {
      kind: 'FeatureSpec',
      formatVersion: FEATURE_SPEC_VERSION,
      dataset: {
        name: config.name,
        ...(config.id ? { id: config.id } : {}),
        target: { column: config.target.column, positive: config.target.positive },
        ...(config.labelTime ? { labelTime: config.labelTime } : {}),
        placeholders: [...config.placeholders],
      },
      columns: fitted.columns,
      groups: fitted.groups,
      time,
      events,
      scaler: null,
      features: { names: [], groups: [] },
      excluded: fitted.excluded,
      leakage: fitted.leakage,
      optIns: { leakage: [...o.leakage.allow].sort() },
      training: { rows: leads.numRows(), positives: scan ? scan.positives : null, ...eventCounts, seed: o.seed },
    };
    const unscaled = new CompiledSpec(spec);
    spec.features = { names: unscaled.names(), groups: unscaled.groups() };
    const train = transformTable(unscaled, leads, input.events ?? null);
    applyOutOfFold(unscaled, train.matrix, fitted.outOfFold);
    if (o.scale) {
      const scaler = new Standardizer().fit(train.matrix);
      spec.scaler = { mean: [...scaler.mean], scale: [...scaler.scale] };
      train.matrix = scaler.transform(train.matrix);
    }
    return { pipeline: new FeaturePipeline(spec), train };
  }

  /** Rebuilds a pipeline from its spec (checks kind, version and shape). */
  static fromJSON(json: unknown): FeaturePipeline {
    return new FeaturePipeline(assertFeatureSpec(json));
  }

  get featureNames(): string[] {
    return [...this.spec.features.names];
  }

  /** Transforms a table of leads (and their events) with the fitted spec. */
  transform(leads: ColumnTable, events?: ColumnTable | null): FeatureMatrix {
    return transformTable(this.compiled, materialize(leads), events ?? null);
  }

  /**
   * Transforms one incoming lead (field → value, raw or cleaned) and its events (objects
   * with the event-log column names) into the row `transform` would produce for it.
   */
  transformOne(
    lead: Readonly<Record<string, unknown>>,
    events: readonly Readonly<Record<string, unknown>>[] = [],
    options: TransformOneOptions = {},
  ): Float64Array {
    const out = new Float64Array(this.compiled.width);
    this.transformOneInto(lead, events, out, 0, options);
    return out;
  }

  /** `transformOne` writing the row into `out[offset..]` (for scoring many leads into one matrix). */
  transformOneInto(
    lead: Readonly<Record<string, unknown>>,
    events: readonly Readonly<Record<string, unknown>>[],
    out: Float64Array,
    offset: number,
    options: TransformOneOptions = {},
  ): void {
    if (lead === null || typeof lead !== 'object') throw new InputError('a lead must be an object of field → value');
    if (options.strict) {
      const absent = requiredColumns(this.spec).filter((c) => !(c in lead));
      if (absent.length) throw new InputError(`the lead has no ${absent.map((c) => `"${c}"`).join(', ')}`, { field: absent[0] });
    }
    const c = this.compiled;
    const touchpoints = c.eventColumns
      ? cleanLeadEvents(events.length, (k, col) => events[k][col], c.eventColumns, c.placeholders).events
      : null;
    this.encodeInto(lead, touchpoints, out, offset);
  }

  /**
   * `transformOneInto` for a lead whose events are already cleaned and in time order (as
   * `cleanLeadEvents` gives them; see `eventCleaning`): the same row without cleaning them again.
   */
  transformCleanedInto(
    lead: Readonly<Record<string, unknown>>,
    touchpoints: readonly LeadEvent[],
    out: Float64Array,
    offset: number,
  ): void {
    this.encodeInto(lead, this.compiled.eventColumns ? touchpoints : null, out, offset);
  }

  /** What cleaning a lead's events takes: the event-log columns and placeholders (null without an event log). */
  get eventCleaning(): { columns: EventColumns; placeholders: ReadonlySet<string> } | null {
    const c = this.compiled;
    return c.eventColumns ? { columns: c.eventColumns, placeholders: c.placeholders } : null;
  }

  private encodeInto(
    lead: Readonly<Record<string, unknown>>,
    touchpoints: readonly LeadEvent[] | null,
    out: Float64Array,
    offset: number,
  ): void {
    const c = this.compiled;
    out.fill(0, offset, offset + c.width);
    const get = (column: string): unknown => lead[column];
    const times = c.leadTimes(get);
    const path = touchpoints ? c.leadPath(touchpoints, times.cutoff).path : null;
    c.encode({ get, path, observationPoint: times.observationPoint, createdAt: times.createdAt }, out, offset);
  }

  /**
   * The same pipeline with standardization learned from `X` — this pipeline's own unscaled
   * output, possibly resampled — so that `transform` and `transformOne` emit scaled rows.
   */
  withScaler(X: Matrix): FeaturePipeline {
    if (X.cols !== this.spec.features.names.length)
      throw new InputError(`withScaler: X has ${X.cols} columns, the pipeline emits ${this.spec.features.names.length}`);
    const scaler = new Standardizer().fit(X);
    const spec = structuredClone(this.spec);
    spec.scaler = { mean: [...scaler.mean], scale: [...scaler.scale] };
    return new FeaturePipeline(spec);
  }

  /** Applies this pipeline's standardization to an unscaled matrix of its features (identity without a scaler). */
  scaleMatrix(X: Matrix): Matrix {
    const scaler = this.spec.scaler;
    if (!scaler) return X;
    const out = new Matrix(X.rows, X.cols, new Float64Array(X.data.length), X.columnNames());
    standardizeInPlace(X.data, out.data, X.cols, scaler.mean, scaler.scale);
    return out;
  }

  toJSON(): FeatureSpec {
    return structuredClone(this.spec);
  }
}

/** Every lead column the spec reads. */
export function requiredColumns(spec: FeatureSpec): string[] {
  const columns = new Set<string>();
  for (const c of spec.columns) columns.add(c.column);
  for (const g of spec.groups) for (const f of g.fields) columns.add(f);
  if (spec.time) columns.add(spec.time.created);
  if (spec.events) {
    if (spec.dataset.id) columns.add(spec.dataset.id);
  }
  return [...columns];
}

function transformTable(c: CompiledSpec, leads: ColumnTable, events: ColumnTable | null): FeatureMatrix {
  const spec = c.spec;
  const present = new Set(leads.columnNames());
  const absent = requiredColumns(spec).filter((name) => !present.has(name));
  if (absent.length) {
    throw new InputError(
      `the leads lack ${absent.length === 1 ? 'a column' : 'columns'} the features need: ${absent.map((a) => `"${a}"`).join(', ')}`,
      {
        column: absent[0],
      },
    );
  }
  if (spec.events && !events) throw new InputError('this pipeline was fitted with an event log: pass the events too');
  const getters = columnGetters(leads);
  const rows = leads.numRows();
  const data = new Float64Array(rows * c.width);
  const index = spec.events && events ? new EventIndex(materialize(events), spec.events.columns) : null;
  const ids = index && spec.dataset.id ? getters.get(spec.dataset.id)! : null;
  let censoredEvents = 0;
  let unreadableEvents = 0;
  for (let i = 0; i < rows; i++) {
    const get = (column: string): unknown => getters.get(column)?.[i];
    const times = c.leadTimes(get);
    let path = null;
    if (index && ids) {
      const id = ids[i];
      const cleaned =
        id === null || id === undefined ? { events: [], unreadable: 0 } : index.leadEvents(String(id).trim(), c.placeholders);
      const built = c.leadPath(cleaned.events, times.cutoff);
      path = built.path;
      censoredEvents += built.censored;
      unreadableEvents += cleaned.unreadable;
    }
    c.encode({ get, path, observationPoint: times.observationPoint, createdAt: times.createdAt }, data, i * c.width);
  }
  return { matrix: new Matrix(rows, c.width, data, c.names()), censoredEvents, unreadableEvents };
}

function applyOutOfFold(c: CompiledSpec, matrix: Matrix, outOfFold: ReadonlyMap<string, Float64Array>): void {
  let at = 0;
  for (const encoder of c.encoders) {
    if (encoder instanceof HighCardinalityEncoder && encoder.targetOffset >= 0) {
      const values = outOfFold.get(encoder.group);
      if (!values) throw new SerializationError(`no out-of-fold target encoding for "${encoder.group}"`);
      const j = at + encoder.targetOffset;
      for (let i = 0; i < matrix.rows; i++) matrix.data[i * matrix.cols + j] = values[i];
    }
    at += encoder.names.length;
  }
}

function columnGetters(table: ColumnTable): Map<string, ArrayLike<unknown>> {
  return new Map(table.columnNames().map((name) => [name, columnValues(table, name)]));
}

function eventColumnsOf(config: DatasetConfig): EventColumns {
  const e = config.events!;
  const columns: EventColumns = { leadId: e.leadId, time: e.time };
  for (const key of ['url', 'title', 'channel', 'type', 'duration'] as const) if (e[key]) columns[key] = e[key];
  return columns;
}
