import type { ErrorLocation, LeadstackError } from '../core/errors.js';

type ErrorClass<E extends LeadstackError> = new (message: string, location?: ErrorLocation) => E;

/**
 * Builds a user error whose message names the line in words ("leads.csv: line 17 has
 * 12 fields …", the way editors and `grep -n` number lines) while `error.location`
 * still carries the file and the line for programmatic use. The core formatter would
 * print "row 17", which for a CSV with multi-line quoted fields is ambiguous between
 * data rows and physical lines. `message` must itself mention the line.
 */
export function errorAtLine<E extends LeadstackError>(
  ErrorType: ErrorClass<E>,
  file: string | undefined,
  line: number | undefined,
  message: string,
): E {
  const location: ErrorLocation = file ? { file } : {};
  const error = new ErrorType(message, location);
  if (line !== undefined) location.row = line;
  return error;
}
