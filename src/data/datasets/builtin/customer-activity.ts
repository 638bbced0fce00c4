import type { Rng } from '../../../core/rng.js';
import { clamp } from './draw-helpers.js';
import type { EventTableBuilder } from './event-table.js';
import { dwellSeconds, sessionGapSeconds } from './site-behaviour.js';
import { KIND, pickPage } from './site-catalogue.js';
import { CH_DIRECT, CH_EMAIL, CH_ORGANIC, EV_CHAT, EV_FORM_FILL, EV_PAGE_VIEW, EV_VIDEO, EV_WEBINAR } from './taxonomy.js';

/**
 * What happens after sales accepts a lead: the acceptance time, and the new customer's
 * onboarding, docs, training and support visits. These events exist only for accepted
 * leads, so a model that sees them is reading the label; they must be censored.
 */

/** Acceptance second: after the last pre-acceptance event (or creation), hours to weeks later. */
export function drawAcceptedSecond(rng: Rng, createdS: number, lastEventS: number): number {
  if (Number.isFinite(lastEventS)) {
    return lastEventS + Math.round(clamp(rng.logNormal(Math.log(1.5 * 86_400), 1.0), 3600, 45 * 86_400));
  }
  return createdS + Math.round(clamp(rng.logNormal(Math.log(4 * 86_400), 0.8), 2 * 3600, 60 * 86_400));
}

const POST_KINDS = [KIND.onboarding, KIND.training, KIND.support, KIND.docs, KIND.pricing, KIND.home];
const POST_WEIGHTS = [3, 2, 1.5, 2.5, 0.2, 0.5];
const POST_CHANNELS = [CH_DIRECT, CH_EMAIL, CH_ORGANIC];
const POST_CHANNEL_WEIGHTS = [0.6, 0.35, 0.05];

/** Appends the customer's post-acceptance web activity (a few to dozens of events). */
export function simulateCustomerActivity(
  rng: Rng,
  leadRow: number,
  acceptedS: number,
  theme: number,
  out: EventTableBuilder,
): number {
  const n = Math.min(80, 2 + rng.poisson(Math.exp(1.1 + 0.6 * rng.normal())));
  let t = acceptedS + Math.round(clamp(rng.logNormal(Math.log(86_400), 1.0), 600, 30 * 86_400));
  let channel = CH_EMAIL;
  for (let s = 0; s < n; s++) {
    const kind = POST_KINDS[rng.weightedIndex(POST_WEIGHTS)];
    const type = customerEventType(rng, kind);
    const page = pickPage(rng, kind, theme, 0.5);
    const newSession = rng.bernoulli(0.4);
    const seconds = newSession && rng.bernoulli(0.5) ? 0 : dwellSeconds(rng, kind, type, 0);
    out.push(leadRow, t, channel, page, type, seconds, false, true);
    if (newSession) {
      t += sessionGapSeconds(rng);
      channel = POST_CHANNELS[rng.weightedIndex(POST_CHANNEL_WEIGHTS)];
    } else t += seconds + 3 + rng.int(25);
  }
  return n;
}

function customerEventType(rng: Rng, kind: number): number {
  const r = rng.next();
  if (kind === KIND.training) return r < 0.4 ? EV_VIDEO : r < 0.6 ? EV_WEBINAR : EV_PAGE_VIEW;
  if (kind === KIND.support) return r < 0.15 ? EV_FORM_FILL : r < 0.25 ? EV_CHAT : EV_PAGE_VIEW;
  return EV_PAGE_VIEW;
}
