import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestName, editDistance } from './closest-name.js';

test('closestName suggests the column a typo was meant to be', () => {
  const columns = ['Prospect ID', 'Lead Source', 'Lead Origin', 'Converted', 'TotalVisits'];
  assert.equal(closestName('Lead Sorce', columns), 'Lead Source');
  assert.equal(closestName('lead_source', columns), 'Lead Source');
  assert.equal(closestName('convreted', columns), 'Converted');
  assert.equal(closestName('Total Visits', columns), 'TotalVisits');
  assert.equal(closestName('budget', columns), undefined);
});

test('editDistance counts insertions, deletions, substitutions and adjacent swaps', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('ab', 'ba'), 1);
  assert.equal(editDistance('', 'abc'), 3);
});
