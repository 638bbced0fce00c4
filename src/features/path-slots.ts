import type { BlockEncoder, LeadInput } from './encoder.js';
import type { EventSpec } from './feature-spec.js';

const OTHER = 'other';

/**
 * The number of slots K: the smallest path length that at least `coverage` of the
 * training paths (leads with any event) do not exceed, between 1 and `maxSlots`.
 */
export function chooseSlotCount(pathLengths: readonly number[], coverage: number, maxSlots: number): number {
  const lengths = pathLengths.filter((n) => n > 0).sort((a, b) => a - b);
  if (lengths.length === 0) return 1;
  const k = lengths[Math.min(lengths.length - 1, Math.ceil(coverage * lengths.length) - 1)];
  return Math.max(1, Math.min(maxSlots, k));
}

/**
 * Order matters: for each of the first K touchpoints, which channel it came through and
 * what kind of page it was (binary channel × slot and page type × slot columns). Two leads
 * with the same counts in a different order get different rows.
 */
export class PathSlotsEncoder implements BlockEncoder {
  readonly names: string[] = [];
  readonly group = 'path';
  private readonly channelIndex: Map<string, number>;
  private readonly pageTypeIndex: Map<string, number>;
  private readonly perSlot: number;
  private readonly slots: number;

  constructor(spec: NonNullable<EventSpec['pathSlots']>) {
    const channels = [...spec.channels, OTHER];
    this.channelIndex = new Map(channels.map((c, k) => [c, k]));
    this.pageTypeIndex = new Map(spec.pageTypes.map((p, k) => [p, channels.length + k]));
    this.perSlot = channels.length + spec.pageTypes.length;
    this.slots = spec.slots;
    for (let s = 1; s <= spec.slots; s++) {
      this.names.push(
        ...channels.map((c) => `path.slot${s}.channel=${c}`),
        ...spec.pageTypes.map((p) => `path.slot${s}.pageType=${p}`),
      );
    }
  }

  write(lead: LeadInput, out: Float64Array, offset: number): void {
    for (let k = 0; k < this.names.length; k++) out[offset + k] = 0;
    const path = lead.path;
    if (!path) return;
    const n = Math.min(this.slots, path.events.length);
    const other = this.channelIndex.get(OTHER)!;
    for (let s = 0; s < n; s++) {
      const base = offset + s * this.perSlot;
      out[base + (this.channelIndex.get(path.events[s].channel ?? OTHER) ?? other)] = 1;
      const p = this.pageTypeIndex.get(path.pageTypes[s]);
      if (p !== undefined) out[base + p] = 1;
    }
  }
}
