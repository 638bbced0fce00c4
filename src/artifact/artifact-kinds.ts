/**
 * Registers every kind a model folder can hold (the model families, the calibrators, grade
 * cut-offs and percentiles of the decision policy, the standardizer), so that an artifact loads
 * in a fresh process or worker thread that has imported nothing else.
 */
import '../evaluation/grade-cutoffs.js';
import '../evaluation/isotonic-calibrator.js';
import '../evaluation/platt-calibrator.js';
import '../evaluation/score-percentiles.js';
import '../features/standardize.js';
import '../models/ensemble/gradient-boosting-classifier.js';
import '../models/ensemble/random-forest-classifier.js';
import '../models/linear/logistic-regression.js';
import '../models/neural/neural-net-classifier.js';
import '../models/rules/rule-based-scorer.js';
