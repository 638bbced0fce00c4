import type { Rng } from '../../../core/rng.js';
import { clamp, pickSoftmax, sigmoid } from './draw-helpers.js';
import type { EventTableBuilder } from './event-table.js';
import { addStep, type PathSummary, resetPathSummary } from './path-summary.js';
import { dwellSeconds, isCampaignChannel, returnVisitChannel, sessionGapSeconds } from './site-behaviour.js';
import { KIND, pickPage, STAGE_OF_KIND } from './site-catalogue.js';
import {
  CH_BING,
  CH_DIRECT,
  CH_EMAIL,
  CH_FACEBOOK,
  CH_GOOGLE,
  CH_LINKEDIN,
  CH_PARTNER,
  CH_REFERRAL,
  CH_TWITTER,
  CH_UNKNOWN,
  CH_YOUTUBE,
  EV_CHAT,
  EV_DEMO_REQUEST,
  EV_DOWNLOAD,
  EV_FORM_FILL,
  EV_PAGE_VIEW,
  EV_VIDEO,
  EV_WEBINAR,
  ORIGIN_SYNDICATION,
  ORIGIN_WEB,
  SEN_CONSULTANT,
  SEN_IC,
  SEN_LEAD,
  SEN_STUDENT,
} from './taxonomy.js';

/** What the path simulator needs to know about a lead. */
export interface PathContext {
  leadRow: number;
  origin: number;
  createdS: number;
  /** First-touch channel code (CH_UNKNOWN allowed). */
  channel: number;
  /** Latent buying interest (standard-normal scale). */
  interest: number;
  theme: number;
  seniority: number;
}

const MAX_STEPS = 400;
// Scratch space for one path (single-threaded generator).
const kinds = new Int32Array(MAX_STEPS);
const pages = new Int32Array(MAX_STEPS);
const types = new Int32Array(MAX_STEPS);
const dwell = new Int32Array(MAX_STEPS);
const offsets = new Float64Array(MAX_STEPS);
const channels = new Int32Array(MAX_STEPS);
const tagged = new Uint8Array(MAX_STEPS);

// Conversion that identifies a web lead: kinds and their event types.
const CONVERSION_KINDS = [
  KIND.ebook,
  KIND.white_paper,
  KIND.webinar,
  KIND.video,
  KIND.blog,
  KIND.free_trial,
  KIND.demo,
  KIND.contact,
  KIND.pricing,
];
const CONVERSION_TYPES = [
  EV_DOWNLOAD,
  EV_DOWNLOAD,
  EV_WEBINAR,
  EV_VIDEO,
  EV_FORM_FILL,
  EV_FORM_FILL,
  EV_DEMO_REQUEST,
  EV_FORM_FILL,
  EV_CHAT,
];
const STAGE_KINDS = [
  [KIND.home, KIND.about, KIND.blog, KIND.careers, KIND.community, KIND.docs, KIND.help],
  [KIND.product, KIND.solution, KIND.ebook, KIND.white_paper, KIND.case_study, KIND.webinar, KIND.video, KIND.comparison],
  [KIND.pricing, KIND.demo, KIND.free_trial, KIND.contact],
];
const STAGE_WEIGHTS = [
  [3, 0.7, 5, 0.35, 0.5, 0.5, 0.5],
  [3, 3, 2, 1, 1.2, 1, 1, 0.6],
  [4, 2.5, 1.5, 1.2],
];

/**
 * Simulates the lead's pre-acceptance journey on the vendor's sites and appends it to
 * `out`. Keener leads take longer paths and move from awareness content through resources
 * to decision pages; others bounce, wander, or land on pricing first. Web leads are created
 * by a conversion (download, webinar sign-up, demo request, ...), sometimes after a few
 * anonymous page views that are stitched to the lead later.
 */
export function simulatePath(rng: Rng, ctx: PathContext, out: EventTableBuilder, summary: PathSummary): void {
  resetPathSummary(summary);
  const n = drawPathLength(rng, ctx);
  if (n === 0) return;
  const conversionStep = ctx.origin === ORIGIN_WEB ? (n > 1 && rng.bernoulli(0.3) ? Math.min(n - 1, 1 + rng.int(3)) : 0) : -1;
  let channel = firstVisitChannel(ctx);
  let stage = entryStage(rng, channel);
  let t = 0;
  let newSession = true;
  for (let s = 0; s < n; s++) {
    if (s === conversionStep) {
      const c = drawConversion(rng, ctx.interest);
      kinds[s] = CONVERSION_KINDS[c];
      types[s] = CONVERSION_TYPES[c];
      stage = STAGE_OF_KIND[kinds[s]];
    } else {
      if (s > 0) stage = nextStage(rng, stage, ctx.interest);
      kinds[s] = drawKind(rng, stage, ctx.seniority);
      types[s] = drawEventType(rng, kinds[s], ctx.interest, summary);
    }
    pages[s] = pickPage(rng, kinds[s], ctx.theme);
    if (newSession) {
      summary.sessions++;
      if (s > 0) channel = returnVisitChannel(rng, ctx.origin);
      tagged[s] = isCampaignChannel(channel) && rng.bernoulli(0.85) ? 1 : 0;
    } else tagged[s] = 0;
    channels[s] = channel;
    offsets[s] = t;
    newSession = rng.bernoulli(n > 8 ? 0.2 : 0.35);
    const exits = newSession || s === n - 1;
    dwell[s] = exits && rng.bernoulli(0.5) ? 0 : dwellSeconds(rng, kinds[s], types[s], ctx.interest);
    t += newSession ? sessionGapSeconds(rng, n > 8) : dwell[s] + 3 + rng.int(25);
    addStep(summary, s, kinds[s], types[s], dwell[s]);
  }
  const start = conversionStep >= 0 ? ctx.createdS - offsets[conversionStep] : ctx.createdS + followUpDelaySeconds(rng);
  for (let s = 0; s < n; s++) {
    out.push(ctx.leadRow, start + offsets[s], channels[s], pages[s], types[s], dwell[s], tagged[s] === 1, false);
  }
  summary.lastS = start + offsets[n - 1];
}

