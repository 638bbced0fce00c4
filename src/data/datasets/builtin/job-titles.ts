import type { Rng } from '../../../core/rng.js';
import { pickCumulative, toCumulative } from './draw-helpers.js';
import { type MessRates, messUp } from './messy-text.js';

/**
 * Job titles as people type them into forms, each with the seniority and department it
 * means (indices into SENIORITIES and DEPARTMENTS). After trimming, lower-casing and
 * collapsing spaces every spelling maps to exactly one (seniority, department).
 */
export interface JobTitle {
  text: string;
  seniority: number;
  department: number;
  weight: number;
}

// seniority: 0 Executive, 1 VP, 2 Director, 3 Head, 4 Manager, 5 Lead, 6 IC, 7 Consultant, 8 Student, 9 Unknown
// department: 0 QA, 1 Engineering, 2 IT, 3 DevOps, 4 SAP, 5 Salesforce, 6 General mgmt, 7 Procurement,
//             8 Marketing & Sales, 9 HR, 10 Academic, 11 Unknown
const ROWS: readonly [string, number, number, number][] = [
  ['CEO', 0, 6, 1],
  ['CTO', 0, 1, 1.5],
  ['CIO', 0, 2, 1.2],
  ['Owner', 0, 6, 0.8],
  ['Founder & CEO', 0, 6, 0.5],
  ['Co-Founder', 0, 6, 0.4],
  ['Chief Digital Officer', 0, 2, 0.3],
  ['Managing Director', 0, 6, 0.6],
  ['VP of Engineering', 1, 1, 1.1],
  ['VP Engineering', 1, 1, 0.5],
  ['Vice President, Quality Engineering', 1, 0, 0.5],
  ['VP IT', 1, 2, 0.6],
  ['SVP, Technology', 1, 2, 0.3],
  ['VP of Sales', 1, 8, 0.4],
  ['VP, Enterprise Applications', 1, 4, 0.25],
  ['Director, IT', 2, 2, 1.1],
  ['IT Director', 2, 2, 1],
  ['Director of QA', 2, 0, 0.9],
  ['Director, Quality Assurance', 2, 0, 0.6],
  ['Director of Software Engineering', 2, 1, 0.9],
  ['Director DevOps', 2, 3, 0.4],
  ['SAP Director', 2, 4, 0.35],
  ['Director, Enterprise Applications', 2, 4, 0.4],
  ['Director, CRM Platforms', 2, 5, 0.25],
  ['Marketing Director', 2, 8, 0.6],
  ['Director of Procurement', 2, 7, 0.3],
  ['HR Director', 2, 9, 0.2],
  ['Head of Testing', 3, 0, 1],
  ['Head of QA', 3, 0, 0.9],
  ['Head of Engineering', 3, 1, 0.8],
  ['Head of IT', 3, 2, 0.8],
  ['Head of DevOps', 3, 3, 0.5],
  ['Head of SAP CoE', 3, 4, 0.3],
  ['Head of CRM', 3, 5, 0.3],
  ['Head of Digital', 3, 6, 0.3],
  ['QA Manager', 4, 0, 1.5],
  ['Test Manager', 4, 0, 1.5],
  ['Engineering Manager', 4, 1, 1.2],
  ['Software Development Manager', 4, 1, 0.8],
  ['IT Manager', 4, 2, 1.5],
  ['Project Manager', 4, 2, 1.2],
  ['Release Manager', 4, 3, 0.6],
  ['SAP Manager', 4, 4, 0.5],
  ['Salesforce Program Manager', 4, 5, 0.4],
  ['Procurement Manager', 4, 7, 0.4],
  ['Marketing Manager', 4, 8, 1],
  ['Sales Manager', 4, 8, 0.6],
  ['Manager', 4, 11, 0.5],
  ['QA lead', 5, 0, 1.5],
  ['Test Lead', 5, 0, 1.4],
  ['Automation Lead', 5, 0, 0.8],
  ['Team Lead, Performance Engineering', 5, 0, 0.3],
  ['Tech Lead', 5, 1, 1],
  ['DevOps Lead', 5, 3, 0.6],
  ['SAP Basis Lead', 5, 4, 0.4],
  ['Salesforce Lead Developer', 5, 5, 0.3],
  ['Software Engineer', 6, 1, 3],
  ['Senior Software Engineer', 6, 1, 2],
  ['Developer', 6, 1, 1.5],
  ['Solutions Architect', 6, 1, 0.8],
  ['Data Engineer', 6, 1, 0.6],
  ['QA Engineer', 6, 0, 2.5],
  ['Test Analyst', 6, 0, 1.8],
  ['SDET', 6, 0, 1],
  ['Automation Engineer', 6, 0, 1.5],
  ['Test Automation Engineer', 6, 0, 1.2],
  ['Performance Engineer', 6, 0, 0.5],
  ['DevOps Engineer', 6, 3, 1.5],
  ['Cloud Architect', 6, 3, 0.6],
  ['Systems Administrator', 6, 2, 1],
  ['IT Analyst', 6, 2, 1],
  ['Business Analyst', 6, 2, 1.2],
  ['Salesforce Developer', 6, 5, 0.8],
  ['Salesforce Admin', 6, 5, 0.6],
  ['SAP Functional Analyst', 6, 4, 0.6],
  ['Marketing Specialist', 6, 8, 0.8],
  ['Buyer', 6, 7, 0.3],
  ['Recruiter', 6, 9, 0.5],
  ['Engineer', 6, 11, 0.6],
  ['Employee', 6, 11, 0.4],
  ['Lecturer', 6, 10, 0.3],
  ['Professor', 6, 10, 0.2],
  ['SAP Consultant', 7, 4, 1.2],
  ['Consultant', 7, 11, 1.2],
  ['Senior Consultant', 7, 2, 0.8],
  ['Freelance QA consultant', 7, 0, 0.5],
  ['student', 8, 10, 2],
  ['Intern', 8, 10, 0.6],
  ['Graduate Student', 8, 10, 0.4],
  ['PhD candidate', 8, 10, 0.2],
  ['', 9, 11, 2.5],
  ['-', 9, 11, 0.6],
  ['N/A', 9, 11, 0.6],
  ['Other', 9, 11, 0.5],
  ['x', 9, 11, 0.2],
];

