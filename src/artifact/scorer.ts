import './artifact-kinds.js';
import { InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { CompiledPolicy, type Route } from '../evaluation/decision-policy.js';
import { rowContributions } from '../explain/contributions.js';
import { LeadReasoner } from '../explain/lead-reasoner.js';
import { formatReason, type Reason } from '../explain/lead-reasons.js';
import { TreeExplainer } from '../explain/tree-explainer.js';
import { treeShapInto } from '../explain/tree-shap.js';
import type { EventColumns, LeadEvent } from '../features/event-log.js';
import { FeaturePipeline } from '../features/pipeline.js';
import { firedRules, type RuleEventColumns } from '../models/rules/rule-features.js';
import type { HasTreeEnsemble, TreeEnsembleView } from '../models/tree/tree-ensemble-view.js';
import { LeadValidator } from './lead-validator.js';
import { type LoadedArtifact, loadArtifact } from './load-artifact.js';
import type { LeadProblem } from './validate-lead.js';

/** One driver of a score, as returned to a CRM. */
export interface ScoreReason {
  field: string;
  text: string;
  points: number;
}

/** What a scored lead gets back. */
export interface ScoreResult {
  id: string | null;
  /** Calibrated probability of conversion. */
  probability: number;
  /** 0–100 lead score (the calibrated probability × 100). */
  score: number;
  /** Share of training leads scoring at or below it, 0–100. */
  percentile: number;
  grade: string;
  route: Route;
  reasons: { positive: ScoreReason[]; negative: ScoreReason[]; text: string[] };
  modelVersion: string;
  scoredAt: string;
}

/** A lead to score: its fields, and its touchpoints when the model uses an event log. */
export interface LeadToScore {
  lead: Readonly<Record<string, unknown>>;
  events?: readonly Readonly<Record<string, unknown>>[];
  /**
   * The lead's events already cleaned as `cleanLeadEvents` cleans them for `Scorer.eventCleaning`,
   * every one with a readable time, in time order: read instead of `events` (batch scoring
   * cleans them straight from the events file).
   */
  touchpoints?: readonly LeadEvent[];
}

/** A lead scored, or the problems that kept it from being scored. */
export type ScoreOutcome = { result: ScoreResult; problems?: undefined } | { result?: undefined; problems: LeadProblem[] };

export interface ScoreOptions {
  /** Reasons per direction (default 3; 0 leaves them out, which is faster). */
  reasons?: number;
  /** Time stamped on the results (default now). */
  now?: Date;
}

/**
 * A loaded model that scores leads: the same feature pipeline as in training, the model,
 * the decision policy (calibration, score, percentile, grade, route) and per-lead reasons
 * in plain words. Loading verifies the artifact's checksums and format.
 */
export class Scorer {
  private readonly pipeline: FeaturePipeline | null;
  private readonly policy: CompiledPolicy;
  private readonly baseline: Float64Array;
  private readonly ruleColumns: RuleEventColumns;
  private readonly placeholders: ReadonlySet<string>;
  private readonly reasoner: LeadReasoner;
  private readonly validator: LeadValidator;
  private readonly featureNames: readonly string[];
  /** Input rows and contributions of the last batch, reused by the next one (scoring is synchronous). */
  private rowBuffer = new Float64Array(0);
  private contributionBuffer = new Float64Array(0);
  /** See `referenceScore` (null until first needed). */
  private reference: number | null = null;

  private constructor(readonly artifact: LoadedArtifact) {
    this.pipeline = artifact.spec ? FeaturePipeline.fromJSON(artifact.spec) : null;
    this.featureNames = this.pipeline ? this.pipeline.featureNames : (artifact.rules?.rules.map((r) => r.name) ?? []);
    this.reasoner = new LeadReasoner(artifact.explainer.names, artifact.explainer.groups, {
      indicators: artifact.spec ? 'auto' : 'all',
    });
    this.validator = new LeadValidator(artifact);
    this.policy = new CompiledPolicy(artifact.policy);
    this.baseline = Float64Array.from(artifact.explainer.baseline);
    this.ruleColumns = (artifact.rules as { eventColumns?: RuleEventColumns } | null)?.eventColumns ?? {};
    this.placeholders = new Set((artifact.spec?.dataset.placeholders ?? []).map((p) => p.trim().toLowerCase()));
  }

  static async load(dir: string): Promise<Scorer> {
    return new Scorer(await loadArtifact(dir));
  }

  static fromArtifact(artifact: LoadedArtifact): Scorer {
    return new Scorer(artifact);
  }

  get modelVersion(): string {
    return this.artifact.manifest.modelVersion;
  }

  /**
   * Does ahead the work the first scored batch would start with — the Tree SHAP tables of a tree
   * model when reasons are asked for (0.1 s for the built-in champion) — so that a worker thread
   * does it while it waits for its first batch.
   */
  prepare(options: ScoreOptions = {}): void {
    const view = this.shapView();
    if ((options.reasons ?? 3) > 0 && view) TreeExplainer.of(view);
  }

  /**
   * What cleaning a lead's events takes for this model (the event-log columns and the
   * placeholders), for callers that clean them into `LeadToScore.touchpoints`; null when the
   * model reads no event log through a feature pipeline.
   */
  get eventCleaning(): { columns: EventColumns; placeholders: ReadonlySet<string> } | null {
    return this.pipeline?.eventCleaning ?? null;
  }

  /** Problems with a lead's fields or events (empty when it can be scored). */
  validate(item: LeadToScore): LeadProblem[] {
    // Cleaned touchpoints all have a readable time: only the lead's fields are left to check.
    return this.validator.problems(item.lead, item.touchpoints && this.pipeline ? [] : item.events);
  }

  /** Scores one lead; throws an InputError naming every problem with its fields. */
  score(
    lead: Readonly<Record<string, unknown>>,
    events: readonly Readonly<Record<string, unknown>>[] = [],
    options: ScoreOptions = {},
  ): ScoreResult {
    return this.scoreMany([{ lead, events }], options)[0];
  }

  /** Scores many leads in one batch (one model call, one explanation pass); throws an InputError at the first invalid lead. */
  scoreMany(items: readonly LeadToScore[], options: ScoreOptions = {}): ScoreResult[] {
    items.forEach((item, i) => {
      const problems = this.validate(item);
      if (problems.length) throw new InputError(`lead ${i + 1}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    });
    return this.scoreValid(items, options);
  }

  /**
   * Scores the leads that pass validation in one batch and reports the problems of the others,
   * in input order: what a batch job needs to write scores and rejects (each lead is checked once).
   */
  scoreEach(items: readonly LeadToScore[], options: ScoreOptions = {}): ScoreOutcome[] {
    const outcomes: ScoreOutcome[] = new Array(items.length);
    const valid: LeadToScore[] = [];
    const at: number[] = [];
    items.forEach((item, i) => {
      const problems = this.validate(item);
      if (problems.length) outcomes[i] = { problems };
      else {
        valid.push(item);
        at.push(i);
      }
    });
    const results = this.scoreValid(valid, options);
    results.forEach((result, k) => {
      outcomes[at[k]] = { result };
    });
    return outcomes;
  }

  private scoreValid(items: readonly LeadToScore[], options: ScoreOptions): ScoreResult[] {
    if (items.length === 0) return [];
    const X = this.inputMatrix(items);
    const raw = this.artifact.model.predictProba(X);
    const decisions = this.policy.decide(raw);
    const top = options.reasons ?? 3;
    const contributions = top > 0 ? this.contributions(X) : null;
    const scoredAt = (options.now ?? new Date()).toISOString();
    const idField = this.artifact.spec?.dataset.id ?? (this.artifact.rules as { idColumn?: string } | null)?.idColumn;
    const reference = contributions ? this.referenceScore : 0;
    return items.map((item, i) => {
      const d = decisions[i];
      const result: ScoreResult = {
        id: idField && item.lead[idField] !== undefined && item.lead[idField] !== null ? String(item.lead[idField]) : null,
        probability: d.probability,
        score: d.score,
        percentile: Math.round(d.percentile * 10) / 10,
        grade: d.grade,
        route: d.route,
        reasons: { positive: [], negative: [], text: [] },
        modelVersion: this.modelVersion,
        scoredAt,
      };
      if (contributions) {
        const reasons = this.reasoner.reasons(
          contributions.subarray(i * X.cols, (i + 1) * X.cols),
          X.data.subarray(i * X.cols, (i + 1) * X.cols),
          { top, scoreGap: 100 * d.probability - reference, lead: item.lead },
        );
        const text: string[] = [];
        for (const r of reasons.positive) text.push(formatReason(r));
        for (const r of reasons.negative) text.push(formatReason(r));
        result.reasons = { positive: reasons.positive.map(scoreReason), negative: reasons.negative.map(scoreReason), text };
      }
      return result;
    });
  }

  /**
   * The 0–100 score (calibrated, not rounded) of the lead all of whose contributions are zero —
   * the model's expected raw output for Tree SHAP, the average lead (training means) for the
   * other methods. Reasons share out a lead's distance from it: the model's output and the
   * calibration both rise with the raw output, so that distance has the sign of the
   * contributions' sum, and a driver that raises the score never shows as taking points away.
   */
  get referenceScore(): number {
    if (this.reference === null) {
      const view = this.shapView();
      let p: number;
      if (view) {
        const raw = TreeExplainer.of(view).expectedValue()[0];
        p = view.output === 'probability' ? Math.min(1, Math.max(0, raw)) : 1 / (1 + Math.exp(-raw));
      } else {
        p = this.artifact.model.predictProba(new Matrix(1, this.baseline.length, Float64Array.from(this.baseline)))[0];
      }
      this.reference = 100 * this.policy.calibrate([p])[0];
    }
    return this.reference;
  }

  /** The model's trees when it is explained by Tree SHAP into one output (a binary tree model), else null. */
  private shapView(): TreeEnsembleView | null {
    const model = this.artifact.model;
    if (!hasTrees(model)) return null;
    const view = model.treeEnsemble();
    return view.nOutputs === 1 ? view : null;
  }

  /** Each row's contributions (rows × features): exact Tree SHAP into a reused buffer for tree models. */
  private contributions(X: Matrix): Float64Array {
    const view = this.shapView();
    if (!view) return rowContributions(this.artifact.model, X, this.baseline, this.artifact.explainer.groups).values.data;
    if (this.contributionBuffer.length < X.data.length) this.contributionBuffer = new Float64Array(X.data.length);
    // predictProba refused infinite values in X before this.
    treeShapInto(view, X, [this.contributionBuffer], { finite: true });
    return this.contributionBuffer;
  }

  /** The model's input rows for the leads (in a buffer reused by the next batch). */
  private inputMatrix(items: readonly LeadToScore[]): Matrix {
    const width = this.featureNames.length;
    if (this.rowBuffer.length < items.length * width) this.rowBuffer = new Float64Array(items.length * width);
    // Every row is written whole (the pipeline clears a row first; firedRules gives all of one).
    const data = this.rowBuffer.subarray(0, items.length * width);
    if (this.pipeline) {
      for (let i = 0; i < items.length; i++) {
        const { lead, events, touchpoints } = items[i];
        if (touchpoints) this.pipeline.transformCleanedInto(lead, touchpoints, data, i * width);
        else this.pipeline.transformOneInto(lead, events ?? [], data, i * width);
      }
    } else {
      const rules = this.artifact.rules!;
      for (let i = 0; i < items.length; i++)
        data.set(firedRules(rules, items[i].lead, items[i].events ?? [], this.ruleColumns), i * width);
    }
    return new Matrix(items.length, width, data, this.featureNames);
  }
}

/** A reason as returned to a CRM. */
function scoreReason(r: Reason): ScoreReason {
  return { field: r.group, text: r.text, points: r.points };
}

function hasTrees(model: object): model is HasTreeEnsemble {
  return typeof (model as Partial<HasTreeEnsemble>).treeEnsemble === 'function';
}
