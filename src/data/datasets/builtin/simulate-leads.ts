import { BUILTIN_LEAD_COLUMNS, type BuiltinLeadColumn } from './columns.js';
import type { CompanyPool } from './company-pool.js';
import { EventTableBuilder } from './event-table.js';
import { CHANNEL_INTENT, drawFirstTouch, type FirstTouch } from './first-touch.js';
import { drawFormAnswers, type FormAnswers } from './form-answers.js';
import { funnelStageOf } from './funnel-stage.js';
import { formatIsoSecond } from './iso-time.js';
import { answersLogit, fitScore, pathLogit, recordLogit } from './latent-model.js';
import type { LeadArrivals } from './lead-arrivals.js';
import { leadId } from './lead-id.js';
import { drawLeadProfile, type LeadProfile } from './lead-profile.js';
import { simulatePath } from './path-simulator.js';
import { makePathSummary, resetPathSummary } from './path-summary.js';
import { makeStream } from './random-streams.js';
import { CH_UNKNOWN, isOfflineOrigin, LEAD_ORIGINS, REGIONS } from './taxonomy.js';

/** Every leads.csv column as text, one array per column. */
export type LeadColumns = { [K in BuiltinLeadColumn]: string[] };

/** Everything known about a chunk of leads (rows start..start+count-1) before the sales decision. */
export interface SimulatedLeads {
  start: number;
  count: number;
  /** Cells of the chunk's rows; the three outcome columns are still blank. */
  columns: LeadColumns;
  /** Log-odds of acceptance from the record, without intercept. */
  eta: Float64Array;
  /** Second of the last pre-acceptance event (NaN without events). */
  lastEventS: Float64Array;
  theme: Uint8Array;
  /** Funnel stage each lead reached if it is not accepted (index into FUNNEL_STAGES). */
  stageIfNotAccepted: Uint8Array;
  /** Pre-acceptance events of the chunk's leads (leadRow is the global row). */
  events: EventTableBuilder;
}

/** Mean of the raw fit score over leads, so that the latent interest is centred. */
const FIT_CENTER = 0.5;
const FIT_TO_INTEREST = 0.45;
const PROGRESS_EVERY = 2000;

export function makeLeadColumns(count: number): LeadColumns {
  return Object.fromEntries(BUILTIN_LEAD_COLUMNS.map((name) => [name, new Array<string>(count).fill('')])) as LeadColumns;
}

/**
 * Simulates leads `start`..`end`-1 (creation order): for each, draw the profile, first touch,
 * latent interest, form answers, e-mail engagement and web path, and score the record with
 * the latent model. A pure function of (seed, chunk, inputs): chunks can be simulated again.
 */
export function simulateLeadChunk(
  seed: number,
  chunk: number,
  companies: CompanyPool,
  arrivals: LeadArrivals,
  [start, end]: [number, number],
  onProgress?: (done: number) => void,
): SimulatedLeads {
  const count = end - start;
  const columns = makeLeadColumns(count);
  const eta = new Float64Array(count);
  const lastEventS = new Float64Array(count);
  const theme = new Uint8Array(count);
  const stageIfNotAccepted = new Uint8Array(count);
  const events = new EventTableBuilder(count * 8);
  const path = makePathSummary();
  const rng = makeStream(seed, 'leads', chunk);
  const paths = makeStream(seed, 'paths', chunk);
  for (let i = 0; i < count; i++) {
    const row = start + i;
    const origin = arrivals.origin[row];
    const createdS = arrivals.createdS[row];
    const profile = drawLeadProfile(rng, companies, arrivals.company[row], origin, createdS);
    const touch = drawFirstTouch(rng, origin, createdS);
    const channelIntent = touch.channel === CH_UNKNOWN ? 0 : CHANNEL_INTENT[touch.channel];
    const interest = FIT_TO_INTEREST * (fitScore(profile) - FIT_CENTER) + channelIntent + rng.normal();
    const form = drawFormAnswers(rng, origin, interest, profile.theme, profile.employees);
    if (isOfflineOrigin(origin)) resetPathSummary(path);
    else {
      const ctx = {
        leadRow: row,
        origin,
        createdS,
        channel: touch.channel,
        interest,
        theme: profile.theme,
        seniority: profile.seniority,
      };
      simulatePath(paths, ctx, events, path);
    }
    eta[i] = recordLogit(profile, origin, touch.channel) + answersLogit(form) + pathLogit(path);
    lastEventS[i] = path.lastS;
    theme[i] = profile.theme;
    stageIfNotAccepted[i] = funnelStageOf(false, path, form.timeframe, form.emailClicks);
    fillRecordCells(columns, i, { row, createdS, origin, profile, touch, form });
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1);
  }
  return { start, count, columns, eta, lastEventS, theme, stageIfNotAccepted, events };
}

interface RecordParts {
  row: number;
  createdS: number;
  origin: number;
  profile: LeadProfile;
  touch: FirstTouch;
  form: FormAnswers;
}

/** Writes the cells known before the sales decision (all but the three outcome columns). */
function fillRecordCells(columns: LeadColumns, i: number, { row, createdS, origin, profile, touch, form }: RecordParts): void {
  const t = profile.text;
  columns.lead_id[i] = leadId(row);
  columns.created_at[i] = formatIsoSecond(createdS);
  columns.first_name[i] = t.firstName;
  columns.last_name[i] = t.lastName;
  columns.email[i] = t.email;
  columns.phone[i] = t.phone;
  columns.company[i] = t.company;
  columns.job_title[i] = t.jobTitle;
  columns.country[i] = t.country;
  columns.region[i] = REGIONS[profile.region];
  columns.industry[i] = t.industry;
  columns.employees[i] = t.employees;
  columns.annual_revenue[i] = t.annualRevenue;
  columns.company_age_years[i] = t.companyAgeYears;
  columns.tech_stack[i] = t.techStack;
  columns.timeframe[i] = form.text.timeframe;
  columns.budget[i] = form.text.budget;
  columns.use_case[i] = form.text.useCase;
  columns.lead_origin[i] = LEAD_ORIGINS[origin];
  columns.first_touch_channel[i] = touch.text;
  columns.email_opens[i] = String(form.emailOpens);
  columns.email_clicks[i] = String(form.emailClicks);
  columns.newsletter_opt_in[i] = form.newsletter ? 'Yes' : 'No';
}
