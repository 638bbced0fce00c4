import type { Rng } from '../../../core/rng.js';
import { clamp } from './draw-helpers.js';
import { SITE_PAGES } from './site-catalogue.js';
import {
  CH_BING,
  CH_DIRECT,
  CH_EMAIL,
  CH_FACEBOOK,
  CH_GOOGLE,
  CH_LINKEDIN,
  CH_ORGANIC,
  CH_PARTNER,
  CH_REFERRAL,
  CH_TWITTER,
  CH_YOUTUBE,
  EV_CHAT,
  EV_DEMO_REQUEST,
  EV_DOWNLOAD,
  EV_FORM_FILL,
  EV_VIDEO,
  EV_WEBINAR,
  ORIGIN_PARTNER,
  THEMES,
} from './taxonomy.js';

/** Median seconds on a page of each kind (PAGE_KINDS order). */
const MEDIAN_DWELL = [25, 40, 110, 60, 90, 120, 60, 70, 60, 45, 45, 80, 70, 60, 90, 55, 80, 70, 60, 150, 420, 120];

/** Seconds on the page: log-normal by page kind and action, a little longer for keen leads. */
export function dwellSeconds(rng: Rng, kind: number, eventType: number, interest: number): number {
  let median = MEDIAN_DWELL[kind];
  if (eventType === EV_WEBINAR) median = 1800;
  else if (eventType === EV_VIDEO) median = 240;
  else if (eventType === EV_DEMO_REQUEST) median = 120;
  else if (eventType === EV_FORM_FILL) median = 90;
  else if (eventType === EV_CHAT) median = 300;
  else if (eventType === EV_DOWNLOAD) median = 40;
  const seconds = rng.logNormal(Math.log(median) + 0.15 * interest, 0.9);
  return Math.max(1, Math.round(Math.min(seconds, 4 * 3600)));
}

/**
 * Time between two visits: minutes to weeks, median about a day and a half; researchers
 * with long paths binge (median half a day), so their journeys span days to weeks.
 */
export function sessionGapSeconds(rng: Rng, longPath = false): number {
  const gap = longPath ? rng.logNormal(Math.log(0.5 * 86_400), 1.0) : rng.logNormal(Math.log(1.5 * 86_400), 1.2);
  return Math.round(clamp(gap, 1800, 90 * 86_400));
}

const RETURN_CHANNELS = [CH_DIRECT, CH_EMAIL, CH_ORGANIC, CH_GOOGLE, CH_LINKEDIN, CH_REFERRAL, CH_PARTNER];
const RETURN_WEIGHTS = [0.35, 0.25, 0.2, 0.1, 0.05, 0.03, 0.02];
const PARTNER_RETURN_WEIGHTS = [0.3, 0.25, 0.15, 0.05, 0.05, 0.02, 0.18];

/** Channel of a return visit. */
export function returnVisitChannel(rng: Rng, origin: number): number {
  return RETURN_CHANNELS[rng.weightedIndex(origin === ORIGIN_PARTNER ? PARTNER_RETURN_WEIGHTS : RETURN_WEIGHTS)];
}

const CAMPAIGN_CHANNELS = new Set([CH_GOOGLE, CH_BING, CH_FACEBOOK, CH_LINKEDIN, CH_TWITTER, CH_YOUTUBE, CH_EMAIL]);

/** Paid and e-mail visits land on URLs with campaign parameters. */
export function isCampaignChannel(channel: number): boolean {
  return CAMPAIGN_CHANNELS.has(channel);
}

const UTM_SOURCE: Record<number, string> = {
  [CH_GOOGLE]: 'google&utm_medium=cpc',
  [CH_BING]: 'bing&utm_medium=cpc',
  [CH_FACEBOOK]: 'facebook&utm_medium=paid_social',
  [CH_LINKEDIN]: 'linkedin&utm_medium=paid_social',
  [CH_TWITTER]: 'twitter&utm_medium=paid_social',
  [CH_YOUTUBE]: 'youtube&utm_medium=video',
  [CH_EMAIL]: 'marketo&utm_medium=email',
};

/** The URL of an event: the page URL, with utm parameters on a tagged landing page. */
export function eventUrl(page: number, channel: number, tagged: boolean): string {
  const base = SITE_PAGES[page].url;
  if (!tagged) return base;
  const theme = SITE_PAGES[page].theme;
  const campaign = theme < 0 ? 'brand' : `${THEMES[theme]}-testing`;
  return `${base}${base.includes('?') ? '&' : '?'}utm_source=${UTM_SOURCE[channel]}&utm_campaign=${campaign}`;
}
