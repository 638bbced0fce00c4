import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIdentifierName, nameWords } from './identifier-names.js';

test('isIdentifierName recognizes ids, codes and contact numbers by name', () => {
  for (const name of [
    'lead_id',
    'Prospect ID',
    'LeadID',
    'Lead Number',
    'phone',
    'Phone No',
    'zip',
    'Postal Code',
    'customerKey',
    'uuid',
  ]) {
    assert.ok(isIdentifierName(name), name);
  }
  for (const name of ['Number of employees', 'TotalVisits', 'paid', 'annual_revenue', 'Converted', 'code', 'Number']) {
    assert.ok(!isIdentifierName(name), name);
  }
});

test('nameWords splits camel case, snake case and punctuation', () => {
  assert.deepEqual(nameWords('firstTouch_channel-URL'), ['first', 'touch', 'channel', 'url']);
  assert.deepEqual(nameWords('HTTPStatus'), ['http', 'status']);
});
