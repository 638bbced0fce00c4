import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';

/** Shortest API token accepted: long enough that guessing is hopeless. */
export const MIN_TOKEN_LENGTH = 16;

export type TokenCheck = 'ok' | 'missing' | 'invalid';

/**
 * The API tokens a server accepts, held only as SHA-256 digests. A presented token is hashed
 * to the same fixed length and compared with every digest in constant time, so neither the
 * length nor the first differing byte of a secret leaks through response times.
 */
export class BearerTokens {
  private readonly digests: Buffer[];

  constructor(tokens: readonly string[]) {
    for (const token of tokens) {
      if (token.length < MIN_TOKEN_LENGTH)
        throw new ConfigError(`API tokens must be at least ${MIN_TOKEN_LENGTH} characters long (one has ${token.length})`);
    }
    this.digests = [...new Set(tokens)].map(digest);
  }

  /** Whether any token is configured (auth is on). */
  get enabled(): boolean {
    return this.digests.length > 0;
  }

  /** Checks an `Authorization` header value (`Bearer <token>`). */
  check(authorization: string | undefined): TokenCheck {
    const match = authorization ? /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization) : null;
    if (!match) return 'missing';
    const presented = digest(match[1]);
    let matched = 0;
    for (const d of this.digests) matched |= timingSafeEqual(d, presented) ? 1 : 0;
    return matched === 1 ? 'ok' : 'invalid';
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * API tokens from a file (one per line; blank lines and `#` comments skipped) and from a
 * comma-separated environment value (LEADSTACK_API_TOKENS).
 */
export function readApiTokens(options: { file?: string; env?: string }): string[] {
  const tokens: string[] = [];
  if (options.file) {
    let text: string;
    try {
      text = readFileSync(options.file, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read the token file: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, {
        file: options.file,
      });
    }
    for (const line of text.split(/\r?\n/)) {
      const token = line.trim();
      if (token && !token.startsWith('#')) tokens.push(token);
    }
    if (tokens.length === 0) throw new ConfigError('the token file holds no token', { file: options.file });
  }
  if (options.env)
    tokens.push(
      ...options.env
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    );
  return tokens;
}