export const JOB_TITLES: readonly JobTitle[] = ROWS.map(([text, seniority, department, weight]) => ({
  text,
  seniority,
  department,
  weight,
}));

const PLACEHOLDER_TITLES = new Set(['', '-', 'N/A', 'x']);
const TITLE_TYPING: MessRates = { lower: 0.14, upper: 0.03, trailingSpace: 0.08, leadingSpace: 0.02 };

/** Per-title weights for (small company?, offline origin?): founders at small firms, seniors at trade shows. */
const CUMULATIVE = [false, true].flatMap((small) =>
  [false, true].map((offline) =>
    toCumulative(
      JOB_TITLES.map((t) => {
        let w = t.weight;
        if (small && t.seniority === 0) w *= 3;
        if (offline && t.seniority <= 3) w *= 1.6;
        if (offline && t.seniority === 8) w *= 0.3;
        return w;
      }),
    ),
  ),
);

/** Index into JOB_TITLES. */
export function drawJobTitle(rng: Rng, employees: number, offline: boolean): number {
  return pickCumulative(rng, CUMULATIVE[(employees < 50 ? 2 : 0) + (offline ? 1 : 0)]);
}

/** The title as typed: casing, stray or doubled spaces. */
export function renderJobTitle(rng: Rng, index: number): string {
  const text = JOB_TITLES[index].text;
  if (PLACEHOLDER_TITLES.has(text)) return text;
  const typed = messUp(text, rng, TITLE_TYPING);
  return rng.bernoulli(0.01) ? typed.replace(' ', '  ') : typed;
}
