import type { Rng } from '../../../core/rng.js';
import { NO_THEME, THEMES, VENDOR_DOMAIN } from './taxonomy.js';
import { THEME_CONTENT } from './theme-content.js';

/**
 * The vendor's web estate: every URL a lead can visit, with its page title, kind and
 * product theme. Onboarding, training and support pages are seen only by customers, i.e.
 * after sales accepted the lead.
 */
export const PAGE_KINDS = [
  'home',
  'about',
  'blog',
  'careers',
  'community',
  'docs',
  'help',
  'product',
  'solution',
  'ebook',
  'white_paper',
  'case_study',
  'webinar',
  'video',
  'comparison',
  'pricing',
  'demo',
  'free_trial',
  'contact',
  'onboarding',
  'training',
  'support',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const KIND: { readonly [K in PageKind]: number } = Object.fromEntries(PAGE_KINDS.map((k, i) => [k, i])) as {
  [K in PageKind]: number;
};

/** Buying stage of each kind: 0 awareness, 1 consideration, 2 decision, 3 customer only. */
export const STAGE_OF_KIND: readonly number[] = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3];

export interface SitePage {
  url: string;
  title: string;
  /** Index into PAGE_KINDS. */
  kind: number;
  /** Index into THEMES, or NO_THEME. */
  theme: number;
}

const WWW = `https://www.${VENDOR_DOMAIN}`;
const DOCS = `https://docs.${VENDOR_DOMAIN}`;
const COMMUNITY = `https://community.${VENDOR_DOMAIN}`;
const ACADEMY = `https://academy.${VENDOR_DOMAIN}`;
const SUPPORT = `https://support.${VENDOR_DOMAIN}`;

const GENERAL: readonly [string, string, PageKind][] = [
  [`${WWW}/`, 'Qualivo – AI-Powered Test Automation Platform', 'home'],
  [`${WWW}/about-us`, 'About Qualivo', 'about'],
  [`${WWW}/customers`, 'Customer Stories | Qualivo', 'about'],
  [`${WWW}/partners`, 'Partners | Qualivo', 'about'],
  [`${WWW}/blog`, 'The Qualivo Blog', 'blog'],
  [`${WWW}/careers`, 'Careers at Qualivo', 'careers'],
  [`${WWW}/careers/jobs/senior-qa-engineer`, 'Senior QA Engineer (Remote) | Careers', 'careers'],
  [`${WWW}/careers/jobs/solutions-engineer`, 'Solutions Engineer | Careers', 'careers'],
  [`${WWW}/careers/graduate-program`, 'Graduate Program | Careers', 'careers'],
  [`${COMMUNITY}/`, 'Qualivo Community', 'community'],
  [`${COMMUNITY}/t/how-to-handle-dynamic-ids`, 'How do I handle dynamic IDs? – Qualivo Community', 'community'],
  [`${COMMUNITY}/t/parallel-execution-limits`, 'Parallel execution limits – Qualivo Community', 'community'],
  [`${DOCS}/`, 'Qualivo Documentation', 'docs'],
  [`${DOCS}/release-notes`, 'Release Notes – Qualivo Docs', 'docs'],
  [`${WWW}/help/faq`, 'FAQ | Qualivo Help', 'help'],
  [`${WWW}/help/licensing`, 'Licensing FAQ | Qualivo Help', 'help'],
  [`${WWW}/help/system-requirements`, 'System Requirements | Qualivo Help', 'help'],
  [`${WWW}/resources`, 'Resources: E-books, White Papers, Webinars | Qualivo', 'blog'],
  [`${WWW}/pricing`, 'Pricing | Qualivo', 'pricing'],
  [`${WWW}/pricing/enterprise`, 'Enterprise Plans | Qualivo', 'pricing'],
  [`${WWW}/demo`, 'Request a Demo | Qualivo', 'demo'],
  [`${WWW}/free-trial`, 'Start Your Free Trial | Qualivo', 'free_trial'],
  [`${WWW}/contact-us`, 'Contact Sales | Qualivo', 'contact'],
  [`${WWW}/getting-started`, 'Getting Started with Qualivo', 'onboarding'],
  [`${WWW}/onboarding/welcome`, 'Welcome to Qualivo', 'onboarding'],
  [`${WWW}/onboarding/invite-your-team`, 'Invite Your Team | Onboarding', 'onboarding'],
  [`${WWW}/onboarding/connect-your-ci`, 'Connect Your CI Pipeline | Onboarding', 'onboarding'],
  [`${WWW}/help/getting-started`, 'Getting Started | Qualivo Help', 'onboarding'],
  [`${DOCS}/getting-started/installation`, 'Installation – Qualivo Docs', 'onboarding'],
  [`${DOCS}/getting-started/first-test`, 'Your First Test – Qualivo Docs', 'onboarding'],
  [`${DOCS}/admin/license-activation`, 'License Activation – Qualivo Docs', 'onboarding'],
  [`${WWW}/training/live-sessions`, 'Live Training Sessions | Qualivo', 'training'],
  [`${ACADEMY}/`, 'Qualivo Academy', 'training'],
  [`${ACADEMY}/courses/automation-fundamentals`, 'Automation Fundamentals – Qualivo Academy', 'training'],
  [`${SUPPORT}/hc/en-us`, 'Support Center – Qualivo', 'support'],
  [`${SUPPORT}/hc/en-us/requests/new`, 'Submit a Request – Qualivo Support', 'support'],
  [`${WWW}/customer-portal/login`, 'Customer Portal | Qualivo', 'support'],
  [`${WWW}/help/sso-setup`, 'Single Sign-On Setup | Qualivo Help', 'support'],
];

function buildPages(): SitePage[] {
  const pages: SitePage[] = GENERAL.map(([url, title, kind]) => ({ url, title, kind: KIND[kind], theme: NO_THEME }));
  THEME_CONTENT.forEach((content, theme) => {
    for (const [path, title, kind] of content) {
      const host = path.startsWith('docs:') ? DOCS : path.startsWith('academy:') ? ACADEMY : WWW;
      const url = `${host}/${path.replace(/^(docs|academy):/, '')}`;
      pages.push({ url, title, kind: KIND[kind], theme });
    }
  });
  return pages;
}

export const SITE_PAGES: readonly SitePage[] = buildPages();

const BY_KIND: number[][] = PAGE_KINDS.map(() => []);
const BY_KIND_THEME: number[][][] = PAGE_KINDS.map(() => THEMES.map(() => []));
SITE_PAGES.forEach((page, index) => {
  BY_KIND[page.kind].push(index);
  if (page.theme !== NO_THEME) BY_KIND_THEME[page.kind][page.theme].push(index);
});

/** A page of the given kind, on the lead's theme with probability `onTheme` when one exists. */
export function pickPage(rng: Rng, kind: number, theme: number, onTheme = 0.7): number {
  const themed = theme === NO_THEME ? undefined : BY_KIND_THEME[kind][theme];
  if (themed && themed.length > 0 && rng.bernoulli(onTheme)) return rng.pick(themed);
  return rng.pick(BY_KIND[kind]);
}
