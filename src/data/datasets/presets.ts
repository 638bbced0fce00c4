import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataError } from '../../core/errors.js';
import type { DatasetConfig } from './dataset-config.js';

/** Where a preset's files are on this machine. */
export interface PresetFiles {
  leadsPath: string;
  eventsPath?: string;
  truthPath?: string;
}

export interface PresetLocateOptions {
  /** Project root holding `data/raw` (default: the working directory). */
  root?: string;
  /** An explicit leads file, tried before anything else. */
  path?: string;
  /** Environment variables (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface DatasetPreset {
  name: string;
  description: string;
  config: DatasetConfig;
  /** Finds the files; throws a `DataError` saying where they should be when they are not there. */
  locate(options?: PresetLocateOptions): PresetFiles;
}

/** Directory of the generated built-in data set, relative to the project root. */
export const BUILTIN_DATA_DIR = join('data', 'raw', 'builtin');

const builtinConfig: DatasetConfig = {
  name: 'builtin',
  leads: 'leads.csv',
  target: { column: 'sales_accepted', positive: 1 },
  id: 'lead_id',
  date: 'created_at',
  labelTime: 'accepted_at',
  drop: [],
  postOutcome: ['accepted_at', 'funnel_stage'],
  pii: ['first_name', 'last_name', 'email', 'phone'],
  placeholders: ['', 'Select', 'N/A', 'NA', 'null', '-', 'unknown'],
  caseFold: [
    'first_touch_channel',
    'lead_origin',
    'country',
    'industry',
    'region',
    'company',
    'job_title',
    'timeframe',
    'budget',
    'use_case',
  ],
  formFields: ['timeframe', 'budget', 'use_case'],
  enrichmentFields: ['employees', 'annual_revenue', 'company_age_years', 'tech_stack'],
  stage: 'funnel_stage',
  events: {
    path: 'events.csv',
    leadId: 'lead_id',
    time: 'timestamp',
    url: 'url',
    title: 'title',
    channel: 'channel',
    type: 'event_type',
    duration: 'time_on_page_s',
  },
  truth: { path: 'truth.csv', leadId: 'lead_id', probability: 'p_true' },
};

const xEducationConfig: DatasetConfig = {
  name: 'x-education',
  target: { column: 'Converted', positive: 1 },
  id: 'Prospect ID',
  drop: ['Lead Number'],
  postOutcome: ['Tags', 'Lead Quality', 'Last Activity', 'Last Notable Activity'],
  pii: [],
  placeholders: ['', 'Select', 'NA', 'N/A', 'null'],
  // "Google" and "google" are one source.
  caseFold: ['Lead Source'],
  formFields: [
    'What is your current occupation',
    'What matters most to you in choosing a course',
    'How did you hear about X Education',
    'Specialization',
    'City',
  ],
  enrichmentFields: [
    'Asymmetrique Activity Index',
    'Asymmetrique Profile Index',
    'Asymmetrique Activity Score',
    'Asymmetrique Profile Score',
  ],
};

/** Environment variable naming the X Education Leads.csv. */
export const X_EDUCATION_ENV = 'LEADSTACK_X_EDUCATION_CSV';

/** Places searched for the X Education file, relative to the project root, in order. */
export const X_EDUCATION_PLACES: readonly string[] = [
  join('data', 'raw', 'x-education-leads.csv'),
  join('data', 'raw', 'Leads.csv'),
  join('data', 'raw', 'x-education', 'Leads.csv'),
  join('..', 'shared', 'data', 'x-education-leads.csv'),
];

function locateBuiltin(options: PresetLocateOptions = {}): PresetFiles {
  const dir = resolve(options.root ?? '.', BUILTIN_DATA_DIR);
  const leadsPath = options.path ? resolve(options.path) : join(dir, 'leads.csv');
  if (!existsSync(leadsPath)) {
    throw new DataError(
      `the built-in data set has not been generated yet (no ${leadsPath}); create it with \`leadstack generate\``,
    );
  }
  const beside = options.path ? resolve(leadsPath, '..') : dir;
  const found = (name: string): string | undefined => (existsSync(join(beside, name)) ? join(beside, name) : undefined);
  return { leadsPath, eventsPath: found('events.csv'), truthPath: found('truth.csv') };
}

function locateXEducation(options: PresetLocateOptions = {}): PresetFiles {
  const env = options.env ?? process.env;
  const explicit = options.path ?? env[X_EDUCATION_ENV];
  if (explicit) {
    const leadsPath = resolve(explicit);
    if (existsSync(leadsPath)) return { leadsPath };
    const source = options.path ? 'the given path' : `$${X_EDUCATION_ENV}`;
    throw new DataError(`X Education leads file not found at ${leadsPath} (from ${source})`);
  }
  const root = resolve(options.root ?? '.');
  const candidates = X_EDUCATION_PLACES.map((p) => join(root, p));
  const leadsPath = candidates.find((p) => existsSync(p));
  if (leadsPath) return { leadsPath };
  throw new DataError(
    'the X Education data set was not found. Download Leads.csv of the public "Lead Scoring" data set of X Education ' +
      `(9,240 leads) and save it as ${candidates[0]} (or ${candidates[1]}), or set ${X_EDUCATION_ENV} to its path. ` +
      `Looked in: ${candidates.join(', ')}`,
  );
}

/** The data sets leadstack knows by name. */
export const DATASET_PRESETS: Readonly<Record<string, DatasetPreset>> = {
  builtin: {
    name: 'builtin',
    description: 'Synthetic B2B leads with web events and true probabilities (generated into data/raw/builtin)',
    config: builtinConfig,
    locate: locateBuiltin,
  },
  'x-education': {
    name: 'x-education',
    description: 'The public X Education "Lead Scoring" data set: 9,240 course leads, 38.5% converted',
    config: xEducationConfig,
    locate: locateXEducation,
  },
};

/** Names of the presets. */
export function presetNames(): string[] {
  return Object.keys(DATASET_PRESETS);
}

export function isPresetName(name: string): boolean {
  return Object.hasOwn(DATASET_PRESETS, name);
}

/** A copy of a preset's config (safe to modify). */
export function presetConfig(name: string): DatasetConfig {
  const preset = DATASET_PRESETS[name];
  if (!preset) throw new DataError(`unknown dataset preset "${name}"; presets: ${presetNames().join(', ')}`);
  return structuredClone(preset.config);
}
