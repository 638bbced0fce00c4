import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BooleanEncoder, fitBooleanEncoding, parseBooleanLike } from './boolean-like.js';
import { EmailDomainEncoder, emailDomain } from './email-domain.js';
import { countLevels } from './level-counts.js';
import { FieldGroupEncoder, fitNumericEncoding, NumericEncoder } from './missingness.js';
import { detectListSeparator, fitMultiValueEncoding, MultiValueEncoder } from './multi-value.js';
import { cleanNumber, cleanText, placeholderSet } from './normalize-value.js';
import { fitOneHotEncoding, OneHotEncoder } from './one-hot.js';
import { encodeBlock, leadInput } from './test-support/lead-input.js';

const ph = placeholderSet(['', 'Select', 'N/A']);

test('values are cleaned the same way whether raw or already loaded', () => {
  for (const raw of ['  Google ', 'google', 'GOOGLE']) assert.equal(cleanText(raw, true, ph), 'google');
  assert.equal(cleanText(' Google ', false, ph), 'Google');
  assert.equal(cleanText(' select ', false, ph), null);
  assert.equal(cleanText(3, false, ph), '3');
  assert.equal(cleanNumber(' 42 ', ph), 42);
  assert.equal(cleanNumber(42, ph), 42);
  assert.equal(cleanNumber('N/A', ph), null);
  assert.ok(Number.isNaN(cleanNumber('lots', ph) as number));
});

test('boolean-like values of any casing become 1 / 0, with a missing indicator', () => {
  for (const v of ['Yes', ' yes', 'TRUE', 'y', 'T', '1', 1, true]) assert.equal(parseBooleanLike(v), 1, String(v));
  for (const v of ['No', 'false', 'N', 'f', '0', 0, false]) assert.equal(parseBooleanLike(v), 0, String(v));
  assert.equal(parseBooleanLike(null), null);
  assert.ok(Number.isNaN(parseBooleanLike('maybe') as number));
  const spec = fitBooleanEncoding('opt_in', ['Yes', 'no', 'Select'], ph);
  assert.equal(spec.indicator, true);
  const enc = new BooleanEncoder(spec, ph);
  assert.deepEqual(encodeBlock(enc, leadInput({ opt_in: 'YES' })), { opt_in: 1, opt_in__missing: 0 });
  assert.deepEqual(encodeBlock(enc, leadInput({ opt_in: 'Select' })), { opt_in: 0, opt_in__missing: 1 });
});

test('a missing number becomes the fill value plus an indicator; the median fill uses present values only', () => {
  const spec = fitNumericEncoding('employees', [10, null, 30, Number.NaN, 20], { constant: -1 });
  assert.deepEqual(spec, { type: 'numeric', column: 'employees', fill: -1, indicator: true });
  assert.equal(fitNumericEncoding('x', [10, null, 30, 20], 'median').fill, 20);
  assert.equal(fitNumericEncoding('x', [10, 30], 'median').indicator, false);
  const enc = new NumericEncoder(spec, ph);
  assert.deepEqual(encodeBlock(enc, leadInput({ employees: '250' })), { employees: 250, employees__missing: 0 });
  assert.deepEqual(encodeBlock(enc, leadInput({ employees: 'N/A' })), { employees: -1, employees__missing: 1 });
  assert.deepEqual(encodeBlock(enc, leadInput({})), { employees: -1, employees__missing: 1 });
});

test('form-fill missing share and enrichment coverage count blanks and placeholders', () => {
  const form = new FieldGroupEncoder({ name: 'form.missingShare', fields: ['a', 'b', 'c', 'd'] }, ph);
  assert.deepEqual(encodeBlock(form, leadInput({ a: 'x', b: 'Select', c: null, d: 3 })), { 'form.missingShare': 0.5 });
  const enrichment = new FieldGroupEncoder({ name: 'enrichment.coverage', fields: ['e', 'f'] }, ph);
  assert.deepEqual(encodeBlock(enrichment, leadInput({ e: 5, f: '' })), { 'enrichment.coverage': 0.5 });
});

test('one-hot keeps frequent levels, caps their number, and routes rare, unseen and missing values', () => {
  const values = [...Array(50).fill('web'), ...Array(30).fill('event'), ...Array(15).fill('partner'), 'fax', 'telex', null, null];
  const spec = fitOneHotEncoding('origin', false, countLevels(values), 10, 2);
  assert.deepEqual(spec.levels, ['web', 'event']);
  const enc = new OneHotEncoder(spec, ph);
  assert.deepEqual(enc.names, ['origin=web', 'origin=event', 'origin=__missing__', 'origin=__other__']);
  const row = (v: unknown) => Object.values(encodeBlock(enc, leadInput({ origin: v })));
  assert.deepEqual(row('web'), [1, 0, 0, 0]);
  assert.deepEqual(row(' event '), [0, 1, 0, 0]);
  assert.deepEqual(row('partner'), [0, 0, 0, 1], 'capped level → other');
  assert.deepEqual(row('carrier pigeon'), [0, 0, 0, 1], 'unseen → other');
  assert.deepEqual(row('N/A'), [0, 0, 1, 0]);
  const noMissing = new OneHotEncoder(fitOneHotEncoding('o', false, countLevels(['a', 'a']), 1, 5), ph);
  assert.deepEqual(
    Object.values(encodeBlock(noMissing, leadInput({ o: null }))),
    [0, 1],
    'missing never seen in training → other',
  );
});

test('list-valued columns are detected and become one column per common item, a count and a missing flag', () => {
  const values = Array.from({ length: 60 }, (_, i) =>
    i % 10 === 0 ? null : ['Jira;AWS', 'aws; GitLab', 'SAP', 'Jira;SAP;Azure'][i % 4],
  );
  const tools = ['Jira', 'AWS', 'SAP', 'Azure', 'GitLab', 'Oracle', 'Jenkins', 'GCP'];
  const stacks = Array.from({ length: 80 }, (_, i) => tools.filter((_, k) => (i >> k) & 1).join(';') || 'Jira');
  assert.equal(detectListSeparator(stacks), ';');
  assert.equal(detectListSeparator(Array.from({ length: 40 }, (_, i) => `Company ${i}`)), null);
  const spec = fitMultiValueEncoding('stack', false, ';', values, 5, 3);
  assert.deepEqual(spec.tokens, ['aws', 'jira', 'sap'], 'most common first, ties alphabetical');
  const enc = new MultiValueEncoder(spec, ph);
  assert.deepEqual(encodeBlock(enc, leadInput({ stack: 'AWS; jira;Oracle' })), {
    'stack.has=jira': 1,
    'stack.has=aws': 1,
    'stack.has=sap': 0,
    'stack.count': 3,
    stack__missing: 0,
  });
  assert.equal(encodeBlock(enc, leadInput({ stack: '' })).stack__missing, 1);
});

test('an e-mail column only says free-mail or business domain, never the address', () => {
  assert.equal(emailDomain(' Ana.Silva@Gmail.com '), 'gmail.com');
  assert.equal(emailDomain('not an email'), null);
  const enc = new EmailDomainEncoder({ type: 'emailDomain', column: 'email' });
  assert.deepEqual(Object.values(encodeBlock(enc, leadInput({ email: 'ana@gmail.com' }))), [1, 0, 0]);
  assert.deepEqual(Object.values(encodeBlock(enc, leadInput({ email: 'ana@acme-tools.io' }))), [0, 1, 0]);
  assert.deepEqual(Object.values(encodeBlock(enc, leadInput({ email: '' }))), [0, 0, 1]);
});
