import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** SHA-256 (hex) of a file. */
export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every file under `dir` (relative paths with forward slashes, sorted), except `skip`. */
export function listFiles(dir: string, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const rel = relative(dir, path).split(sep).join('/');
        if (!skip.includes(rel)) out.push(rel);
      }
    }
  };
  walk(dir);
  return out;
}

/** Checksums of every file under `dir` but the skipped ones. */
export function checksumFiles(dir: string, skip: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(listFiles(dir, skip).map((f) => [f, sha256File(join(dir, f))]));
}
