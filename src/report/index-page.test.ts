import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { mergeWithEarlierRuns, type NotebookResult, writeIndexPage } from './index-page.js';

const root = mkdtempSync(join(tmpdir(), 'leadstack-index-'));
after(() => rmSync(root, { recursive: true, force: true }));

const result = (notebook: string, ok = true): NotebookResult => ({
  notebook: `${notebook}.ipynb`,
  title: notebook,
  html: `${notebook}.html`,
  seconds: 1,
  ok,
});

test('a run over some notebooks keeps the others in the index while their reports exist', () => {
  const reports = join(root, 'reports');
  const order = ['1.0-a.ipynb', '2.0-b.ipynb', '3.0-c.ipynb'];
  freshDir(reports);
  for (const n of ['1.0-a', '2.0-b', '3.0-c']) writeFileSync(join(reports, `${n}.html`), '<html></html>');
  const full = mergeWithEarlierRuns(reports, order, [result('1.0-a'), result('2.0-b'), result('3.0-c')]);
  assert.equal(full.length, 3);
  assert.ok(full.every((r) => typeof r.renderedAt === 'string'));
  // Re-render only 2.0: 1.0 and 3.0 come from the earlier run, with their time.
  const partial = mergeWithEarlierRuns(reports, order, [{ ...result('2.0-b'), seconds: 9 }]);
  assert.deepEqual(
    partial.map((r) => [r.notebook, r.seconds]),
    [
      ['1.0-a.ipynb', 1],
      ['2.0-b.ipynb', 9],
      ['3.0-c.ipynb', 1],
    ],
  );
  assert.equal(partial[0].renderedAt, full[0].renderedAt);
  // A report deleted since, or a notebook no longer in the folder, drops out.
  rmSync(join(reports, '3.0-c.html'));
  const later = mergeWithEarlierRuns(reports, order.slice(0, 2).concat('4.0-d.ipynb'), [result('2.0-b')]);
  assert.deepEqual(
    later.map((r) => r.notebook),
    ['1.0-a.ipynb', '2.0-b.ipynb'],
  );
  writeIndexPage(reports, root, later);
  const html = readFileSync(join(reports, 'index.html'), 'utf8');
  assert.match(html, /href="1\.0-a\.html"/);
  assert.match(html, /rendered \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  // An unreadable record is ignored rather than fatal.
  writeFileSync(join(reports, 'index.json'), '{not json');
  assert.deepEqual(
    mergeWithEarlierRuns(reports, order, [result('1.0-a', false)]).map((r) => r.ok),
    [false],
  );
});

function freshDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
