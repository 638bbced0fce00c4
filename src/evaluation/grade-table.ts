import type { Labels } from '../core/labels.js';
import { assertBinaryScores, assertBothClasses } from '../metrics/index.js';
import type { GradeCutoffs } from './grade-cutoffs.js';

/** What one grade holds on labelled leads. */
export interface GradeRow {
  grade: string;
  leads: number;
  /** leads / all leads. */
  share: number;
  /** Converted leads in the grade: the conversions captured by working it. */
  conversions: number;
  /** conversions / leads (0 for an empty grade). */
  conversionRate: number;
  /** conversionRate / overall rate. */
  lift: number;
  /** conversions / all conversions. */
  shareOfConversions: number;
  /** Share of all leads in this and better grades. */
  cumulativeShare: number;
  /** Share of all conversions captured by this and better grades. */
  cumulativeShareOfConversions: number;
}

export interface GradeTable {
  /** One row per grade, best first, empty grades included. */
  rows: GradeRow[];
  totalLeads: number;
  totalConversions: number;
  baseRate: number;
}

/** Leads, conversions and conversion rate per grade, with cumulative shares, best grade first. */
export function gradeTable(labels: Labels, scores: ArrayLike<number>, cutoffs: GradeCutoffs): GradeTable {
  const who = 'gradeTable';
  assertBinaryScores(labels, scores, who);
  const grade = cutoffs.assign(scores);
  const leads = new Float64Array(cutoffs.grades.length);
  const conversions = new Float64Array(cutoffs.grades.length);
  for (let i = 0; i < labels.length; i++) {
    leads[grade[i]]++;
    conversions[grade[i]] += labels[i];
  }
  const totalLeads = labels.length;
  const totalConversions = conversions.reduce((a, b) => a + b, 0);
  assertBothClasses(totalConversions, totalLeads - totalConversions, who, 'a conversion rate per grade');
  const baseRate = totalConversions / totalLeads;
  let cumulativeLeads = 0;
  let cumulativeConversions = 0;
  const rows = cutoffs.grades.map((name, g) => {
    cumulativeLeads += leads[g];
    cumulativeConversions += conversions[g];
    const conversionRate = leads[g] > 0 ? conversions[g] / leads[g] : 0;
    return {
      grade: name,
      leads: leads[g],
      share: leads[g] / totalLeads,
      conversions: conversions[g],
      conversionRate,
      lift: conversionRate / baseRate,
      shareOfConversions: conversions[g] / totalConversions,
      cumulativeShare: cumulativeLeads / totalLeads,
      cumulativeShareOfConversions: cumulativeConversions / totalConversions,
    };
  });
  return { rows, totalLeads, totalConversions, baseRate };
}
