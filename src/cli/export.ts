import { join } from 'node:path';
import type { Command } from 'commander';
import { exportArtifact } from '../artifact/export-artifact.js';
import { cliIo } from './io.js';

interface ExportFlags {
  from: string;
  out?: string;
  name?: string;
  version?: string;
  force?: boolean;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      "Package a saved experiment's champion as a versioned model folder: spec, model, policy, schema, metadata, model card, checksums",
    )
    .requiredOption('--from <dir>', 'a saved experiment (leadstack compare --save, or notebook 6.0)')
    .option('--out <dir>', 'target folder models/<name>/<version> (default from --name and --version)')
    .option('--name <name>', 'model name (default: the last-but-one part of --out, or "lead-score")')
    .option('--version <version>', "model version (default: the last part of --out, or today's date)")
    .option('--force', 'replace an existing folder of the same version')
    .action(async (flags: ExportFlags) => {
      const parts = flags.out ? flags.out.replace(/[\\/]+$/, '').split(/[\\/]/) : [];
      const version = flags.version ?? parts.at(-1) ?? new Date().toISOString().slice(0, 10);
      const name = flags.name ?? parts.at(-2) ?? 'lead-score';
      const out = flags.out ?? join('models', name, version);
      const manifest = await exportArtifact(flags.from, out, { name, version, force: flags.force });
      cliIo().out(
        `exported ${manifest.modelVersion} (${manifest.modelKind}) → ${out}\n  ${Object.keys(manifest.files).length} files with checksums; model card: ${join(out, 'model-card.md')}\n`,
      );
    });
}
