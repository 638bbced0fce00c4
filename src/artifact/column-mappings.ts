import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';

/** CRM export headers → the columns the model reads. */
export type ColumnMapping = Readonly<Record<string, string>>;

/**
 * Typical lead-export headers of HubSpot, Salesforce and Zoho CRM mapped to the columns of a
 * B2B lead data set shaped like the built-in one (lead_id, created_at, company, job_title,
 * country, industry, employees, annual_revenue, first_touch_channel …). Headers a profile
 * does not list pass through unchanged; personal fields are mapped so they are recognised,
 * never used as features.
 */
export const COLUMN_PROFILES: Readonly<Record<string, ColumnMapping>> = {
  hubspot: {
    'Record ID': 'lead_id',
    'Create Date': 'created_at',
    'First Name': 'first_name',
    'Last Name': 'last_name',
    Email: 'email',
    'Phone Number': 'phone',
    'Company Name': 'company',
    'Job Title': 'job_title',
    'Country/Region': 'country',
    Industry: 'industry',
    'Number of Employees': 'employees',
    'Annual Revenue': 'annual_revenue',
    'Original Source': 'first_touch_channel',
    'Lead Source': 'lead_origin',
    'Marketing emails opened': 'email_opens',
    'Marketing emails clicked': 'email_clicks',
  },
  salesforce: {
    'Lead ID': 'lead_id',
    'Created Date': 'created_at',
    'First Name': 'first_name',
    'Last Name': 'last_name',
    Email: 'email',
    Phone: 'phone',
    Company: 'company',
    Title: 'job_title',
    Country: 'country',
    Industry: 'industry',
    'No. of Employees': 'employees',
    'Annual Revenue': 'annual_revenue',
    'Lead Source': 'first_touch_channel',
  },
  zoho: {
    'Record Id': 'lead_id',
    'Created Time': 'created_at',
    'First Name': 'first_name',
    'Last Name': 'last_name',
    Email: 'email',
    Phone: 'phone',
    Company: 'company',
    Designation: 'job_title',
    Country: 'country',
    Industry: 'industry',
    'No. of Employees': 'employees',
    'Annual Revenue': 'annual_revenue',
    'Lead Source': 'first_touch_channel',
  },
};

/** A profile by name, or a JSON file of header → column. */
export function loadColumnMapping(nameOrFile: string): ColumnMapping {
  const profile = COLUMN_PROFILES[nameOrFile.toLowerCase()];
  if (profile) return profile;
  if (!nameOrFile.endsWith('.json')) {
    throw new ConfigError(
      `unknown column mapping "${nameOrFile}": use ${Object.keys(COLUMN_PROFILES).join(', ')} or a JSON file of header → column`,
      { field: 'mapping' },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(nameOrFile, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read the column mapping: ${(error as Error).message}`, { file: nameOrFile });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw new ConfigError('expected an object of CRM header → column name (both text)', { file: nameOrFile });
  }
  return value as ColumnMapping;
}

/** Renames headers by the mapping (unlisted headers stay as they are). */
export function mapHeaders(header: readonly string[], mapping: ColumnMapping | null): string[] {
  if (!mapping) return [...header];
  return header.map((h) => mapping[h] ?? mapping[h.trim()] ?? h);
}
