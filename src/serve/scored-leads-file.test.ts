import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DataError } from '../core/errors.js';
import { readScoredLeads, ScoredLeadsFile } from './scored-leads-file.js';

const dir = mkdtempSync(join(tmpdir(), 'leadstack-scored-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a scored CSV keeps id, score, decision, reasons, segments and stage — and drops every other column', () => {
  const path = join(dir, 'scored.csv');
  writeFileSync(
    path,
    [
      'id,score,probability,percentile,grade,route,top_reasons,email,first_name,industry,predicted_stage',
      'L1,12,0.12,90.0,A,sales,Demo request: +8 points | Employees: 20 (−1 point),ann@example.com,Ann,Retail,SQL',
      'L2,3,0.03,40.0,C,nurture,,bob@example.com,Bob,,MQL',
      'L3,,,,,,,cy@example.com,Cy,Retail,MQL',
    ].join('\n'),
  );
  const scored = readScoredLeads(path);
  assert.deepEqual(scored.segmentFields, ['industry']);
  assert.equal(scored.stageField, 'predicted_stage');
  assert.equal(scored.skipped, 1);
  assert.deepEqual(scored.leads[0], {
    id: 'L1',
    score: 12,
    probability: 0.12,
    grade: 'A',
    route: 'sales',
    reasons: ['Demo request: +8 points', 'Employees: 20 (−1 point)'],
    segments: { industry: 'Retail' },
    stage: 'SQL',
    scoredAt: null,
  });
  assert.deepEqual(scored.leads[1].segments, {});
  assert.ok(!JSON.stringify(scored).includes('example.com'));
  assert.ok(!JSON.stringify(scored).includes('Ann'));
});

test('JSON lines of ScoreResults are read too, best-scored first', () => {
  const path = join(dir, 'scored.jsonl');
  const result = (id: string, probability: number) =>
    JSON.stringify({
      id,
      probability,
      score: Math.round(probability * 100),
      grade: 'B',
      route: 'nurture',
      reasons: { positive: [], negative: [], text: ['Visited pricing: +2 points'] },
      email: `${id}@example.com`,
      job_title: 'CTO',
    });
  writeFileSync(path, `${result('a', 0.02)}\n${result('b', 0.2)}\n`);
  const scored = readScoredLeads(path, { segmentField: 'job_title' });
  assert.deepEqual(
    scored.leads.map((l) => l.id),
    ['b', 'a'],
  );
  assert.deepEqual(scored.leads[0].reasons, ['Visited pricing: +2 points']);
  assert.deepEqual(scored.leads[0].segments, { job_title: 'CTO' });
  assert.ok(!JSON.stringify(scored).includes('example.com'));
});

test('a file without scores is refused; a changed file is read again', () => {
  const bad = join(dir, 'plain.csv');
  writeFileSync(bad, 'lead_id,email\nL1,a@example.com\n');
  assert.throws(() => readScoredLeads(bad), DataError);
  const path = join(dir, 'changing.csv');
  writeFileSync(path, 'id,probability\nL1,0.5\n');
  const file = new ScoredLeadsFile(path);
  assert.equal(file.read().leads.length, 1);
  writeFileSync(path, 'id,probability\nL1,0.5\nL2,0.25\n');
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
  assert.equal(file.read().leads.length, 2);
});
