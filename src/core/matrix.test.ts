import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from './errors.js';
import { concatRows, Matrix } from './matrix.js';

test('Matrix.fromRows and fromColumns agree', () => {
  const a = Matrix.fromRows([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
  const b = Matrix.fromColumns([
    [1, 3, 5],
    [2, 4, 6],
  ]);
  assert.deepEqual(a.data, b.data);
  assert.equal(a.get(2, 1), 6);
  assert.deepEqual([...a.column(0)], [1, 3, 5]);
  assert.deepEqual([...a.row(1)], [3, 4]);
});

test('Matrix rejects data of the wrong length and ragged rows', () => {
  assert.throws(() => new Matrix(2, 2, new Float64Array(3)), InputError);
  assert.throws(() => Matrix.fromRows([[1, 2], [3]]), /row 1 has 1 values, expected 2/);
  assert.throws(() => new Matrix(1, 2, undefined, ['a']), /2 columns but 1 column names/);
});

test('selectRows and selectColumns copy in the given order and keep names', () => {
  const m = Matrix.fromRows(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    ['a', 'b', 'c'],
  );
  assert.deepEqual(m.selectRows([1, 0, 1]).toArrays(), [
    [4, 5, 6],
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const s = m.selectColumns([2, 0]);
  assert.deepEqual(s.toArrays(), [
    [3, 1],
    [6, 4],
  ]);
  assert.deepEqual(s.columns, ['c', 'a']);
});

test('concatRows stacks matrices and refuses different widths', () => {
  const m = concatRows([Matrix.fromRows([[1, 2]]), Matrix.fromRows([[3, 4]])]);
  assert.deepEqual(m.toArrays(), [
    [1, 2],
    [3, 4],
  ]);
  assert.throws(() => concatRows([Matrix.fromRows([[1, 2]]), Matrix.fromRows([[3]])]), /1-column matrix under a 2-column/);
});
