import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeBuiltinDataset } from '../data/datasets/builtin/index.js';
import { checkPageCharts, hasChromium } from '../test-support/chromium-check.js';
import { listNotebooks, NotebookError, runNotebooks } from './run-notebooks.js';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const kernels = spawnSync('jupyter', ['kernelspec', 'list'], {
  encoding: 'utf8',
  env: { ...process.env, PATH: `${process.env.PATH}:/usr/bin` },
});
const skip =
  !existsSync('/usr/bin/python3') || !/\btslab\b/.test(kernels.stdout ?? '') || !existsSync(join(projectRoot, 'dist', 'index.js'))
    ? 'needs Jupyter with the tslab kernel and a built library: run npm run setup'
    : !hasChromium()
      ? 'needs Chromium: run npm run setup'
      : false;

/** A scratch project: the real notebooks and dependencies, a small generated data set, empty reports/ and figures/. */
function scratchRoot(notebooks: string): string {
  const root = mkdtempSync(join(tmpdir(), 'leadstack-report-'));
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(notebooks, join(root, 'notebooks'));
  return root;
}

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

test('every notebook renders on a small sample of the built-in data, with charts that draw offline', {
  skip,
  timeout: 900_000,
}, async () => {
  const root = scratchRoot(join(projectRoot, 'notebooks'));
  roots.push(root);
  await writeBuiltinDataset(join(root, 'data', 'raw', 'builtin'), { leads: 4000, seed: 3, positiveRate: 0.05 });
  const seen: string[] = [];
  const results = await runNotebooks({
    root,
    env: { LEADSTACK_DATASET: 'builtin', LEADSTACK_SAMPLE: '3000' },
    onEvent: (e) => {
      if (e.type === 'notebook-done') seen.push(e.notebook);
    },
  });
  const expected = listNotebooks(join(projectRoot, 'notebooks'));
  assert.ok(expected.includes('1.0-data-understanding.ipynb'));
  assert.deepEqual(seen, expected);
  assert.ok(results.every((r) => r.ok));
  const index = readFileSync(join(root, 'reports', 'index.html'), 'utf8');
  for (const nb of expected) {
    const stem = nb.replace(/\.ipynb$/, '');
    assert.ok(index.includes(`${stem}.html`), `index links ${stem}`);
    const page = await checkPageCharts(join(root, 'reports', `${stem}.html`));
    assert.ok(page.charts > 0, `${stem} has charts`);
    assert.equal(page.renderedCharts, page.charts, `every chart of ${stem} rendered`);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.failedRequests, [], 'the report loads nothing from outside');
  }
  const pngs = readdirSync(join(root, 'figures')).filter((f) => f.endsWith('.png'));
  assert.ok(pngs.some((f) => f.startsWith('1.0-')));
  const png = readFileSync(join(root, 'figures', pngs[0]));
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a real PNG');
});

test('a failing cell stops the run with the notebook, the cell number and the error message', {
  skip,
  timeout: 300_000,
}, async () => {
  const notebooks = mkdtempSync(join(tmpdir(), 'leadstack-nb-'));
  const root = scratchRoot(notebooks);
  roots.push(root, notebooks);
  const cell = (source: string) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });
  const nb = {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: '# Broken on purpose' },
      cell('const x = 1;'),
      cell("throw new RangeError('the capacity must be positive');"),
      cell('const never = 3;'),
    ],
    metadata: { kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  mkdirSync(notebooks, { recursive: true });
  writeFileSync(join(notebooks, '9.0-broken.ipynb'), JSON.stringify(nb));
  await assert.rejects(runNotebooks({ root }), (error: unknown) => {
    assert.ok(error instanceof NotebookError);
    assert.match(error.message, /^9\.0-broken\.ipynb, cell 2: RangeError: the capacity must be positive/);
    return true;
  });
  const index = readFileSync(join(root, 'reports', 'index.html'), 'utf8');
  assert.match(index, /9\.0-broken/);
});
