/**
 * Named error classes. Every error a user can cause (bad file, bad config, bad
 * arguments to an estimator) is a `LeadstackError`: the CLI prints its message on
 * one line and exits with code 2. Anything else is a bug and keeps its stack trace.
 */

/** Where in the user's input a problem sits; each part is optional. */
export interface ErrorLocation {
  file?: string;
  /** 1-based line/row number as a user sees it in an editor (header = line 1). */
  row?: number;
  column?: string;
  field?: string;
}

export class LeadstackError extends Error {
  readonly location: ErrorLocation;
  constructor(message: string, location: ErrorLocation = {}) {
    super(withLocation(message, location));
    this.name = new.target.name;
    this.location = location;
  }
}

/** A data file could not be read or does not have the expected shape. */
export class DataError extends LeadstackError {}

/** A dataset config, rule set or other JSON the user wrote is invalid. */
export class ConfigError extends LeadstackError {}

/** Arguments to a function or estimator are invalid (shapes, labels, values). */
export class InputError extends LeadstackError {}

/** A fitted attribute was read before `fit` was called. */
export class NotFittedError extends LeadstackError {
  constructor(what: string) {
    super(`${what} is not fitted yet: call fit() first`);
  }
}

/** A serialized model, spec or artifact is malformed, tampered with or incompatible. */
export class SerializationError extends LeadstackError {}

/** Work was cancelled through an AbortSignal. */
export class AbortError extends LeadstackError {
  constructor(what = 'operation') {
    super(`${what} was aborted`);
  }
}

export function isLeadstackError(error: unknown): error is LeadstackError {
  return error instanceof LeadstackError;
}

function withLocation(message: string, location: ErrorLocation): string {
  const parts: string[] = [];
  if (location.file) parts.push(location.file);
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.column !== undefined) parts.push(`column "${location.column}"`);
  if (location.field !== undefined) parts.push(`field "${location.field}"`);
  return parts.length ? `${parts.join(', ')}: ${message}` : message;
}
