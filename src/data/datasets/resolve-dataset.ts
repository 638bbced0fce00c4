import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, DataError } from '../../core/errors.js';
import type { DatasetConfig } from './dataset-config.js';
import { loadDatasetConfig, parseDatasetConfig } from './parse-dataset-config.js';
import { DATASET_PRESETS, isPresetName, type PresetFiles, presetNames } from './presets.js';

export interface ResolveDatasetOptions {
  /** Project root holding `data/raw` (default: the working directory). */
  root?: string;
  /**
   * How to read a data file given as `ref`: a preset name, a config file path, or a
   * config object. Not allowed when `ref` already is a preset or a config file.
   */
  config?: string | DatasetConfig;
  /** Explicit path of the X Education Leads.csv (for the `x-education` preset). */
  xEducationPath?: string;
  /** Environment variables (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A dataset reference turned into a config and absolute file paths. */
export interface ResolvedDataset extends PresetFiles {
  name: string;
  config: DatasetConfig;
  /** The config file, when the config came from one. */
  configFile?: string;
  /** The preset, when the config came from one. */
  preset?: string;
}

const DATA_EXTENSIONS = /\.(csv|tsv|txt|jsonl|ndjson)(\.gz)?$/i;

/**
 * Resolves what a user names on the command line or in a notebook:
 * - a preset name (`builtin`, `x-education`), whose files are searched for;
 * - a dataset config file (`my-crm.json`), whose paths are relative to it;
 * - a data file (`export.csv`) together with `options.config` (a preset name, a config
 *   file or object) saying how to read it; that config's own `leads` is then ignored,
 *   and its other paths (events, truth) resolve beside the config file, or beside
 *   the data file for a preset.
 */
export function resolveDataset(ref: string, options: ResolveDatasetOptions = {}): ResolvedDataset {
  if (isPresetName(ref)) {
    if (options.config !== undefined)
      throw new ConfigError(`"${ref}" is a preset and has its own config; drop the separate config`);
    const preset = DATASET_PRESETS[ref];
    const path = ref === 'x-education' ? options.xEducationPath : undefined;
    const files = preset.locate({ root: options.root, env: options.env, path });
    return { name: ref, preset: ref, config: structuredClone(preset.config), ...files };
  }
  if (/\.json$/i.test(ref)) {
    if (options.config !== undefined) throw new ConfigError(`"${ref}" is a dataset config already; drop the separate config`);
    const configFile = resolve(ref);
    if (!existsSync(configFile)) throw new ConfigError(`dataset config not found (looked for ${configFile})`, { file: ref });
    const config = loadDatasetConfig(ref);
    if (!config.leads)
      throw new ConfigError('is required: the leads file, relative to the config file', { file: ref, field: 'leads' });
    return withPaths(config, dirname(configFile), resolve(dirname(configFile), config.leads), configFile);
  }
  if (DATA_EXTENSIONS.test(ref) || existsSync(ref)) return resolveDataFile(ref, options);
  throw new DataError(`unknown dataset "${ref}": not a preset (${presetNames().join(', ')}), a config (*.json) or a data file`);
}

function resolveDataFile(ref: string, options: ResolveDatasetOptions): ResolvedDataset {
  const leadsPath = resolve(ref);
  if (!existsSync(leadsPath)) throw new DataError(`file not found (looked for ${leadsPath})`, { file: ref });
  const how = options.config;
  if (how === undefined) {
    throw new ConfigError(
      `${ref} is a data file; say how to read it with a dataset config (a JSON file naming the target column) ` +
        `or a preset (${presetNames().join(', ')})`,
    );
  }
  if (typeof how === 'string' && isPresetName(how)) {
    const preset = DATASET_PRESETS[how];
    const files =
      how === 'x-education' ? { leadsPath } : preset.locate({ root: options.root, env: options.env, path: leadsPath });
    return { name: preset.name, preset: preset.name, config: structuredClone(preset.config), ...files };
  }
  if (typeof how === 'string') {
    const configFile = resolve(how);
    if (!existsSync(configFile)) throw new ConfigError(`dataset config not found (looked for ${configFile})`, { file: how });
    return withPaths(loadDatasetConfig(how), dirname(configFile), leadsPath, configFile);
  }
  return withPaths(parseDatasetConfig(how), resolve('.'), leadsPath);
}

function withPaths(config: DatasetConfig, baseDir: string, leadsPath: string, configFile?: string): ResolvedDataset {
  const resolved: ResolvedDataset = { name: config.name, config, leadsPath };
  if (configFile) resolved.configFile = configFile;
  if (config.events) resolved.eventsPath = resolve(baseDir, config.events.path);
  if (config.truth) resolved.truthPath = resolve(baseDir, config.truth.path);
  return resolved;
}
