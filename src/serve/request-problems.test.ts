import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldPath, problemsFromSchemaErrors } from './request-problems.js';

test('fieldPath turns a JSON pointer into the body path a developer reads', () => {
  assert.equal(fieldPath(''), '');
  assert.equal(fieldPath('/employees'), 'employees');
  assert.equal(fieldPath('/leads/3/lead/annual_revenue'), 'leads[3].lead.annual_revenue');
  assert.equal(fieldPath('/events/0/time~1stamp'), 'events[0].time/stamp');
});

test('schema errors become one problem per field, without echoing values; branch errors are dropped', () => {
  const body = { lead: { employees: true, notes: 'secret text' }, events: [{}] };
  const problems = problemsFromSchemaErrors(
    [
      { instancePath: '/lead/employees', keyword: 'type', params: { type: ['number', 'string', 'null'] } },
      { instancePath: '/events/0', keyword: 'required', params: { missingProperty: 'timestamp' } },
      { instancePath: '/lead', keyword: 'additionalProperties', params: { additionalProperty: 'notes' } },
      { instancePath: '', keyword: 'if', params: { failingKeyword: 'then' } },
    ],
    body,
  );
  assert.deepEqual(problems, [
    { field: 'lead.employees', message: 'expected a number, text or null, got true or false' },
    { field: 'events[0].timestamp', message: 'is required' },
    { field: 'lead.notes', message: 'is not a field this model reads (this server rejects unknown fields)' },
  ]);
  assert.ok(!JSON.stringify(problems).includes('secret text'));
});
