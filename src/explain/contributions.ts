import { InputError } from '../core/errors.js';
import type { Classifier } from '../core/estimator.js';
import { Matrix } from '../core/matrix.js';
import { LogisticRegression } from '../models/linear/logistic-regression.js';
import { RuleBasedScorer } from '../models/rules/rule-based-scorer.js';
import type { HasTreeEnsemble } from '../models/tree/tree-ensemble-view.js';
import { treeShap } from './tree-shap.js';

/** How much each feature moved each row's score away from the average lead's, on the model's own scale. */
export interface RowContributions {
  /** rows × features. */
  values: Matrix;
  /** What the method explains: exact Shapley values, linear terms, or the effect of resetting a group of features. */
  method: 'tree-shap' | 'linear' | 'group-occlusion';
}

/**
 * Explains binary scores per feature:
 * - tree ensembles: exact Tree SHAP (log-odds for boosting, probability for forests);
 * - logistic regression: coefficient × (value − training mean), in log-odds; the rule-based
 *   score likewise with each rule's points (its scores rise with the points total);
 * - any other model: for each feature group, the change in log-odds when the group is reset
 *   to its training mean (the group's effect given the rest of the lead), spread over the
 *   group's features in proportion to their deviation from the mean.
 * `baseline` is the training mean of every feature (the average lead).
 */
export function rowContributions(
  model: Classifier,
  X: Matrix,
  baseline: Float64Array,
  groups: readonly string[],
): RowContributions {
  if (X.cols !== baseline.length) throw new InputError(`X has ${X.cols} features but the baseline has ${baseline.length}`);
  if (isTreeModel(model)) return { values: treeShap(model, X).contributions[0], method: 'tree-shap' };
  const linear =
    model instanceof LogisticRegression && model.nClasses === 2
      ? model.coef.data
      : model instanceof RuleBasedScorer
        ? model.params.rules.rules.map((r) => r.points)
        : null;
  if (linear) {
    const coef = linear;
    const out = new Matrix(X.rows, X.cols, new Float64Array(X.rows * X.cols), X.columns);
    for (let i = 0; i < X.rows; i++) {
      for (let j = 0; j < X.cols; j++) out.data[i * X.cols + j] = coef[j] * (X.data[i * X.cols + j] - baseline[j]);
    }
    return { values: out, method: 'linear' };
  }
  return { values: groupOcclusion(model, X, baseline, groups), method: 'group-occlusion' };
}

function isTreeModel(model: Classifier): model is Classifier & HasTreeEnsemble {
  return typeof (model as Partial<HasTreeEnsemble>).treeEnsemble === 'function';
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
}

function groupOcclusion(model: Classifier, X: Matrix, baseline: Float64Array, groups: readonly string[]): Matrix {
  const members = new Map<string, number[]>();
  groups.forEach((g, j) => {
    members.set(g, [...(members.get(g) ?? []), j]);
  });
  const groupList = [...members.values()];
  const full = model.predictProba(X);
  // One matrix holding every (row, group) variant, scored in a single batch.
  const variants = new Matrix(X.rows * groupList.length, X.cols, new Float64Array(X.rows * groupList.length * X.cols));
  for (let i = 0; i < X.rows; i++) {
    const row = X.data.subarray(i * X.cols, (i + 1) * X.cols);
    groupList.forEach((cols, g) => {
      const at = (i * groupList.length + g) * X.cols;
      variants.data.set(row, at);
      for (const j of cols) variants.data[at + j] = baseline[j];
    });
  }
  const reset = model.predictProba(variants);
  const out = new Matrix(X.rows, X.cols, new Float64Array(X.rows * X.cols), X.columns);
  for (let i = 0; i < X.rows; i++) {
    groupList.forEach((cols, g) => {
      const effect = logit(full[i]) - logit(reset[i * groupList.length + g]);
      let spread = 0;
      for (const j of cols) spread += Math.abs(X.data[i * X.cols + j] - baseline[j]);
      for (const j of cols) {
        const share = spread > 0 ? Math.abs(X.data[i * X.cols + j] - baseline[j]) / spread : 1 / cols.length;
        out.data[i * X.cols + j] = effect * share;
      }
    });
  }
  return out;
}
