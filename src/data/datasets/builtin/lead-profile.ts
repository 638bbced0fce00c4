import type { Rng } from '../../../core/rng.js';
import type { CompanyPool } from './company-pool.js';
import { clamp } from './draw-helpers.js';
import { COUNTRIES } from './geography.js';
import { drawJobTitle, JOB_TITLES, renderJobTitle } from './job-titles.js';
import { CRM_TYPING, messUp, missingToken } from './messy-text.js';
import { makePerson } from './people.js';
import { INDUSTRIES, isOfflineOrigin, MISSING, SEN_STUDENT, THEMES } from './taxonomy.js';

/** Who the lead is and what the CRM record shows about them and their company (pre-acceptance). */
export interface LeadProfile {
  company: number;
  country: number;
  region: number;
  seniority: number;
  department: number;
  /** Index into THEMES: the product area the lead cares about. */
  theme: number;
  freeMail: boolean;
  /** True firmographics (drive behaviour). */
  industry: number;
  employees: number;
  /** What the record shows (drive the sales decision); MISSING / -1 / '' when absent. */
  shownIndustry: number;
  shownEmployees: number;
  shownRevenue: boolean;
  shownAge: boolean;
  shownTechStack: string;
  text: ProfileText;
}

/** The profile's cells as written to leads.csv. */
export interface ProfileText {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
  jobTitle: string;
  country: string;
  industry: string;
  employees: string;
  annualRevenue: string;
  companyAgeYears: string;
  techStack: string;
}

/** Second from which a new enrichment vendor covers more companies. */
const VENDOR_SWITCH_S = Date.UTC(2025, 6, 1) / 1000;

// Theme preference per department (THEMES order: automation, devops, cloud, sap, salesforce, api, performance, mobile).
const THEME_BY_DEPARTMENT: readonly (readonly number[])[] = [
  [4.5, 1, 0.5, 0.5, 0.5, 2, 2, 1.5],
  [2, 3, 2, 0.3, 0.3, 3, 1, 1],
  [2, 1, 3.5, 2.5, 2, 0.5, 0.5, 0.5],
  [1, 5, 3, 0.2, 0.2, 1, 1, 0.5],
  [0.5, 0.3, 0.3, 9, 0.2, 0.2, 0.2, 0.1],
  [0.5, 0.5, 0.3, 0.2, 9, 0.2, 0.2, 0.1],
];
const THEME_UNIFORM = THEMES.map(() => 1);
const FREE_MAIL_BY_SENIORITY = [0.15, 0.1, 0.1, 0.1, 0.17, 0.2, 0.28, 0.45, 0.9, 0.5];

export function drawLeadProfile(
  rng: Rng,
  companies: CompanyPool,
  company: number,
  origin: number,
  createdS: number,
): LeadProfile {
  const country = companies.country[company];
  const employees = companies.employees[company];
  const titleIndex = drawJobTitle(rng, employees, isOfflineOrigin(origin));
  const title = JOB_TITLES[titleIndex];
  const freeMail = rng.bernoulli(clamp(FREE_MAIL_BY_SENIORITY[title.seniority] + (employees < 20 ? 0.2 : 0), 0, 0.95));
  const person = makePerson(rng, COUNTRIES[country], freeMail ? null : companies.domain[company]);
  const shown = drawShownFirmographics(rng, companies, company, freeMail, createdS);
  const themeWeights = title.department < THEME_BY_DEPARTMENT.length ? THEME_BY_DEPARTMENT[title.department] : THEME_UNIFORM;
  const text: ProfileText = {
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    phone: person.phone,
    company: companyCell(rng, companies.name[company], title.seniority, freeMail),
    jobTitle: renderJobTitle(rng, titleIndex),
    country: countryCell(rng, country),
    ...firmographicCells(rng, companies, company, shown),
  };
  return {
    company,
    country,
    region: COUNTRIES[country].region,
    seniority: title.seniority,
    department: title.department,
    theme: rng.weightedIndex(themeWeights),
    freeMail,
    industry: companies.industry[company],
    employees,
    ...shown,
    text,
  };
}

type ShownFirmographics = Pick<LeadProfile, 'shownIndustry' | 'shownEmployees' | 'shownRevenue' | 'shownAge' | 'shownTechStack'>;

/**
 * What the enrichment vendor fills in: nothing for free-mail addresses or companies it does
 * not know; for known ones, size mostly, revenue rarely (mainly large firms). A vendor switch
 * in mid-2025 raises coverage. Industry also comes from forms and sales notes.
 */
function drawShownFirmographics(
  rng: Rng,
  companies: CompanyPool,
  company: number,
  freeMail: boolean,
  createdS: number,
): ShownFirmographics {
  const coverage = createdS >= VENDOR_SWITCH_S ? 1.15 : 1;
  const enriched = !freeMail && companies.inVendorDatabase[company] === 1;
  const large = companies.employees[company] >= 5000;
  return {
    shownEmployees: enriched && rng.bernoulli(0.85) ? companies.employees[company] : -1,
    shownRevenue: enriched && rng.bernoulli(clamp((0.03 + (large ? 0.22 : 0)) * coverage, 0, 1)),
    shownAge: enriched && rng.bernoulli(0.62 * coverage),
    shownTechStack: enriched && rng.bernoulli(0.48 * coverage) ? companies.techStack[company] : '',
    shownIndustry: enriched || rng.bernoulli(0.5) ? companies.industry[company] : MISSING,
  };
}

function firmographicCells(
  rng: Rng,
  companies: CompanyPool,
  company: number,
  shown: ShownFirmographics,
): Pick<ProfileText, 'industry' | 'employees' | 'annualRevenue' | 'companyAgeYears' | 'techStack'> {
  return {
    industry:
      shown.shownIndustry === MISSING
        ? missingToken(rng, ['unknown', '-', 'Select'], 0.3)
        : messUp(INDUSTRIES[shown.shownIndustry], rng, CRM_TYPING),
    employees: shown.shownEmployees < 0 ? missingToken(rng, ['unknown'], 0.04) : String(shown.shownEmployees),
    annualRevenue: shown.shownRevenue ? String(companies.revenue[company]) : missingToken(rng, ['N/A'], 0.03),
    companyAgeYears: shown.shownAge ? String(companies.ageYears[company]) : '',
    techStack: rng.bernoulli(0.12) ? shown.shownTechStack.replaceAll(';', '; ') : shown.shownTechStack,
  };
}

function companyCell(rng: Rng, name: string, seniority: number, freeMail: boolean): string {
  if (seniority === SEN_STUDENT && freeMail && rng.bernoulli(0.7)) return missingToken(rng, ['N/A', '-'], 0.45);
  const r = rng.next();
  if (r < 0.02) return missingToken(rng, ['N/A', '-'], 0.4);
  if (r < 0.04) return name.split(' ')[0];
  return messUp(name, rng, CRM_TYPING);
}

function countryCell(rng: Rng, country: number): string {
  const names = COUNTRIES[country].names;
  const r = rng.next();
  if (r < 0.05) return missingToken(rng, ['unknown', '-'], 0.5);
  if (r < 0.25) return rng.pick(names);
  return names[0];
}
