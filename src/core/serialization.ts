import { SerializationError } from './errors.js';

/** The serialized form of every estimator, transformer and sampler. */
export interface SerializedEstimator<P = unknown, S = unknown> {
  kind: string;
  formatVersion: number;
  params: P;
  state: S;
}

type Loader = (json: SerializedEstimator) => unknown;
const registry = new Map<string, Loader>();

/** Registers how to rebuild objects of a `kind` from their JSON form. */
export function registerKind(kind: string, load: Loader): void {
  registry.set(kind, load);
}

/** Rebuilds any registered object from its JSON form. */
export function fromJSON<T = unknown>(json: unknown): T {
  if (!json || typeof json !== 'object' || typeof (json as SerializedEstimator).kind !== 'string') {
    throw new SerializationError('serialized object has no "kind" field; is this a leadstack model file?');
  }
  const kind = (json as SerializedEstimator).kind;
  const load = registry.get(kind);
  if (!load) {
    throw new SerializationError(`unknown kind "${kind}"; known kinds: ${[...registry.keys()].sort().join(', ')}`);
  }
  return load(json as SerializedEstimator) as T;
}

/** Checks kind and format version before a `fromJSON` reads the state. */
export function assertSerialized(json: SerializedEstimator, kind: string, formatVersion: number): void {
  if (!json || json.kind !== kind) {
    throw new SerializationError(`expected a serialized ${kind}, got ${json ? `"${json.kind}"` : String(json)}`);
  }
  if (json.formatVersion !== formatVersion) {
    throw new SerializationError(
      `${kind} format version ${json.formatVersion} is not supported (this leadstack reads version ${formatVersion})`,
    );
  }
}

/** Typed arrays as base64 so a JSON round trip is bit-identical (NaN and ±Infinity included). */
export interface EncodedArray {
  dtype: 'f64' | 'f32' | 'i32' | 'u32' | 'u16' | 'u8';
  base64: string;
}

type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

const ctors = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  u16: Uint16Array,
  u8: Uint8Array,
} as const;

export function encodeArray(values: TypedArray): EncodedArray {
  const dtype = (Object.keys(ctors) as (keyof typeof ctors)[]).find((k) => values instanceof ctors[k]);
  if (!dtype) throw new SerializationError('encodeArray takes a typed array');
  const bytes = Buffer.from(values.buffer, values.byteOffset, values.byteLength);
  return { dtype, base64: bytes.toString('base64') };
}

export function decodeArray<T extends TypedArray = Float64Array>(encoded: EncodedArray): T {
  const Ctor = ctors[encoded?.dtype];
  if (!Ctor || typeof encoded.base64 !== 'string') throw new SerializationError('malformed encoded array');
  const bytes = Buffer.from(encoded.base64, 'base64');
  if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new SerializationError('encoded array has a partial element');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Ctor(copy.buffer) as T;
}
