import type { Rng } from '../../../core/rng.js';

/**
 * How often a typed value deviates from its clean spelling. Each rate is the chance of
 * one independent defect; defects combine ("head of testing " is lower case + trailing space).
 */
export interface MessRates {
  lower: number;
  upper: number;
  trailingSpace: number;
  leadingSpace: number;
}

export const FORM_TYPING: MessRates = { lower: 0.08, upper: 0.02, trailingSpace: 0.06, leadingSpace: 0.015 };
export const CRM_TYPING: MessRates = { lower: 0.04, upper: 0.01, trailingSpace: 0.03, leadingSpace: 0.005 };
export const CHANNEL_TYPING: MessRates = { lower: 0.09, upper: 0.04, trailingSpace: 0.06, leadingSpace: 0.02 };

/** Renders a clean value the way people and integrations type it. */
export function messUp(value: string, rng: Rng, rates: MessRates): string {
  if (value === '') return value;
  let out = value;
  const r = rng.next();
  if (r < rates.lower) out = out.toLowerCase();
  else if (r < rates.lower + rates.upper) out = out.toUpperCase();
  const s = rng.next();
  if (s < rates.trailingSpace) out = out + ' ';
  else if (s < rates.trailingSpace + rates.leadingSpace) out = ' ' + out;
  return out;
}

/** A missing value as it appears in exports: mostly blank, sometimes one of the placeholders. */
export function missingToken(rng: Rng, placeholders: readonly string[], placeholderShare: number): string {
  if (placeholders.length === 0 || !rng.bernoulli(placeholderShare)) return '';
  return rng.pick(placeholders);
}

/** Replaces each '#' in a template by a random digit. */
export function fillDigits(template: string, rng: Rng): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    out += c === '#' ? String.fromCharCode(48 + rng.int(10)) : c;
  }
  return out;
}

/** Lower-case ASCII letters and digits only: for e-mail local parts and domains. */
export function toAsciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
