import type { RuleSet } from './rule-set.js';

/**
 * The points rules a marketing team would write for the built-in B2B funnel: seniority and
 * role, a stated buying time frame and budget, high-intent pages and actions, engagement,
 * and penalties for students, free-mail addresses and empty forms.
 */
export const BUILTIN_RULES: RuleSet = {
  name: 'builtin default',
  rules: [
    { name: 'Job title: Director', points: 10, when: { field: 'job_title', op: 'contains', value: 'director' } },
    { name: 'Job title: Head of', points: 12, when: { field: 'job_title', op: 'contains', value: 'head' } },
    { name: 'Job title: VP', points: 12, when: { field: 'job_title', op: 'contains', value: 'vp' } },
    { name: 'Job title: Manager', points: 6, when: { field: 'job_title', op: 'contains', value: 'manager' } },
    { name: 'Job title: QA / Test', points: 5, when: { field: 'job_title', op: 'contains', value: 'test' } },
    { name: 'Job title: Student', points: -15, when: { field: 'job_title', op: 'contains', value: 'student' } },
    { name: 'Buying within 3 months', points: 15, when: { field: 'timeframe', op: 'equals', value: '0-3 months' } },
    { name: 'Buying in 3-6 months', points: 8, when: { field: 'timeframe', op: 'equals', value: '3-6 months' } },
    { name: 'Time frame missing', points: -10, when: { field: 'timeframe', op: 'missing' } },
    { name: 'Budget over $50k', points: 8, when: { field: 'budget', op: 'in', value: ['$50k-$100k', '> $100k'] } },
    { name: 'Company over 1,000 employees', points: 5, when: { field: 'employees', op: 'gte', value: 1000 } },
    { name: 'Visited pricing', points: 5, when: { events: { pageType: 'pricing' } } },
    { name: 'Requested a demo', points: 20, when: { events: { type: 'demo_request' } } },
    { name: 'Visited a demo page', points: 8, when: { events: { pageType: 'demo' } } },
    { name: 'Visited contact', points: 6, when: { events: { pageType: 'contact' } } },
    { name: 'Downloaded content', points: 3, when: { events: { type: 'download' } } },
    { name: 'Attended a webinar', points: 5, when: { events: { type: 'webinar' } } },
    { name: 'Five or more page views', points: 4, when: { events: { type: 'page_view', min: 5 } } },
    { name: 'Clicked an e-mail', points: 4, when: { field: 'email_clicks', op: 'gte', value: 1 } },
    { name: 'Trade show or event lead', points: 3, when: { field: 'lead_origin', op: 'in', value: ['trade show', 'event'] } },
    { name: 'Free-mail address', points: -5, when: { field: 'email', op: 'contains', value: '@gmail.' } },
  ],
};

/** The points rules of a course seller like X Education, from the fields its web form collects. */
export const X_EDUCATION_RULES: RuleSet = {
  name: 'x-education default',
  rules: [
    {
      name: 'Working professional',
      points: 20,
      when: { field: 'What is your current occupation', op: 'equals', value: 'Working Professional' },
    },
    { name: 'Unemployed', points: 3, when: { field: 'What is your current occupation', op: 'equals', value: 'Unemployed' } },
    { name: 'Student', points: -5, when: { field: 'What is your current occupation', op: 'equals', value: 'Student' } },
    { name: 'Occupation missing', points: -10, when: { field: 'What is your current occupation', op: 'missing' } },
    {
      name: 'Wants better career prospects',
      points: 5,
      when: { field: 'What matters most to you in choosing a course', op: 'equals', value: 'Better Career Prospects' },
    },
    { name: 'Came through a reference', points: 15, when: { field: 'Lead Source', op: 'equals', value: 'Reference' } },
    { name: 'Lead Add Form', points: 15, when: { field: 'Lead Origin', op: 'equals', value: 'Lead Add Form' } },
    { name: 'Olark chat lead', points: -3, when: { field: 'Lead Source', op: 'equals', value: 'Olark Chat' } },
    { name: 'Over 10 minutes on the website', points: 10, when: { field: 'Total Time Spent on Website', op: 'gte', value: 600 } },
    { name: 'Over 3 visits', points: 4, when: { field: 'TotalVisits', op: 'gt', value: 3 } },
    { name: 'Does not want e-mail', points: -8, when: { field: 'Do Not Email', op: 'equals', value: 'Yes' } },
    { name: 'Potential lead profile', points: 10, when: { field: 'Lead Profile', op: 'equals', value: 'Potential Lead' } },
  ],
};

/** The default rule set of a preset (builtin, x-education), or null. */
export function defaultRules(preset: string): RuleSet | null {
  if (preset === 'builtin') return BUILTIN_RULES;
  if (preset === 'x-education') return X_EDUCATION_RULES;
  return null;
}
