import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const FLUSH_CHARS = 1 << 20;
let tempSequence = 0;

/**
 * Writes a text file in chunks to a temporary file in the target's directory and renames
 * it into place on `commit`, so readers never see a half-written file.
 */
export class AtomicFileWriter {
  private pending: string[] = [];
  private pendingChars = 0;

  private constructor(
    readonly path: string,
    private readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(path: string): Promise<AtomicFileWriter> {
    const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${++tempSequence}.tmp`);
    return new AtomicFileWriter(path, tempPath, await open(tempPath, 'w'));
  }

  /** Queues text; true once about a megabyte has gathered and `flush` is due. */
  append(text: string): boolean {
    this.pending.push(text);
    this.pendingChars += text.length;
    return this.pendingChars >= FLUSH_CHARS;
  }

  /** Queues text and flushes when enough has gathered. */
  async write(text: string): Promise<void> {
    if (this.append(text)) await this.flush();
  }

  /** Flushes, closes and renames the file into place. */
  async commit(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await rename(this.tempPath, this.path);
  }

  /** Closes and removes the temporary file (after a failure). */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }

  /** Writes the queued text to the temporary file. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    await this.handle.write(chunk, null, 'utf8');
  }
}

/** Runs `produce` against a fresh writer for `path`; commits on success, removes the temp file on failure. */
export async function writeFileAtomically(path: string, produce: (writer: AtomicFileWriter) => Promise<void>): Promise<void> {
  const writer = await AtomicFileWriter.open(path);
  try {
    await produce(writer);
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
