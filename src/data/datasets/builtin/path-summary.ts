import { KIND, STAGE_OF_KIND } from './site-catalogue.js';
import { EV_CHAT, EV_DEMO_REQUEST, EV_DOWNLOAD, EV_FORM_FILL, EV_PAGE_VIEW, EV_VIDEO, EV_WEBINAR } from './taxonomy.js';

/**
 * What a lead did on the web before acceptance, condensed to the facts the sales decision
 * (and a good model) reads: volume, depth, conversions, and order of resources vs. decision pages.
 */
export interface PathSummary {
  steps: number;
  sessions: number;
  downloads: number;
  webinars: number;
  videos: number;
  pricingViews: number;
  demoViews: number;
  demoRequests: number;
  trialForms: number;
  contactForms: number;
  chats: number;
  comparisons: number;
  caseStudies: number;
  careerViews: number;
  /** Docs, help and community pages: practitioners looking things up. */
  practitionerViews: number;
  totalSeconds: number;
  /** Step index of the first resource (e-book, white paper, webinar, video, case study), or -1. */
  firstResourceStep: number;
  /** Step index of the first decision page (pricing, demo, trial, contact), or -1. */
  firstDecisionStep: number;
  /** Second of the last event, or NaN without events. */
  lastS: number;
}

export function makePathSummary(): PathSummary {
  const summary = {} as PathSummary;
  resetPathSummary(summary);
  return summary;
}

export function resetPathSummary(s: PathSummary): void {
  s.steps = 0;
  s.sessions = 0;
  s.downloads = 0;
  s.webinars = 0;
  s.videos = 0;
  s.pricingViews = 0;
  s.demoViews = 0;
  s.demoRequests = 0;
  s.trialForms = 0;
  s.contactForms = 0;
  s.chats = 0;
  s.comparisons = 0;
  s.caseStudies = 0;
  s.careerViews = 0;
  s.practitionerViews = 0;
  s.totalSeconds = 0;
  s.firstResourceStep = -1;
  s.firstDecisionStep = -1;
  s.lastS = Number.NaN;
}

const RESOURCE_KINDS = new Set([KIND.ebook, KIND.white_paper, KIND.webinar, KIND.video, KIND.case_study]);
const PRACTITIONER_KINDS = new Set([KIND.docs, KIND.help, KIND.community]);

/** Adds one event (step `step` of the path) to the summary. */
export function addStep(s: PathSummary, step: number, kind: number, eventType: number, seconds: number): void {
  s.steps++;
  s.totalSeconds += seconds;
  if (eventType === EV_DOWNLOAD) s.downloads++;
  else if (eventType === EV_WEBINAR) s.webinars++;
  else if (eventType === EV_VIDEO) s.videos++;
  else if (eventType === EV_DEMO_REQUEST) s.demoRequests++;
  else if (eventType === EV_CHAT) s.chats++;
  else if (eventType === EV_FORM_FILL && kind === KIND.free_trial) s.trialForms++;
  else if (eventType === EV_FORM_FILL && kind === KIND.contact) s.contactForms++;
  if (kind === KIND.pricing) s.pricingViews++;
  else if (kind === KIND.demo && eventType === EV_PAGE_VIEW) s.demoViews++;
  else if (kind === KIND.comparison) s.comparisons++;
  else if (kind === KIND.case_study) s.caseStudies++;
  else if (kind === KIND.careers) s.careerViews++;
  else if (PRACTITIONER_KINDS.has(kind)) s.practitionerViews++;
  if (s.firstResourceStep < 0 && RESOURCE_KINDS.has(kind)) s.firstResourceStep = step;
  if (s.firstDecisionStep < 0 && STAGE_OF_KIND[kind] === 2) s.firstDecisionStep = step;
}
