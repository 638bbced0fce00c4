export { datasetRuleMatrix } from './dataset-rules.js';
export { BUILTIN_RULES, defaultRules, X_EDUCATION_RULES } from './default-rules.js';
export { RuleBasedScorer, type RuleBasedScorerParams } from './rule-based-scorer.js';
export { firedRules, type RuleEventColumns, ruleMatrix } from './rule-features.js';
export { type EventCondition, type FieldCondition, parseRuleSet, type RuleSet, type ScoringRule } from './rule-set.js';
export { ruleTable } from './rule-table.js';
