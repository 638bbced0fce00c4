import { Rng } from '../../../core/rng.js';

/**
 * An independent random stream for one purpose (and chunk of leads) of the generator,
 * derived from the seed alone, so any chunk can be simulated again on its own.
 */
export function makeStream(seed: number, purpose: string, chunk = 0): Rng {
  return new Rng(seed).fork(`${purpose}:${chunk}`);
}
