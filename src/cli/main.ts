#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { isLeadstackError } from '../core/errors.js';
import { leadstackPackage } from '../core/package-root.js';
import { registerCompare } from './compare.js';
import { registerExport } from './export.js';
import { registerGenerate } from './generate.js';
import { type CliIo, cliIo, processIo, withCliIo } from './io.js';
import { registerPrepare } from './prepare.js';
import { registerProfile } from './profile.js';
import { registerReport } from './report.js';
import { registerScore } from './score.js';
import { registerServe } from './serve.js';

/** Builds the `leadstack` command line. */
export function makeProgram(): Command {
  const program = new Command('leadstack')
    .description('Machine-learning lead scoring: profile leads, compare models, explain and deploy the champion.')
    .version(leadstackPackage().version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => cliIo().out(text), writeErr: (text) => cliIo().err(text) });
  registerGenerate(program);
  registerProfile(program);
  registerPrepare(program);
  registerCompare(program);
  registerExport(program);
  registerScore(program);
  registerServe(program);
  registerReport(program);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (text) => cliIo().out(text), writeErr: (text) => cliIo().err(text) });
  }
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 2 user error, 1 internal error. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  return withCliIo(io, () => run(argv));
}

async function run(argv: string[]): Promise<number> {
  try {
    await makeProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help / version text).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isLeadstackError(error)) {
      cliIo().err(`leadstack: ${error.message}\n`);
      return 2;
    }
    cliIo().err(`leadstack: internal error — please report it with the command you ran\n${(error as Error).stack}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
