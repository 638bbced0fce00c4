import type { Classifier } from '../../src/core/estimator.js';
import { GradientBoostingClassifier } from '../../src/models/ensemble/gradient-boosting-classifier.js';
import { RandomForestClassifier } from '../../src/models/ensemble/random-forest-classifier.js';
import { LogisticRegression } from '../../src/models/linear/logistic-regression.js';
import { NeuralNetClassifier } from '../../src/models/neural/neural-net-classifier.js';

/** One model family of the side-by-side benchmark, with the settings its peers use too. */
export interface BenchFamily {
  /** Key on the command line and in peers.py: lr, rf, gbdt, nn. */
  key: string;
  label: string;
  /** Peers (keys understood by peers.py) and which one the targets are measured against. */
  peers: string[];
  reference: string;
  /** Fitted on features standardized inside each training fold (like the peers' StandardScaler). */
  standardize: boolean;
  make(seed: number): Classifier;
}

/** Inverse regularization strength shared with scikit-learn's LogisticRegression. */
export const LR_C = 1.0;

export const FAMILIES: BenchFamily[] = [
  {
    key: 'lr',
    label: 'Logistic regression (L2, C=1)',
    peers: ['sk-lr'],
    reference: 'sk-lr',
    standardize: true,
    make: () => new LogisticRegression({ penalty: 'l2', C: LR_C, tol: 1e-8, maxIter: 1000 }),
  },
  {
    key: 'rf',
    label: 'Random forest (300 trees)',
    peers: ['sk-rf'],
    reference: 'sk-rf',
    standardize: false,
    make: (seed) => new RandomForestClassifier({ nEstimators: 300, randomState: seed, nThreads: 2 }),
  },
  {
    key: 'gbdt',
    label: 'Gradient boosting (300 × depth 6, lr 0.1, base score 0.5)',
    peers: ['xgb', 'sk-hgb'],
    reference: 'xgb',
    standardize: false,
    make: (seed) =>
      // XGBoost's side pins base_score = 0.5 (its default before 2.0); the same start here.
      new GradientBoostingClassifier({
        nEstimators: 300,
        maxDepth: 6,
        learningRate: 0.1,
        baseScore: 0.5,
        randomState: seed,
        nThreads: 2,
      }),
  },
  {
    key: 'nn',
    label: 'Neural net (64, 32)',
    peers: ['sk-mlp'],
    reference: 'sk-mlp',
    standardize: true,
    make: (seed) => new NeuralNetClassifier({ hiddenLayers: [64, 32], batchSize: 200, epochs: 200, randomState: seed }),
  },
];
