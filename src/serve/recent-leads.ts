import type { DashboardLead } from './dashboard-lead.js';

/** Default number of recently scored leads kept for the dashboard. */
export const DEFAULT_RECENT_LEADS = 2000;

/**
 * The last N leads scored through the API, in a fixed-size ring (oldest overwritten), for the
 * dashboard when no scored file is given. Holds only `DashboardLead` records: no personal fields.
 */
export class RecentLeads {
  private readonly ring: (DashboardLead | undefined)[];
  private next = 0;
  private size = 0;

  constructor(readonly capacity = DEFAULT_RECENT_LEADS) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError(`RecentLeads: capacity must be a whole number ≥ 0`);
    this.ring = new Array(capacity);
  }

  push(lead: DashboardLead): void {
    if (this.capacity === 0) return;
    this.ring[this.next] = lead;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  get length(): number {
    return this.size;
  }

  /** The kept leads, newest first. */
  list(): DashboardLead[] {
    const out: DashboardLead[] = [];
    for (let k = 1; k <= this.size; k++) out.push(this.ring[(this.next - k + this.capacity) % this.capacity]!);
    return out;
  }
}
