import { InputError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import { CompiledPolicy, type Route } from '../evaluation/decision-policy.js';
import { rowContributions } from '../explain/contributions.js';
import { formatReason, leadReasons } from '../explain/lead-reasons.js';
import { FeaturePipeline } from '../features/pipeline.js';
import { firedRules, type RuleEventColumns } from '../models/rules/rule-features.js';
import { type LoadedArtifact, loadArtifact } from './load-artifact.js';
import { type LeadProblem, validateLead } from './validate-lead.js';

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
}

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

  private constructor(readonly artifact: LoadedArtifact) {
    this.pipeline = artifact.spec ? FeaturePipeline.fromJSON(artifact.spec) : null;
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

  /** Problems with a lead's fields or events (empty when it can be scored). */
  validate(item: LeadToScore): LeadProblem[] {
    return validateLead(this.artifact, item.lead, item.events);
  }

  /** Scores one lead; throws an InputError naming every problem with its fields. */
  score(
    lead: Readonly<Record<string, unknown>>,
    events: readonly Readonly<Record<string, unknown>>[] = [],
    options: ScoreOptions = {},
  ): ScoreResult {
    return this.scoreMany([{ lead, events }], options)[0];
  }

  /** Scores many leads in one batch (one model call, one explanation pass). */
  scoreMany(items: readonly LeadToScore[], options: ScoreOptions = {}): ScoreResult[] {
    items.forEach((item, i) => {
      const problems = this.validate(item);
      if (problems.length) throw new InputError(`lead ${i + 1}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    });
    const X = this.inputMatrix(items);
    const raw = this.artifact.model.predictProba(X);
    const decisions = this.policy.decide(raw);
    const top = options.reasons ?? 3;
    const contributions =
      top > 0 ? rowContributions(this.artifact.model, X, this.baseline, this.artifact.explainer.groups).values : null;
    const scoredAt = (options.now ?? new Date()).toISOString();
    const idField = this.artifact.spec?.dataset.id;
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
        const row = X.data.subarray(i * X.cols, (i + 1) * X.cols);
        const reasons = leadReasons(
          contributions.data.subarray(i * X.cols, (i + 1) * X.cols),
          { names: this.artifact.explainer.names, groups: this.artifact.explainer.groups, values: row },
          {
            top,
            scoreGap: d.score - this.artifact.policy.averageScore,
            lead: item.lead,
          },
        );
        const out = (r: (typeof reasons.positive)[number]): ScoreReason => ({ field: r.group, text: r.text, points: r.points });
        result.reasons = {
          positive: reasons.positive.map(out),
          negative: reasons.negative.map(out),
          text: [...reasons.positive, ...reasons.negative].map(formatReason),
        };
      }
      return result;
    });
  }

  /** The model's input rows for the leads. */
  private inputMatrix(items: readonly LeadToScore[]): Matrix {
    if (this.pipeline) {
      const width = this.pipeline.featureNames.length;
      const data = new Float64Array(items.length * width);
      for (let i = 0; i < items.length; i++)
        data.set(this.pipeline.transformOne(items[i].lead, items[i].events ?? []), i * width);
      return new Matrix(items.length, width, data, this.pipeline.featureNames);
    }
    const rules = this.artifact.rules!;
    const width = rules.rules.length;
    const data = new Float64Array(items.length * width);
    for (let i = 0; i < items.length; i++)
      data.set(firedRules(rules, items[i].lead, items[i].events ?? [], this.ruleColumns), i * width);
    return new Matrix(
      items.length,
      width,
      data,
      rules.rules.map((r) => r.name),
    );
  }
}
