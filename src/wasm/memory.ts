// AssemblyScript: helpers shared by the kernels of src/wasm (see README.md here).

/** First free byte after a kernel's own data: where its host lays out its buffers. */
export function heapStart(): usize {
  return __heap_base;
}

/** The i32 at `index` of the array at byte address `base`. */
export function i32At(base: usize, index: i32): i32 {
  return load<i32>(base + ((<usize>index) << 2));
}

export function setI32(base: usize, index: i32, value: i32): void {
  store<i32>(base + ((<usize>index) << 2), value);
}

/** The f64 at `index` of the array at byte address `base`. */
export function f64At(base: usize, index: i32): f64 {
  return load<f64>(base + ((<usize>index) << 3));
}
