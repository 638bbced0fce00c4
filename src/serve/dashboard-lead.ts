import type { ScoreResult } from '../artifact/scorer.js';
import { segmentValue } from './segment-fields.js';

/**
 * A scored lead as the dashboard holds it: no personal fields — only the id, the score and
 * its decision, the reasons, and a few categorical segment values (job title, industry …).
 */
export interface DashboardLead {
  id: string | null;
  score: number;
  probability: number;
  grade: string;
  route: string;
  reasons: string[];
  /** Non-personal segment values by field (blank ones left out). */
  segments: Record<string, string>;
  /** Predicted stage, when the scored data has one. */
  stage: string | null;
  scoredAt: string | null;
}

/** The dashboard record of a lead scored by the API. */
export function dashboardLeadFromResult(
  result: ScoreResult,
  lead: Readonly<Record<string, unknown>>,
  segmentFields: readonly string[],
): DashboardLead {
  const segments: Record<string, string> = {};
  for (const field of segmentFields) {
    const value = segmentValue(lead[field]);
    if (value !== null) segments[field] = value;
  }
  return {
    id: result.id,
    score: result.score,
    probability: result.probability,
    grade: result.grade,
    route: result.route,
    reasons: result.reasons.text,
    segments,
    stage: null,
    scoredAt: result.scoredAt,
  };
}
