// AssemblyScript: the random stream of src/core/rng.ts (sfc32), for kernels that draw as the
// TypeScript code does (see README.md here). The state is four i32 in memory at `state`, as
// Rng.saveState writes it.

/** sfc32's next 32 bits (Rng.nextUint32), the state advanced in memory. */
export function nextUint32(state: usize): u32 {
  const a = load<i32>(state);
  const b = load<i32>(state, 4);
  const c = load<i32>(state, 8);
  const d = load<i32>(state, 12);
  const t = a + b + d;
  store<i32>(state, b ^ <i32>(<u32>b >>> 9));
  store<i32>(state, c + (c << 3), 4);
  store<i32>(state, ((c << 21) | <i32>(<u32>c >>> 11)) + t, 8);
  store<i32>(state, d + 1, 12);
  return <u32>t;
}

/** Rng.int(n): floor of a 53-bit uniform double times n. */
export function randomInt(state: usize, n: i32): i32 {
  const hi = <f64>(nextUint32(state) >>> 5);
  const lo = <f64>(nextUint32(state) >>> 6);
  return <i32>Math.floor(((hi * 67108864 + lo) / 9007199254740992) * <f64>n);
}
