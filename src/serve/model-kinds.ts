/**
 * Registers every serialized kind an exported model folder can hold (models, calibrators,
 * grade cut-offs, percentiles), so `Scorer.load` can rebuild them in a process that never
 * imported the training code. Imported for its side effects only.
 */
import '../evaluation/grade-cutoffs.js';
import '../evaluation/isotonic-calibrator.js';
import '../evaluation/platt-calibrator.js';
import '../evaluation/score-percentiles.js';
import '../features/standardize.js';
import '../models/ensemble/gradient-boosting-classifier.js';
import '../models/ensemble/random-forest-classifier.js';
import '../models/linear/logistic-regression.js';
import '../models/rules/rule-based-scorer.js';
