import type { PathSummary } from './path-summary.js';

/** Index into FUNNEL_STAGES. */
export const STAGE_AWARENESS = 0;
export const STAGE_INTEREST = 1;
export const STAGE_DECISION = 2;
export const STAGE_ACTION = 3;

/**
 * The furthest funnel stage the lead reached: Action when accepted; Decision after a
 * pricing, demo, trial or contact page (or a stated 0-3 month time frame); Interest after
 * consuming content, several visits or an e-mail click; Awareness otherwise.
 */
export function funnelStageOf(accepted: boolean, path: PathSummary, timeframe: number, emailClicks: number): number {
  if (accepted) return STAGE_ACTION;
  if (path.firstDecisionStep >= 0 || timeframe === 0) return STAGE_DECISION;
  const consumed = path.downloads + path.webinars + path.videos + path.caseStudies;
  if (consumed > 0 || path.steps >= 3 || emailClicks > 0 || timeframe === 1 || timeframe === 2) return STAGE_INTEREST;
  return STAGE_AWARENESS;
}
