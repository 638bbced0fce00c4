import { availableParallelism } from 'node:os';
import { ConfigError } from '../../core/errors.js';
import { defaultThreads } from '../tree/worker-url.js';

/** Guards for params objects: each throws a ConfigError naming the estimator and the field. */
export function assertInteger(who: string, field: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new ConfigError(`${who}: ${field} must be an integer ${range}, got ${value}`);
  }
}

export function assertNumber(who: string, field: string, value: number, min: number, max: number, openMin = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (openMin && value === min)) {
    throw new ConfigError(`${who}: ${field} must be a number in ${openMin ? '(' : '['}${min}, ${max}], got ${value}`);
  }
}

export function assertNullableInteger(who: string, field: string, value: number | null, min: number): void {
  if (value !== null) assertInteger(who, field, value, min);
}

/** Threads to use: the param, or 2 (fewer on a one-core machine). */
export function resolveThreads(who: string, nThreads: number | null): number {
  if (nThreads === null) return defaultThreads(availableParallelism());
  assertInteger(who, 'nThreads', nThreads, 1, 256);
  return nThreads;
}
