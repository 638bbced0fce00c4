import { hasTool } from './company-pool.js';
import type { FormAnswers } from './form-answers.js';
import type { LeadProfile } from './lead-profile.js';
import { type LogisticNormalMean, makeLogisticNormalMean } from './logistic-normal.js';
import type { PathSummary } from './path-summary.js';
import { CH_UNKNOWN, MISSING } from './taxonomy.js';

/**
 * The acceptance mechanism. Sales decides on what the CRM record shows before acceptance
 * (profile as recorded, enrichment, form answers, e-mail and web behaviour), plus a rep's
 * judgement that no field records (normal noise on the logit, sd NOISE_SD). Integrating
 * that noise out gives p_true = P(accepted | record): the best probability any model of the
 * pre-acceptance data can reach, so AUC(p_true) is the Bayes ceiling.
 *
 * Effects are log-odds; tables follow the order of the matching vocabularies in taxonomy.ts.
 */

export const NOISE_SD = 2.2;

const SENIORITY = [0.5, 0.8, 0.8, 0.7, 0.5, 0.35, 0, -0.4, -1.6, -0.5];
const DEPARTMENT = [0.5, 0.3, 0.2, 0.35, 0.5, 0.35, 0.2, 0, -0.8, -1.0, -1.2, -0.3];
const INDUSTRY = [0.4, 0.4, 0.3, 0.1, 0.2, 0.3, 0.2, 0, -0.4, -1.0, -0.5, 0.2, 0.3, 0.1, -0.2];
const INDUSTRY_MISSING = -0.2;
const REGION = [0.2, 0.1, -0.3, -0.5];
/** Web, Content syndication, Partner referral, Trade show, Event: offline leads have their own base rates. */
const ORIGIN = [0, -0.7, 1.1, 1.3, 1.0];
const CHANNEL = [0.1, 0.1, -0.6, 0.15, -0.3, -0.3, 0.2, 0.2, 0, 0.4, 0.4, -0.2, 0];
const CHANNEL_MISSING = -0.3;
/** 0-3 months, 3-6 months, 6-12 months, No plan; a skipped time frame is a strong negative. */
const TIMEFRAME = [1.2, 0.6, 0.1, -0.7];
const TIMEFRAME_MISSING = -0.9;
const BUDGET = [-0.3, 0.2, 0.4, 0.5, 0];
const BUDGET_MISSING = -0.2;
const USE_CASE = [0.2, 0.15, 0.1, 0.3, 0.2, 0.1, 0.1, 0, -0.3];
const USE_CASE_MISSING = -0.1;

/** Company size as log10(employees), centred at ~300 employees and capped. */
function sizeEffect(employees: number): number {
  return Math.max(-1, Math.min(1, 0.35 * (Math.log10(Math.max(1, employees)) - 2.5)));
}

/**
 * How well the lead fits the ideal customer profile, from the true firmographics: drives
 * the lead's latent interest (behaviour), not the sales decision directly.
 */
export function fitScore(profile: LeadProfile): number {
  return (
    SENIORITY[profile.seniority] +
    DEPARTMENT[profile.department] +
    INDUSTRY[profile.industry] +
    REGION[profile.region] +
    sizeEffect(profile.employees)
  );
}

/** Log-odds contribution of the record's profile, enrichment and origin. */
export function recordLogit(profile: LeadProfile, origin: number, channel: number): number {
  let eta = ORIGIN[origin] + (channel === CH_UNKNOWN ? CHANNEL_MISSING : CHANNEL[channel]);
  eta += SENIORITY[profile.seniority] + DEPARTMENT[profile.department] + REGION[profile.region];
  eta += profile.shownIndustry === MISSING ? INDUSTRY_MISSING : INDUSTRY[profile.shownIndustry];
  eta += profile.shownEmployees < 0 ? -0.25 : sizeEffect(profile.shownEmployees);
  if (profile.shownRevenue) eta += 0.3;
  if (profile.shownAge) eta += 0.1;
  if (profile.shownTechStack !== '') {
    eta += 0.1;
    if (hasTool(profile.shownTechStack, 'SAP')) eta += 0.35;
    if (hasTool(profile.shownTechStack, 'Salesforce')) eta += 0.25;
  }
  if (profile.freeMail) eta -= 0.5;
  return eta;
}

