import type { Rng } from '../../core/rng.js';

/** `count` distinct row indices out of n, drawn without replacement and returned in increasing order. */
export function sampleRows(rng: Rng, n: number, count: number): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, count).sort();
}

/** A feature mask keeping round(fraction × available) features (at least one) of those allowed by `within`. */
export function sampleMask(rng: Rng, d: number, fraction: number, within: Uint8Array | null): Uint8Array {
  const allowed: number[] = [];
  for (let j = 0; j < d; j++) if (!within || within[j] === 1) allowed.push(j);
  const keep = Math.max(1, Math.round(fraction * allowed.length));
  const mask = new Uint8Array(d);
  for (let i = 0; i < keep; i++) {
    const j = i + rng.int(allowed.length - i);
    const t = allowed[i];
    allowed[i] = allowed[j];
    allowed[j] = t;
    mask[allowed[i]] = 1;
  }
  return mask;
}

/** Stratified hold-out: about `fraction` of each class's rows go to the validation part. */
export function stratifiedHoldout(
  y: ArrayLike<number>,
  nClasses: number,
  fraction: number,
  rng: Rng,
): { train: Int32Array; valid: Int32Array } {
  const train: number[] = [];
  const valid: number[] = [];
  for (let k = 0; k < nClasses; k++) {
    const rows: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === k) rows.push(i);
    rng.shuffle(rows);
    const m = rows.length > 1 ? Math.max(1, Math.min(rows.length - 1, Math.round(fraction * rows.length))) : 0;
    valid.push(...rows.slice(0, m));
    train.push(...rows.slice(m));
  }
  return { train: Int32Array.from(train).sort(), valid: Int32Array.from(valid).sort() };
}
