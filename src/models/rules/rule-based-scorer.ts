import { InputError, NotFittedError } from '../../core/errors.js';
import type { Classifier, FitOptions, HasDecisionFunction } from '../../core/estimator.js';
import type { Labels } from '../../core/labels.js';
import { Matrix } from '../../core/matrix.js';
import { assertSerialized, fromJSON, registerKind, type SerializedEstimator } from '../../core/serialization.js';
import { assertFitInputs, assertPredictInputs } from '../../core/validate.js';
import { LogisticRegression } from '../linear/logistic-regression.js';
import { parseRuleSet, type RuleSet } from './rule-set.js';

const KIND = 'RuleBasedScorer';
const FORMAT_VERSION = 1;

export interface RuleBasedScorerParams {
  /** The points rules; X must have one 0/1 column per rule, in order (see `ruleMatrix`). */
  rules: RuleSet;
  /**
   * How the points total becomes a probability: 'logistic' fits P = σ(a·points + b) on the
   * training rows (multinomial for more classes), so log loss and calibration can be compared
   * fairly with the models; 'range' maps the total linearly from its lowest to its highest
   * possible value onto 0–1 with no fitting, as a tool's raw score would be [logistic].
   */
  squash?: 'logistic' | 'range';
}

interface RuleState {
  nClasses: number;
  nFeatures: number;
  /** The logistic link on the points total (null for 'range'). */
  link: LogisticRegression | null;
}

/**
 * The traditional heuristic lead score: points per rule (job title contains Director +10,
 * visited pricing +5, time frame missing −10), summed, and squashed to 0–1 — behind the same
 * estimator interface as the models, so it is compared with them on the same hold-out.
 */
export class RuleBasedScorer implements Classifier<RuleBasedScorerParams>, HasDecisionFunction {
  readonly kind = KIND;
  readonly params: Readonly<RuleBasedScorerParams>;
  private state: RuleState | null = null;

  constructor(params: RuleBasedScorerParams) {
    this.params = { ...params, rules: parseRuleSet(params.rules) };
  }

  private fitted(): RuleState {
    if (!this.state) throw new NotFittedError(KIND);
    return this.state;
  }

  get nClasses(): number {
    return this.fitted().nClasses;
  }

  get nFeatures(): number {
    return this.fitted().nFeatures;
  }

  /** Total points of each row (the raw score a sales team would see). */
  points(X: Matrix): Float64Array {
    const rules = this.params.rules.rules;
    if (X.cols !== rules.length)
      throw new InputError(`${KIND}: X has ${X.cols} columns but the rule set has ${rules.length} rules`);
    const out = new Float64Array(X.rows);
    for (let i = 0; i < X.rows; i++) {
      let s = 0;
      for (let k = 0; k < rules.length; k++) s += rules[k].points * X.data[i * X.cols + k];
      out[i] = s;
    }
    return out;
  }

  async fit(X: Matrix, y: Labels, options: FitOptions = {}): Promise<this> {
    const nClasses = assertFitInputs(X, y, options.sampleWeight, { allowMissing: false, estimator: KIND });
    if (X.cols !== this.params.rules.rules.length) {
      throw new InputError(
        `${KIND}: X has ${X.cols} columns but the rule set has ${this.params.rules.rules.length} rules; build X with ruleMatrix`,
      );
    }
    let link: LogisticRegression | null = null;
    if ((this.params.squash ?? 'logistic') === 'logistic') {
      link = await new LogisticRegression({ penalty: 'none', tol: 1e-10 }).fit(this.pointsMatrix(X), y, {
        sampleWeight: options.sampleWeight,
      });
    } else if (nClasses > 2) {
      throw new InputError(`${KIND}: the 'range' squash is binary only; use 'logistic' for ${nClasses} classes`);
    }
    this.state = { nClasses, nFeatures: X.cols, link };
    return this;
  }

  decisionFunction(X: Matrix): Float64Array {
    const p = this.predictProba(X);
    return p.map((v) => Math.log(v / (1 - v)));
  }

  predictProba(X: Matrix): Float64Array {
    const s = this.fitted();
    if (s.nClasses !== 2)
      throw new InputError(`${KIND}: predictProba is for binary models; use predictClassProba for ${s.nClasses} classes`);
    return this.predictClassProba(X).column(1);
  }

  predictClassProba(X: Matrix): Matrix {
    const s = this.fitted();
    assertPredictInputs(X, s.nFeatures, { allowMissing: false, estimator: KIND });
    if (s.link) return s.link.predictClassProba(this.pointsMatrix(X));
    const [low, high] = this.pointRange();
    const points = this.points(X);
    const P = new Matrix(X.rows, 2);
    for (let i = 0; i < X.rows; i++) {
      const p = high > low ? (points[i] - low) / (high - low) : 0.5;
      P.data[2 * i] = 1 - p;
      P.data[2 * i + 1] = p;
    }
    return P;
  }

  predict(X: Matrix, threshold = 0.5): Int32Array {
    const P = this.predictClassProba(X);
    const out = new Int32Array(X.rows);
    for (let i = 0; i < X.rows; i++) {
      if (P.cols === 2) out[i] = P.data[2 * i + 1] >= threshold ? 1 : 0;
      else {
        let best = 0;
        for (let k = 1; k < P.cols; k++) if (P.data[i * P.cols + k] > P.data[i * P.cols + best]) best = k;
        out[i] = best;
      }
    }
    return out;
  }

  /** The lowest and highest total a lead can get. */
  pointRange(): [number, number] {
    let low = 0;
    let high = 0;
    for (const r of this.params.rules.rules) r.points < 0 ? (low += r.points) : (high += r.points);
    return [low, high];
  }

  toJSON(): SerializedEstimator<RuleBasedScorerParams> {
    const s = this.fitted();
    return {
      kind: KIND,
      formatVersion: FORMAT_VERSION,
      params: structuredClone(this.params) as RuleBasedScorerParams,
      state: { nClasses: s.nClasses, nFeatures: s.nFeatures, link: s.link ? s.link.toJSON() : null },
    };
  }

  static fromJSON(json: SerializedEstimator): RuleBasedScorer {
    assertSerialized(json, KIND, FORMAT_VERSION);
    const model = new RuleBasedScorer(json.params as RuleBasedScorerParams);
    const st = json.state as { nClasses: number; nFeatures: number; link: SerializedEstimator | null };
    model.state = {
      nClasses: st.nClasses,
      nFeatures: st.nFeatures,
      link: st.link ? fromJSON<LogisticRegression>(st.link) : null,
    };
    return model;
  }

  private pointsMatrix(X: Matrix): Matrix {
    return new Matrix(X.rows, 1, this.points(X), ['points']);
  }
}

registerKind(KIND, (json) => RuleBasedScorer.fromJSON(json));
