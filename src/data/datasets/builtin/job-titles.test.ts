import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../../core/rng.js';
import { JOB_TITLES, renderJobTitle } from './job-titles.js';
import { DEPARTMENTS, SENIORITIES } from './taxonomy.js';

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

test('each normalised job title means exactly one seniority and department', () => {
  const meaning = new Map<string, string>();
  for (const title of JOB_TITLES) {
    assert.ok(title.seniority < SENIORITIES.length && title.department < DEPARTMENTS.length, title.text);
    const key = normalise(title.text);
    const value = `${title.seniority}/${title.department}`;
    assert.equal(meaning.get(key) ?? value, value, `"${title.text}" is ambiguous`);
    meaning.set(key, value);
  }
});

test('rendered titles are messy (case, stray spaces) but normalise back to the vocabulary', () => {
  const rng = new Rng(9);
  const index = JOB_TITLES.findIndex((t) => t.text === 'Head of Testing');
  const spellings = new Set(Array.from({ length: 600 }, () => renderJobTitle(rng, index)));
  assert.ok(spellings.has('Head of Testing') && spellings.has('head of testing'), [...spellings].join('|'));
  assert.ok([...spellings].some((s) => s.endsWith(' ')));
  for (const s of spellings) assert.equal(normalise(s), 'head of testing');
});