/** Log-odds contribution of the form answers and e-mail engagement. */
export function answersLogit(form: FormAnswers): number {
  let eta = form.timeframe === MISSING ? TIMEFRAME_MISSING : TIMEFRAME[form.timeframe];
  eta += form.budget === MISSING ? BUDGET_MISSING : BUDGET[form.budget];
  eta += form.useCase === MISSING ? USE_CASE_MISSING : USE_CASE[form.useCase];
  eta += 0.25 * Math.log1p(form.emailClicks) + 0.05 * Math.log1p(form.emailOpens) + (form.newsletter ? 0.1 : 0);
  return eta;
}

/**
 * Log-odds contribution of the web path. Sales reads an engagement score that saturates
 * (the fiftieth page view adds little), explicit buying signals (demo request, contact and
 * trial forms, pricing), warning signs (careers pages, support-style browsing) and order:
 * resources first and decision pages later beats the reverse.
 */
export function pathLogit(path: PathSummary): number {
  if (path.steps === 0) return 0;
  const engagement =
    0.35 * Math.log1p(path.steps) +
    0.1 * Math.log1p(path.totalSeconds / 60) +
    0.25 * Math.min(path.downloads, 3) +
    (path.webinars > 0 ? 0.4 : 0) +
    (path.videos > 0 ? 0.1 : 0) +
    (path.caseStudies > 0 ? 0.2 : 0) +
    (path.comparisons > 0 ? 0.25 : 0) +
    (path.sessions >= 3 ? 0.2 : 0);
  let eta = ENGAGEMENT_CAP * Math.tanh(engagement / ENGAGEMENT_CAP);
  if (path.pricingViews > 0) eta += 0.35;
  if (path.demoViews > 0) eta += 0.2;
  if (path.demoRequests > 0) eta += 1.1;
  if (path.trialForms > 0) eta += 0.5;
  if (path.contactForms > 0) eta += 0.6;
  if (path.chats > 0) eta += 0.25;
  if (path.careerViews > 0) eta -= 1.0;
  if (path.practitionerViews > 0) eta -= 0.3;
  const resource = path.firstResourceStep;
  const decision = path.firstDecisionStep;
  if (resource >= 0 && decision > resource) eta += 0.5;
  else if (decision >= 0 && resource > decision) eta -= 0.3;
  else if (decision === 0 && path.steps === 1) eta -= 0.3;
  return eta;
}

/** Most log-odds web engagement alone can add. */
const ENGAGEMENT_CAP = 1.2;

let noiseIntegral: LogisticNormalMean | undefined;

/** P(accepted | record) for a record with log-odds `eta` (intercept included), the rep's noise integrated out. */
export function acceptanceProbability(eta: number): number {
  noiseIntegral ??= makeLogisticNormalMean(NOISE_SD);
  return noiseIntegral(eta);
}

/** Mean acceptance probability over leads for a given intercept. */
export function meanProbability(etas: Float64Array, intercept: number): number {
  let total = 0;
  for (let i = 0; i < etas.length; i++) total += acceptanceProbability(etas[i] + intercept);
  return total / etas.length;
}

/**
 * The intercept at which the mean true probability equals `rate`, by bisection (the mean is
 * increasing in the intercept).
 */
export function solveIntercept(etas: Float64Array, rate: number): number {
  let low = -60;
  let high = 60;
  for (let iter = 0; iter < 60 && high - low > 1e-10; iter++) {
    const mid = 0.5 * (low + high);
    if (meanProbability(etas, mid) < rate) low = mid;
    else high = mid;
  }
  return 0.5 * (low + high);
}
