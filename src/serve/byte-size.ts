import { InputError } from '../core/errors.js';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
};

/** Parses a size such as `1mb`, `512kb`, `1.5MB` or `1048576` (bytes; units are powers of 1024). */
export function parseByteSize(flag: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined)
    throw new InputError(`${flag} expects a size such as 1mb, 512kb or 1048576 (bytes), got "${text}"`);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1) throw new InputError(`${flag} must be at least 1 byte, got "${text}"`);
  return bytes;
}

/** A byte count as people read it (1048576 → "1 MiB"). */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
