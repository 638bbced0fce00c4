import { InputError } from '../core/errors.js';
import type { Labels } from '../core/labels.js';
import { assertLength } from '../metrics/index.js';
import { formatShare } from './format-share.js';
import { DEFAULT_GRADE_SHARES, type GradeCutoffs, gradeCutoffs } from './grade-cutoffs.js';
import { type GradeRow, type GradeTable, gradeTable } from './grade-table.js';

export interface CompareGradesOptions {
  /** Share of leads per grade, best first (the last grade takes the rest); both scores are cut by it. Default DEFAULT_GRADE_SHARES. */
  shares?: readonly number[];
  /** Grade names, best first. Default 'A', 'B', 'C', … */
  grades?: readonly string[];
  /** Cut-offs fitted elsewhere (on training leads) for the model's scores, instead of shares of these. */
  modelCutoffs?: GradeCutoffs;
  /** Cut-offs fitted elsewhere for the rule-based scores. */
  ruleCutoffs?: GradeCutoffs;
  /** How many of the best grades the summary sentence adds up. Default 2 (A and B). */
  topGrades?: number;
}

/** One grade of the model next to the same grade of the rule-based score. */
export interface GradeComparisonRow {
  grade: string;
  model: GradeRow;
  rules: GradeRow;
  /** model.conversions − rules.conversions. */
  extraConversions: number;
}

export interface GradeComparison {
  grades: string[];
  rows: GradeComparisonRow[];
  model: GradeTable;
  rules: GradeTable;
  modelCutoffs: GradeCutoffs;
  ruleCutoffs: GradeCutoffs;
  /** E.g. "the model's A and B grades capture 62% of conversions with 20% of leads; the rule-based A and B 41% with 21%". */
  message: string;
}

/**
 * The ML model's grades next to the rule-based score's grades on the same leads: each score
 * gets its own cut-offs by the same share rule (or the cut-offs given), so grade A is the top
 * 5% of leads by either score and the rows show which ranking puts more conversions there.
 */
export function compareGrades(
  labels: Labels,
  modelScores: ArrayLike<number>,
  ruleScores: ArrayLike<number>,
  options: CompareGradesOptions = {},
): GradeComparison {
  const who = 'compareGrades';
  assertLength(modelScores, labels.length, who, 'model scores');
  assertLength(ruleScores, labels.length, who, 'rule scores');
  const shares = options.shares ?? DEFAULT_GRADE_SHARES;
  const modelCutoffs = options.modelCutoffs ?? gradeCutoffs({ scores: modelScores, shares, grades: options.grades });
  const ruleCutoffs = options.ruleCutoffs ?? gradeCutoffs({ scores: ruleScores, shares, grades: options.grades });
  const grades = [...modelCutoffs.grades];
  if (ruleCutoffs.grades.join('\u0000') !== grades.join('\u0000')) {
    throw new InputError(
      `${who}: the model's grades (${grades.join(', ')}) differ from the rules' (${ruleCutoffs.grades.join(', ')})`,
    );
  }
  const model = gradeTable(labels, modelScores, modelCutoffs);
  const rules = gradeTable(labels, ruleScores, ruleCutoffs);
  const rows = grades.map((grade, g) => ({
    grade,
    model: model.rows[g],
    rules: rules.rows[g],
    extraConversions: model.rows[g].conversions - rules.rows[g].conversions,
  }));
  const top = Math.min(options.topGrades ?? 2, grades.length);
  if (!Number.isInteger(top) || top < 1)
    throw new InputError(`${who}: topGrades is ${options.topGrades}; it must be a whole number ≥ 1`);
  return { grades, rows, model, rules, modelCutoffs, ruleCutoffs, message: summary(grades.slice(0, top), model, rules) };
}

function summary(top: readonly string[], model: GradeTable, rules: GradeTable): string {
  const names = top.length === 1 ? top[0] : `${top.slice(0, -1).join(', ')} and ${top[top.length - 1]}`;
  const last = top.length - 1;
  const m = model.rows[last];
  const r = rules.rows[last];
  const verb = top.length === 1 ? 'grade captures' : 'grades capture';
  return (
    `the model's ${names} ${verb} ${formatShare(m.cumulativeShareOfConversions)} of conversions with ` +
    `${formatShare(m.cumulativeShare)} of leads; the rule-based ${names} ${formatShare(r.cumulativeShareOfConversions)} ` +
    `with ${formatShare(r.cumulativeShare)}`
  );
}
