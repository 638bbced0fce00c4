import type { Rng } from '../../../core/rng.js';
import { makeCompanyName } from './company-names.js';
import { clamp, pickCumulative, toCumulative } from './draw-helpers.js';
import { COUNTRIES } from './geography.js';
import { IND_CONSULTING, IND_EDUCATION, IND_GOVERNMENT } from './taxonomy.js';

/**
 * The accounts leads come from, with their true firmographics. Several leads share an
 * account (big enterprises send many), so leads of one company share enrichment values.
 */
export interface CompanyPool {
  readonly count: number;
  readonly name: readonly string[];
  readonly domain: readonly string[];
  /** Index into COUNTRIES. */
  readonly country: Uint8Array;
  /** Index into INDUSTRIES. */
  readonly industry: Uint8Array;
  readonly employees: Int32Array;
  /** Annual revenue in USD. */
  readonly revenue: Float64Array;
  readonly ageYears: Int32Array;
  /** Semicolon-separated technologies the enrichment vendor reports. */
  readonly techStack: readonly string[];
  /** 1 when the enrichment vendor has a record of the company. */
  readonly inVendorDatabase: Uint8Array;
  /** Running sum of how often each company shows up as a lead. */
  readonly cumulativePopularity: Float64Array;
}

const INDUSTRY_WEIGHTS = [10, 6, 12, 8, 6, 4, 4, 18, 4, 5, 9, 4, 4, 4, 3];
const COUNTRY_WEIGHTS = COUNTRIES.map((c) => c.weight);
const TOOLS = [
  'SAP',
  'Salesforce',
  'AWS',
  'Azure',
  'GCP',
  'Jira',
  'Jenkins',
  'GitLab',
  'GitHub',
  'ServiceNow',
  'Oracle',
  'Workday',
  'Kubernetes',
  'Selenium',
  'Microsoft Dynamics',
] as const;
const SAP_HEAVY = new Set([2, 3, 11, 12, 13]);
const CRM_HEAVY = new Set([0, 1, 6, 7]);

/** Number of companies for a given number of leads. */
export function companyCountFor(leads: number): number {
  return Math.max(60, Math.round(leads / 3));
}

export function makeCompanyPool(rng: Rng, count: number): CompanyPool {
  const name: string[] = [];
  const domain: string[] = [];
  const techStack: string[] = [];
  const country = new Uint8Array(count);
  const industry = new Uint8Array(count);
  const employees = new Int32Array(count);
  const revenue = new Float64Array(count);
  const ageYears = new Int32Array(count);
  const inVendorDatabase = new Uint8Array(count);
  const popularity = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const c = rng.weightedIndex(COUNTRY_WEIGHTS);
    const ind = rng.weightedIndex(INDUSTRY_WEIGHTS);
    const size = drawEmployees(rng, ind);
    const named = makeCompanyName(rng, ind, COUNTRIES[c]);
    name.push(named.name);
    domain.push(named.domain);
    country[i] = c;
    industry[i] = ind;
    employees[i] = size;
    revenue[i] = drawRevenue(rng, ind, size);
    ageYears[i] = Math.round(clamp(rng.logNormal(Math.log(ind === 7 ? 11 : 28), 0.7), 1, 180));
    techStack.push(drawTechStack(rng, ind, size));
    inVendorDatabase[i] = rng.bernoulli(clamp(0.2 + 0.13 * Math.log10(size + 1), 0.15, 0.85)) ? 1 : 0;
    popularity[i] = size ** 0.45 * rng.logNormal(0, 0.8);
  }
  const cumulativePopularity = toCumulative(popularity);
  return {
    count,
    name,
    domain,
    country,
    industry,
    employees,
    revenue,
    ageYears,
    techStack,
    inVendorDatabase,
    cumulativePopularity,
  };
}

/** A company drawn with probability proportional to how many leads it sends. */
export function drawCompany(rng: Rng, pool: CompanyPool): number {
  return pickCumulative(rng, pool.cumulativePopularity);
}

function drawEmployees(rng: Rng, industry: number): number {
  const median = industry === IND_GOVERNMENT || industry === IND_EDUCATION ? 900 : industry === IND_CONSULTING ? 60 : 140;
  return Math.round(clamp(rng.logNormal(Math.log(median), 1.9), 1, 350_000));
}

function drawRevenue(rng: Rng, industry: number, employees: number): number {
  const perEmployee = industry === 0 || industry === 1 ? 420_000 : industry === IND_CONSULTING ? 150_000 : 220_000;
  const raw = employees * rng.logNormal(Math.log(perEmployee), 0.5);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(raw)) - 2);
  return Math.round(raw / magnitude) * magnitude;
}

function drawTechStack(rng: Rng, industry: number, employees: number): string {
  const big = clamp((Math.log10(employees) - 2) / 2.5, 0, 1);
  const software = industry === 7 ? 1 : 0;
  const p = [
    0.06 + 0.35 * big + (SAP_HEAVY.has(industry) ? 0.2 : 0),
    0.12 + 0.2 * big + (CRM_HEAVY.has(industry) ? 0.1 : 0),
    0.45,
    0.2 + 0.2 * big,
    0.12,
    0.45 + 0.2 * software,
    0.22,
    0.16,
    0.3 + 0.1 * software,
    0.04 + 0.3 * big,
    0.06 + 0.25 * big,
    0.03 + 0.25 * big,
    0.2,
    0.12 + 0.1 * software,
    0.05,
  ];
  const chosen: string[] = [];
  for (let t = 0; t < TOOLS.length; t++) if (rng.bernoulli(p[t])) chosen.push(TOOLS[t]);
  if (chosen.length === 0) chosen.push(TOOLS[2]);
  return rng.shuffle(chosen).join(';');
}

/** True when the company's tech stack lists the tool. */
export function hasTool(techStack: string, tool: (typeof TOOLS)[number]): boolean {
  return (
    techStack === tool || techStack.startsWith(`${tool};`) || techStack.includes(`;${tool};`) || techStack.endsWith(`;${tool}`)
  );
}
