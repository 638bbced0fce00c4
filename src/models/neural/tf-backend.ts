/**
 * The one place that loads TensorFlow.js. The backend is chosen at run time, fastest first:
 * '@tensorflow/tfjs-node' (native TensorFlow, an optional dependency) when it can be imported,
 * else '@tensorflow/tfjs' on the WebAssembly backend, else tfjs's plain JavaScript 'cpu' backend.
 * `LEADSTACK_TF_BACKEND=tensorflow|wasm|cpu` pins one (falling back down the same list when it
 * cannot start). Loading switches tfjs to production mode (no debug checks, no console banners).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import { ConfigError, LeadstackError } from '../../core/errors.js';

export type Tf = typeof tfjs;

/** Which tfjs backend runs the neural models. */
export type NeuralBackend = 'tensorflow' | 'wasm' | 'cpu';

export interface TfRuntime {
  tf: Tf;
  backend: NeuralBackend;
}

const BACKENDS: readonly NeuralBackend[] = ['tensorflow', 'wasm', 'cpu'];
const NODE_PACKAGE = '@tensorflow/tfjs-node';

let runtime: TfRuntime | null = null;
let loading: Promise<TfRuntime> | null = null;

/** Loads tfjs once (later calls share the first load) and returns it with its backend. */
export function loadTf(): Promise<TfRuntime> {
  loading ??= startRuntime().then(
    (loaded) => {
      runtime = loaded;
      return loaded;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Loads the tfjs runtime if needed and tells which backend is active. */
export async function neuralBackend(): Promise<NeuralBackend> {
  return (await loadTf()).backend;
}

/** The loaded runtime; throws when nothing has loaded it yet (`fit` and `neuralBackend()` do). */
export function tfRuntime(who: string): TfRuntime {
  if (runtime) return runtime;
  throw new LeadstackError(
    `${who}: TensorFlow.js is not loaded yet; await neuralBackend() once before predicting with a model restored from JSON`,
  );
}

/** Tensors and bytes the loaded backend holds (for leak checks); zeros before tfjs is loaded. */
export function neuralMemory(): { numTensors: number; numBytes: number } {
  if (!runtime) return { numTensors: 0, numBytes: 0 };
  const { numTensors, numBytes } = runtime.tf.memory();
  return { numTensors, numBytes };
}

async function startRuntime(): Promise<TfRuntime> {
  const pinned = parsePinned(process.env.LEADSTACK_TF_BACKEND);
  const order = pinned ? BACKENDS.slice(BACKENDS.indexOf(pinned)) : BACKENDS;
  if (order.includes('tensorflow')) {
    const tf = await importNodeBinding();
    if (tf && (await trySetBackend(quiet(tf), 'tensorflow'))) return { tf, backend: 'tensorflow' };
  }
  const tf = quiet(unwrap<Tf>(await import('@tensorflow/tfjs')));
  if (order.includes('wasm') && (await startWasm(tf))) return { tf, backend: 'wasm' };
  if (!(await trySetBackend(tf, 'cpu'))) throw new LeadstackError('TensorFlow.js could not start any backend');
  return { tf, backend: 'cpu' };
}

function parsePinned(value: string | undefined): NeuralBackend | null {
  if (value === undefined || value === '') return null;
  if ((BACKENDS as readonly string[]).includes(value)) return value as NeuralBackend;
  throw new ConfigError(`LEADSTACK_TF_BACKEND is "${value}"; use one of ${BACKENDS.join(', ')} (or leave it unset)`);
}

/** The native binding is optional: a missing package or a broken native build both mean "not available". */
async function importNodeBinding(): Promise<Tf | null> {
  try {
    const specifier: string = NODE_PACKAGE;
    return unwrap<Tf>(await import(specifier));
  } catch {
    return null;
  }
}

async function startWasm(tf: Tf): Promise<boolean> {
  try {
    const wasm = unwrap<typeof import('@tensorflow/tfjs-backend-wasm')>(await import('@tensorflow/tfjs-backend-wasm'));
    const require = createRequire(import.meta.url);
    wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
    return await trySetBackend(tf, 'wasm');
  } catch {
    return false;
  }
}

async function trySetBackend(tf: Tf, name: NeuralBackend): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** Production mode: no debug checks and no console banners from tfjs. */
function quiet(tf: Tf): Tf {
  tf.enableProdMode();
  return tf;
}

/** CommonJS packages imported from ESM expose their exports on `default`. */
function unwrap<T>(mod: unknown): T {
  const withDefault = mod as { default?: T };
  return (withDefault.default ?? mod) as T;
}
