import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Matrix } from '../core/matrix.js';
import { fromJSON } from '../core/serialization.js';
import { Standardizer } from './standardize.js';

test('Standardizer centres and scales each column on the training rows and keeps constant columns', () => {
  const X = Matrix.fromRows(
    [
      [1, 10, 5],
      [2, 20, 5],
      [3, 30, 5],
    ],
    ['a', 'b', 'c'],
  );
  const s = new Standardizer().fit(X);
  const Z = s.transform(X);
  assert.deepEqual([...s.mean], [2, 20, 5]);
  assert.deepEqual(s.scale[2], 1);
  for (let j = 0; j < 2; j++) {
    const col = Z.column(j);
    assert.ok(Math.abs(col.reduce((a, b) => a + b, 0)) < 1e-12);
    assert.ok(Math.abs(col.reduce((a, b) => a + b * b, 0) / 3 - 1) < 1e-12);
  }
  assert.deepEqual(s.featureNamesOut(), ['a', 'b', 'c']);
  const restored = fromJSON<Standardizer>(JSON.parse(JSON.stringify(s.toJSON())));
  assert.deepEqual(restored.transform(X).data, Z.data);
  assert.deepEqual(X.get(0, 0), 1, 'input not mutated');
});
