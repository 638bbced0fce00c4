/**
 * The categorical vocabularies of the built-in data set. Generators work with the
 * integer codes (indices into these lists); only the CSV writer turns them into text.
 */

export const VENDOR_NAME = 'Qualivo';
export const VENDOR_DOMAIN = 'qualivo.com';

export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;

/** How a lead entered the CRM. Trade shows and events are offline: such leads have no web events. */
export const LEAD_ORIGINS = ['Web', 'Content syndication', 'Partner referral', 'Trade show', 'Event'] as const;
export const ORIGIN_WEB = 0;
export const ORIGIN_SYNDICATION = 1;
export const ORIGIN_PARTNER = 2;
export const ORIGIN_TRADE_SHOW = 3;
export const ORIGIN_EVENT = 4;

export function isOfflineOrigin(origin: number): boolean {
  return origin === ORIGIN_TRADE_SHOW || origin === ORIGIN_EVENT;
}

/** Marketing channels; the first eleven also appear on web events. */
export const CHANNELS = [
  'Google',
  'Bing',
  'Facebook',
  'LinkedIn',
  'Twitter',
  'YouTube',
  'Email',
  'Direct',
  'Organic',
  'Referral',
  'Partner',
  'Syndication',
  'Offline',
] as const;
export const CH_GOOGLE = 0;
export const CH_BING = 1;
export const CH_FACEBOOK = 2;
export const CH_LINKEDIN = 3;
export const CH_TWITTER = 4;
export const CH_YOUTUBE = 5;
export const CH_EMAIL = 6;
export const CH_DIRECT = 7;
export const CH_ORGANIC = 8;
export const CH_REFERRAL = 9;
export const CH_PARTNER = 10;
export const CH_SYNDICATION = 11;
export const CH_OFFLINE = 12;
/** Code for "the CRM does not know the first touch". */
export const CH_UNKNOWN = -1;

export const INDUSTRIES = [
  'Financial Services',
  'Insurance',
  'Manufacturing',
  'Retail',
  'Healthcare',
  'Pharma & Life Sciences',
  'Telecommunications',
  'Software & IT',
  'Government',
  'Education',
  'Consulting',
  'Energy & Utilities',
  'Automotive',
  'Transportation & Logistics',
  'Media',
] as const;
export const IND_GOVERNMENT = 8;
export const IND_EDUCATION = 9;
export const IND_CONSULTING = 10;

export const SENIORITIES = [
  'Executive',
  'VP',
  'Director',
  'Head',
  'Manager',
  'Lead',
  'Individual contributor',
  'Consultant',
  'Student',
  'Unknown',
] as const;
export const SEN_EXECUTIVE = 0;
export const SEN_LEAD = 5;
export const SEN_IC = 6;
export const SEN_CONSULTANT = 7;
export const SEN_STUDENT = 8;
export const SEN_UNKNOWN = 9;

export const DEPARTMENTS = [
  'QA & Testing',
  'Engineering',
  'IT',
  'DevOps',
  'SAP & ERP',
  'Salesforce & CRM',
  'General management',
  'Procurement',
  'Marketing & Sales',
  'HR',
  'Academic',
  'Unknown',
] as const;

/** Product themes of the vendor's content; a lead's interest leans to one of them. */
export const THEMES = ['automation', 'devops', 'cloud', 'sap', 'salesforce', 'api', 'performance', 'mobile'] as const;
export const NO_THEME = -1;

export const TIMEFRAMES = ['0-3 months', '3-6 months', '6-12 months', 'No plan'] as const;
export const BUDGETS = ['< $10k', '$10k-$50k', '$50k-$100k', '> $100k', 'Not sure'] as const;
/** Use cases, one per theme in THEMES order, then "Other". */
export const USE_CASES = [
  'Test automation',
  'DevOps / CI',
  'Cloud migration testing',
  'SAP testing',
  'Salesforce testing',
  'API testing',
  'Performance testing',
  'Mobile testing',
  'Other',
] as const;
export const USE_CASE_OTHER = 8;

export const EVENT_TYPES = ['page_view', 'form_fill', 'download', 'webinar', 'demo_request', 'video', 'chat'] as const;
export const EV_PAGE_VIEW = 0;
export const EV_FORM_FILL = 1;
export const EV_DOWNLOAD = 2;
export const EV_WEBINAR = 3;
export const EV_DEMO_REQUEST = 4;
export const EV_VIDEO = 5;
export const EV_CHAT = 6;

export const FUNNEL_STAGES = ['Awareness', 'Interest', 'Decision', 'Action'] as const;

/** Code used for "not answered / not known" in any categorical field. */
export const MISSING = -1;
