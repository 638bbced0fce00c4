import { runCli } from '../main.js';

/** Runs the CLI in-process with captured output: its exit code, stdout and stderr. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
