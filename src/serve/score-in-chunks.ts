import type { LeadToScore, ScoreOptions, ScoreResult, Scorer } from '../artifact/scorer.js';

/** Leads scored between two turns of the event loop. */
export const SCORE_CHUNK = 50;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Scores leads in chunks, giving the event loop a turn between chunks, so a batch of a
 * thousand leads does not hold up the single-lead requests arriving meanwhile. Every chunk
 * uses the same Scorer and the same time stamp.
 */
export async function scoreInChunks(
  scorer: Scorer,
  items: readonly LeadToScore[],
  options: ScoreOptions,
  chunk = SCORE_CHUNK,
): Promise<ScoreResult[]> {
  const now = options.now ?? new Date();
  if (items.length <= chunk) return scorer.scoreMany(items, { ...options, now });
  const results: ScoreResult[] = [];
  for (let start = 0; start < items.length; start += chunk) {
    if (start > 0) await yieldToEventLoop();
    results.push(...scorer.scoreMany(items.slice(start, start + chunk), { ...options, now }));
  }
  return results;
}
