import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError } from '../core/errors.js';
import { Matrix } from '../core/matrix.js';
import type { FeatureSpec } from './feature-spec.js';

/** One part (train or test) of a prepared data set. */
export interface PreparedPart {
  matrix: Matrix;
  labels: Int8Array;
  ids: string[];
}

export interface PreparedData {
  spec: FeatureSpec;
  train: PreparedPart;
  test: PreparedPart | null;
  /** How the rows were split, for the manifest. */
  split: Record<string, unknown>;
}

export type PreparedFormat = 'binary' | 'csv';

/** Name and version of the prepared-data layout (manifest.json). */
export const PREPARED_FORMAT = 'leadstack-prepared';
export const PREPARED_VERSION = 1;

/**
 * Writes a prepared data set into `dir`: feature-spec.json, features.json (names and
 * groups), taxonomy.json (when there are events, to edit), manifest.json, and per part the matrix — `<part>.X.f64` (little-endian float64,
 * row-major) with `<part>.y.i8` labels, or `<part>.csv` with a header — and `<part>.ids.txt`.
 * Everything is written to a temporary folder that replaces `dir` only when complete.
 */
export function writePreparedData(dir: string, data: PreparedData, format: PreparedFormat = 'binary'): string[] {
  const target = resolve(dir);
  const temp = `${target}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    const files: Record<string, unknown> = {};
    writeFileSync(join(temp, 'feature-spec.json'), `${JSON.stringify(data.spec, null, 1)}\n`);
    writeFileSync(join(temp, 'features.json'), `${JSON.stringify(data.spec.features, null, 1)}\n`);
    // The taxonomy on its own, to edit and pass back with --taxonomy.
    if (data.spec.events) writeFileSync(join(temp, 'taxonomy.json'), `${JSON.stringify(data.spec.events.taxonomy, null, 2)}\n`);
    const parts: [string, PreparedPart | null][] = [
      ['train', data.train],
      ['test', data.test],
    ];
    for (const [name, part] of parts) {
      if (!part) continue;
      files[name] = writePart(temp, name, part, data.spec.features.names, format);
    }
    const manifest = {
      format: PREPARED_FORMAT,
      version: PREPARED_VERSION,
      dataset: data.spec.dataset.name,
      layout: format === 'binary' ? { dtype: 'float64', byteOrder: 'little', order: 'row-major', labels: 'int8' } : { csv: true },
      columns: data.spec.features.names.length,
      split: data.split,
      files,
    };
    writeFileSync(join(temp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw new DataError(`cannot write the prepared data: ${(error as Error).message}`, { file: target });
  }
  return ['feature-spec.json', 'features.json', 'manifest.json'].map((f) => join(target, f));
}

function writePart(
  dir: string,
  name: string,
  part: PreparedPart,
  names: readonly string[],
  format: PreparedFormat,
): Record<string, unknown> {
  const ids = `${name}.ids.txt`;
  writeFileSync(join(dir, ids), part.ids.length ? `${part.ids.join('\n')}\n` : '');
  if (format === 'csv') {
    const file = `${name}.csv`;
    const header = [...names, '__label'].map(csvField).join(',');
    const lines = [header];
    const { rows, cols, data } = part.matrix;
    for (let i = 0; i < rows; i++) {
      const cells: string[] = [];
      for (let j = 0; j < cols; j++) cells.push(String(data[i * cols + j]));
      cells.push(String(part.labels[i]));
      lines.push(cells.join(','));
    }
    writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
    return { rows, csv: file, ids };
  }
  const X = `${name}.X.f64`;
  const y = `${name}.y.i8`;
  const { data } = part.matrix;
  writeFileSync(join(dir, X), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  writeFileSync(join(dir, y), new Uint8Array(part.labels.buffer, part.labels.byteOffset, part.labels.byteLength));
  return { rows: part.matrix.rows, X, y, ids };
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Reads a part of a binary prepared data set back (for benchmarks and experiments). */
export function readPreparedPart(dir: string, name: 'train' | 'test'): PreparedPart & { names: string[] } {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new DataError('not a prepared data folder (no manifest.json); create it with `leadstack prepare`', { file: dir });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.format !== PREPARED_FORMAT || manifest.version !== PREPARED_VERSION)
    throw new DataError('unsupported prepared-data format', { file: manifestPath });
  const part = manifest.files[name];
  if (!part?.X) throw new DataError(`no binary "${name}" part in this prepared data`, { file: manifestPath });
  const names = (JSON.parse(readFileSync(join(dir, 'features.json'), 'utf8')) as { names: string[] }).names;
  const bytes = readFileSync(join(dir, part.X));
  const data = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(data.buffer).set(bytes);
  const labelBytes = readFileSync(join(dir, part.y));
  const ids = readFileSync(join(dir, part.ids), 'utf8').split('\n').slice(0, part.rows);
  return {
    matrix: new Matrix(part.rows, names.length, data, names),
    labels: Int8Array.from(labelBytes, (b) => (b << 24) >> 24),
    ids,
    names,
  };
}
