/** Where the CLI writes: the process's streams, or a capture in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

let current: CliIo = processIo;

/** The output of the command being run. */
export function cliIo(): CliIo {
  return current;
}

/** Runs `action` with the CLI's output going to `io`. */
export async function withCliIo<T>(io: CliIo, action: () => Promise<T>): Promise<T> {
  const previous = current;
  current = io;
  try {
    return await action();
  } finally {
    current = previous;
  }
}
