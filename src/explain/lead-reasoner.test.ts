import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../core/rng.js';
import { LeadReasoner } from './lead-reasoner.js';
import { formatReason, leadReasons } from './lead-reasons.js';
import { referenceLeadReasons } from './test-support/reference-lead-reasons.js';

const names = [
  'employees',
  'employees__missing',
  'timeframe=0-3 months',
  'timeframe=__missing__',
  'timeframe=3-6 months',
  'industry=software',
  'industry=__other__',
  'job_title__target',
  'tech_stack.has=sap',
  'tech_stack.has=jira',
  'events.count',
  'events.pageType=pricing',
  'events.channel=email',
  'path.slot1.pageType=resource',
  'text.tfidf=api',
  'created.hour',
  'created.day=Mon',
  'form.missingShare',
];
const groups = [
  'employees',
  'employees',
  'timeframe',
  'timeframe',
  'timeframe',
  'industry',
  'industry',
  'job_title',
  'tech_stack',
  'tech_stack',
  'events',
  'events',
  'events',
  'path',
  'text',
  'time',
  'time',
  'form',
];

test('the compiled reasoner gives exactly the reasons of the reference implementation, lead after lead', () => {
  const rng = new Rng(3);
  const reasoner = new LeadReasoner(names, groups);
  const pick = <T>(values: readonly T[]): T => values[rng.int(values.length)];
  for (let lead = 0; lead < 3000; lead++) {
    // Zeros, ties and tiny values included.
    const contributions = Float64Array.from(names, () =>
      pick([0, 0, 0.5, -0.5, 1e-14, rng.uniform(-2, 2), rng.uniform(-0.01, 0.01), rng.uniform(-1, 1)]),
    );
    const values = Float64Array.from(names, () => pick([0, 1, 1, rng.uniform(0, 30)]));
    const raw =
      lead % 3 === 0
        ? undefined
        : {
            employees: pick(['250', '', ' N/A ', null, 1200]),
            timeframe: pick(['0-3 months', 'Select', '']),
            industry: pick(['Software', 'Retail']),
          };
    const options = {
      top: pick([1, 3, 5, undefined]),
      scoreGap: pick([0, 12.5, -7, rng.uniform(-40, 40)]),
      lead: raw,
      placeholders: lead % 2 ? new Set(['n/a', 'select']) : undefined,
    };
    const expected = referenceLeadReasons(contributions, { names, groups, values }, options);
    assert.deepEqual(reasoner.reasons(contributions, values, options), expected, `lead ${lead}`);
    assert.deepEqual(leadReasons(contributions, { names, groups, values }, options), expected);
  }
});

test('reasons read as plain words with their points', () => {
  const reasoner = new LeadReasoner(names, groups);
  const contributions = new Float64Array(names.length);
  contributions[2] = 0.8;
  contributions[11] = 0.4;
  contributions[0] = -0.3;
  const values = new Float64Array(names.length);
  values[2] = 1;
  values[11] = 1;
  values[0] = 250;
  const { positive, negative } = reasoner.reasons(contributions, values, { scoreGap: 9, lead: { employees: '250' } });
  assert.deepEqual(positive.map(formatReason), ['Timeframe is 0-3 months: +8 points', 'Visits to pricing pages: +4 points']);
  assert.deepEqual(negative.map(formatReason), ['Employees: 250 (−3 points)']);
});
