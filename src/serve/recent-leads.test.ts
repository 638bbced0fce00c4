import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DashboardLead } from './dashboard-lead.js';
import { RecentLeads } from './recent-leads.js';

const lead = (id: string): DashboardLead => ({
  id,
  score: 1,
  probability: 0.01,
  grade: 'D',
  route: 'nurture',
  reasons: [],
  segments: {},
  stage: null,
  scoredAt: null,
});

test('the ring keeps the last N leads, newest first', () => {
  const ring = new RecentLeads(3);
  for (const id of ['a', 'b', 'c', 'd', 'e']) ring.push(lead(id));
  assert.equal(ring.length, 3);
  assert.deepEqual(
    ring.list().map((l) => l.id),
    ['e', 'd', 'c'],
  );
  const none = new RecentLeads(0);
  none.push(lead('a'));
  assert.deepEqual(none.list(), []);
});
