import type { BlockEncoder, LeadInput } from './encoder.js';
import type { EmailDomainEncoding } from './feature-spec.js';

/** Domains of free e-mail providers: a lead writing from one of them gives no company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.co.in',
  'yahoo.fr',
  'ymail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  't-online.de',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'qq.com',
  '163.com',
  '126.com',
  'rediffmail.com',
  'zoho.com',
  'mail.com',
  'fastmail.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
]);

/**
 * The explicit, privacy-preserving use of an e-mail column: only whether the address is at
 * a free-mail provider or a business domain (and whether it is missing). The address and
 * the domain themselves never reach the features or the spec.
 */
export class EmailDomainEncoder implements BlockEncoder {
  readonly names: string[];
  readonly group: string;

  constructor(private readonly spec: EmailDomainEncoding) {
    this.names = [`${spec.column}.freeMail`, `${spec.column}.businessDomain`, `${spec.column}__missing`];
    this.group = spec.column;
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    const domain = emailDomain(lead.get(this.spec.column));
    const free = domain !== null && FREE_MAIL_DOMAINS.has(domain);
    out[offset] = free ? 1 : 0;
    out[offset + 1] = domain !== null && !free ? 1 : 0;
    out[offset + 2] = domain === null ? 1 : 0;
  }
}

/** The lower-cased domain of an e-mail address, or null when the value is not one. */
export function emailDomain(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^[^@\s]+@([a-z0-9.-]+\.[a-z]{2,})$/i.exec(value.trim());
  return m ? m[1].toLowerCase() : null;
}
