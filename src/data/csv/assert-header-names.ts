import { DataError } from '../../core/errors.js';
import { errorAtLine } from '../error-at-line.js';

/**
 * Checks the header record and returns its names with surrounding whitespace removed.
 * Every column needs a non-empty name, and names must be unique (compared exactly,
 * after trimming), because later steps address columns by name.
 */
export function assertHeaderNames(fields: readonly string[], file: string | undefined, line: number): string[] {
  const names = fields.map((f) => f.trim());
  if (names.every((n) => n === '')) {
    throw errorAtLine(DataError, file, line, `line ${line}: the header is blank; expected column names`);
  }
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') {
      throw errorAtLine(
        DataError,
        file,
        line,
        `line ${line}: header column ${i + 1} has no name` +
          (i === names.length - 1 ? ' (a trailing delimiter at the end of the header?)' : '') +
          '; every column needs a unique name',
      );
    }
    const previous = seen.get(name);
    if (previous !== undefined) {
      throw errorAtLine(
        DataError,
        file,
        line,
        `line ${line}: header names column ${previous + 1} and column ${i + 1} both "${name}"; column names must be unique`,
      );
    }
    seen.set(name, i);
  });
  return names;
}
