import type { LeadInput, LeadPath } from '../encoder.js';
import type { LeadEvent } from '../event-log.js';
import { pageKey } from '../url-tokens.js';

/** A LeadInput for encoder tests: fields, and optionally a path built from events with page types and words. */
export function leadInput(
  fields: Record<string, unknown>,
  path: { events: Partial<LeadEvent>[]; pageTypes?: string[]; themes?: string[][]; words?: string[][] } | null = null,
  times: { createdAt?: number | null; observationPoint?: number | null } = {},
): LeadInput {
  let built: LeadPath | null = null;
  if (path) {
    const events = path.events.map((e, k) => ({
      t: k * 60_000,
      channel: null,
      url: null,
      title: null,
      type: null,
      duration: 0,
      ...e,
    }));
    built = {
      events,
      pageTypes: path.pageTypes ?? events.map(() => 'other'),
      themes: path.themes ?? events.map(() => []),
      words: path.words ?? events.map(() => []),
      pages: events.map((e) => (e.url ? pageKey(e.url) : null)),
    };
  }
  return {
    get: (c) => fields[c],
    path: built,
    createdAt: times.createdAt ?? null,
    observationPoint: times.observationPoint ?? null,
  };
}

/** Runs an encoder on one lead and returns its block by name. */
export function encodeBlock(
  encoder: { names: readonly string[]; write(l: LeadInput, o: Float64Array, at: number): void },
  lead: LeadInput,
): Record<string, number> {
  const out = new Float64Array(encoder.names.length + 2).fill(Number.NaN);
  encoder.write(lead, out, 1);
  assert(Number.isNaN(out[0]) && Number.isNaN(out[encoder.names.length + 1]), 'the encoder wrote outside its block');
  return Object.fromEntries(encoder.names.map((n, k) => [n, out[k + 1]]));
}

function assert(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}
