import { InputError } from '../core/errors.js';

/** Parses a whole-number flag such as `--leads 75000` (underscores and commas allowed). */
export function parseIntegerFlag(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const cleaned = text.replace(/[_,]/g, '');
  const value = Number(cleaned);
  if (!/^-?\d+$/.test(cleaned) || !Number.isSafeInteger(value)) {
    throw new InputError(`${flag} expects a whole number, got "${text}"`);
  }
  if (value < min || value > max) throw new InputError(`${flag} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Parses a number flag such as `--positive-rate 0.01` (a percentage like 1% is accepted). */
export function parseNumberFlag(flag: string, text: string, min: number, max: number): number {
  const percent = text.trim().endsWith('%');
  const value = Number(percent ? text.trim().slice(0, -1) : text) / (percent ? 100 : 1);
  if (text.trim() === '' || !Number.isFinite(value)) throw new InputError(`${flag} expects a number, got "${text}"`);
  if (value < min || value > max) throw new InputError(`${flag} must be between ${min} and ${max}, got ${value}`);
  return value;
}
