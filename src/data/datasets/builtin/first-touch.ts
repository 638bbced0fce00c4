import type { Rng } from '../../../core/rng.js';
import { PERIOD_DAYS, PERIOD_START_S } from './lead-calendar.js';
import { CHANNEL_TYPING, messUp, missingToken } from './messy-text.js';
import {
  CH_DIRECT,
  CH_EMAIL,
  CH_LINKEDIN,
  CH_OFFLINE,
  CH_PARTNER,
  CH_SYNDICATION,
  CH_UNKNOWN,
  CHANNELS,
  ORIGIN_PARTNER,
  ORIGIN_SYNDICATION,
  ORIGIN_WEB,
} from './taxonomy.js';

/** The channel that first brought the lead, as a code and as the CRM spells it. */
export interface FirstTouch {
  /** Index into CHANNELS, or CH_UNKNOWN. */
  channel: number;
  text: string;
}

// CHANNELS order: Google, Bing, Facebook, LinkedIn, Twitter, YouTube, Email, Direct, Organic, Referral, Partner.
const WEB_START = [0.25, 0.03, 0.08, 0.1, 0.015, 0.015, 0.09, 0.13, 0.2, 0.04, 0.02];
const WEB_END = [0.24, 0.03, 0.04, 0.18, 0.01, 0.015, 0.09, 0.12, 0.2, 0.05, 0.02];

/** How much intent a channel's visitors bring: paid social is cheap attention, referrals come with a need. */
export const CHANNEL_INTENT: readonly number[] = [0.1, 0.1, -0.4, 0, -0.3, -0.3, 0.1, 0.2, 0, 0.4, 0.3, -0.3, 0];

/**
 * Draws the first-touch channel. Web channel mix drifts over the two years (LinkedIn grows,
 * Facebook shrinks); offline leads mostly carry "Offline"; 2% of records lost the value.
 */
export function drawFirstTouch(rng: Rng, origin: number, createdS: number): FirstTouch {
  const channel = drawChannel(rng, origin, createdS);
  if (channel === CH_UNKNOWN) return { channel, text: missingToken(rng, ['unknown'], 0.4) };
  return { channel, text: messUp(CHANNELS[channel], rng, CHANNEL_TYPING) };
}

function drawChannel(rng: Rng, origin: number, createdS: number): number {
  if (rng.bernoulli(0.02)) return CH_UNKNOWN;
  if (origin === ORIGIN_WEB) {
    const t = Math.min(1, Math.max(0, (createdS - PERIOD_START_S) / (PERIOD_DAYS * 86_400)));
    return rng.weightedIndex(WEB_START.map((w, i) => w + (WEB_END[i] - w) * t));
  }
  if (origin === ORIGIN_SYNDICATION) return rng.bernoulli(0.88) ? CH_SYNDICATION : CH_LINKEDIN;
  if (origin === ORIGIN_PARTNER) {
    const r = rng.next();
    return r < 0.85 ? CH_PARTNER : r < 0.95 ? CH_EMAIL : CH_DIRECT;
  }
  return rng.bernoulli(0.94) ? CH_OFFLINE : CH_EMAIL;
}