/** Web leads arrive through their first touch; syndicated leads visit later, mostly from nurture e-mails. */
function firstVisitChannel(ctx: PathContext): number {
  if (ctx.origin === ORIGIN_SYNDICATION) return CH_EMAIL;
  return ctx.channel === CH_UNKNOWN ? CH_DIRECT : ctx.channel;
}

/**
 * Long-tailed: most leads convert once and come back a few times at most; a minority of
 * researchers (keener leads more often) return over weeks and leave dozens of events.
 */
function drawPathLength(rng: Rng, ctx: PathContext): number {
  if (ctx.origin !== ORIGIN_WEB && rng.bernoulli(ctx.origin === ORIGIN_SYNDICATION ? 0.6 : 0.35)) return 0;
  const researcher = ctx.seniority === SEN_STUDENT || ctx.seniority === SEN_IC || ctx.seniority === SEN_CONSULTANT ? 0.5 : 0;
  if (rng.bernoulli(sigmoid(-2.65 + 0.3 * ctx.interest + researcher))) {
    return Math.min(MAX_STEPS, 5 + Math.round(rng.logNormal(Math.log(20), 1.15)));
  }
  return 1 + rng.poisson(Math.exp(-0.9 + 0.3 * ctx.interest + 0.5 * rng.normal()));
}

function entryStage(rng: Rng, channel: number): number {
  const r = rng.next();
  switch (channel) {
    case CH_GOOGLE:
    case CH_BING:
      return r < 0.45 ? 0 : r < 0.8 ? 1 : 2;
    case CH_FACEBOOK:
    case CH_LINKEDIN:
    case CH_TWITTER:
    case CH_YOUTUBE:
    case CH_EMAIL:
    case CH_PARTNER:
      return r < 0.7 ? 1 : 0;
    case CH_REFERRAL:
      return r < 0.6 ? 1 : 2;
    default:
      return 0;
  }
}

function nextStage(rng: Rng, stage: number, interest: number): number {
  const r = rng.next();
  if (r < sigmoid(-1.3 + 0.9 * interest)) return Math.min(2, stage + 1);
  if (r > 0.88) return Math.max(0, stage - 1);
  return stage;
}

function drawConversion(rng: Rng, interest: number): number {
  return pickSoftmax(rng, [
    Math.log(3),
    Math.log(1.2),
    Math.log(1.5),
    Math.log(0.3),
    Math.log(1.2),
    Math.log(0.8) + 0.4 * interest,
    Math.log(0.5) + 0.8 * interest,
    Math.log(0.5) + 0.5 * interest,
    Math.log(0.3) + 0.3 * interest,
  ]);
}

function drawKind(rng: Rng, stage: number, seniority: number): number {
  const weights = STAGE_WEIGHTS[stage];
  if (stage !== 0) return STAGE_KINDS[stage][rng.weightedIndex(weights)];
  const practitioner = seniority === SEN_IC || seniority === SEN_CONSULTANT || seniority === SEN_LEAD ? 2 : 1;
  const careers = seniority === SEN_STUDENT ? 5 : seniority === SEN_IC ? 1.5 : 1;
  const adjusted = [
    weights[0],
    weights[1],
    weights[2],
    weights[3] * careers,
    weights[4] * practitioner,
    weights[5] * practitioner,
    weights[6],
  ];
  return STAGE_KINDS[0][rng.weightedIndex(adjusted)];
}

/** The action on a page; a lead requests a demo or a trial at most once. */
function drawEventType(rng: Rng, kind: number, interest: number, done: PathSummary): number {
  const r = rng.next();
  switch (kind) {
    case KIND.ebook:
    case KIND.white_paper:
      return r < 0.45 ? EV_DOWNLOAD : EV_PAGE_VIEW;
    case KIND.webinar:
      return r < 0.4 ? EV_WEBINAR : EV_PAGE_VIEW;
    case KIND.video:
      return r < 0.65 ? EV_VIDEO : EV_PAGE_VIEW;
    case KIND.demo:
      return done.demoRequests === 0 && r < sigmoid(-1.0 + 0.9 * interest) ? EV_DEMO_REQUEST : EV_PAGE_VIEW;
    case KIND.free_trial:
      return done.trialForms === 0 && r < sigmoid(-1.2 + 0.8 * interest) ? EV_FORM_FILL : EV_PAGE_VIEW;
    case KIND.contact:
      return r < sigmoid(-0.9 + 0.8 * interest) ? EV_FORM_FILL : EV_PAGE_VIEW;
    case KIND.pricing:
      return r < 0.05 + 0.05 * sigmoid(interest) ? EV_CHAT : EV_PAGE_VIEW;
    case KIND.product:
    case KIND.solution:
      return r < 0.02 ? EV_CHAT : EV_PAGE_VIEW;
    case KIND.blog:
      return r < 0.03 ? EV_FORM_FILL : EV_PAGE_VIEW;
    default:
      return EV_PAGE_VIEW;
  }
}

/** Delay between a partner or syndication lead's creation and its first own visit. */
function followUpDelaySeconds(rng: Rng): number {
  return Math.round(clamp(rng.logNormal(Math.log(2 * 86_400), 1.1), 1800, 60 * 86_400));
}
