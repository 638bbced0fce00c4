import { InputError } from '../core/errors.js';
import type { Dataset } from '../data/datasets/load-dataset.js';
import { GradientBoostingClassifier } from '../models/ensemble/gradient-boosting-classifier.js';
import { RandomForestClassifier } from '../models/ensemble/random-forest-classifier.js';
import { LogisticRegression } from '../models/linear/logistic-regression.js';
import { NeuralNetClassifier } from '../models/neural/neural-net-classifier.js';
import { datasetRuleMatrix } from '../models/rules/dataset-rules.js';
import { defaultRules } from '../models/rules/default-rules.js';
import { RuleBasedScorer } from '../models/rules/rule-based-scorer.js';
import type { RuleSet } from '../models/rules/rule-set.js';
import type { ModelCandidate } from './cross-validate.js';

/** Model keys `compare` understands. */
export const MODEL_KEYS = ['lr', 'rf', 'gbdt', 'nn', 'rules'] as const;
export type ModelKey = (typeof MODEL_KEYS)[number];

/**
 * The model families with settings suited to lead data (a few hundred features, rare
 * conversions): regularized logistic regression on standardized features; a forest of
 * 300 trees with small leaves allowed; gradient boosting with shallow trees, a small
 * learning rate and row/column subsampling; a 64-32 network with dropout and early stopping;
 * and the data set's default points rules. `rows` of the rule score are data-set rows.
 */
export function modelCandidate(
  key: string,
  dataset: Dataset,
  options: { rules?: RuleSet; threads?: number } = {},
): ModelCandidate {
  switch (key) {
    case 'lr':
      return {
        key,
        label: 'Logistic regression',
        standardize: true,
        make: () => new LogisticRegression({ penalty: 'l2', C: 0.1, maxIter: 1000 }),
      };
    case 'rf':
      return {
        key,
        label: 'Random forest',
        make: (seed) =>
          new RandomForestClassifier({
            nEstimators: 300,
            minSamplesLeaf: 3,
            randomState: seed,
            nThreads: options.threads ?? null,
          }),
      };
    case 'gbdt':
      return {
        key,
        label: 'Gradient boosting',
        make: (seed) =>
          new GradientBoostingClassifier({
            nEstimators: 300,
            maxDepth: 4,
            learningRate: 0.05,
            subsample: 0.8,
            colsampleByTree: 0.8,
            minChildWeight: 2,
            randomState: seed,
            nThreads: options.threads ?? null,
          }),
      };
    case 'nn':
      return {
        key,
        label: 'Neural net',
        standardize: true,
        make: (seed) =>
          new NeuralNetClassifier({
            hiddenLayers: [64, 32],
            dropout: 0.2,
            l2: 1e-3,
            epochs: 100,
            earlyStopping: true,
            validationFraction: 0.1,
            patience: 8,
            randomState: seed,
          }),
      };
    case 'rules': {
      const rules = options.rules ?? defaultRules(dataset.name);
      if (!rules)
        throw new InputError(`no default rule set for data set "${dataset.name}"; pass one with a rules file`, {
          field: 'models',
        });
      return {
        key,
        label: 'Rule-based score',
        fixed: true,
        make: () => new RuleBasedScorer({ rules }),
        inputFor: (rows) => datasetRuleMatrix(rules, dataset, rows),
      };
    }
    default:
      throw new InputError(`unknown model "${key}"; models: ${MODEL_KEYS.join(', ')}`, { field: 'models' });
  }
}
