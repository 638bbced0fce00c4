/**
 * Web events as typed columns (one row per event). Codes index CHANNELS, SITE_PAGES and
 * EVENT_TYPES; the CSV writer turns them into text.
 */
export interface EventTable {
  readonly rowCount: number;
  /** Row index of the lead in the lead table (lead_id number − 1). */
  readonly leadRow: Int32Array;
  /** Seconds since the Unix epoch (UTC), whole seconds. */
  readonly timestampS: Float64Array;
  readonly channel: Uint8Array;
  readonly page: Uint16Array;
  readonly eventType: Uint8Array;
  readonly timeOnPageS: Int32Array;
  /** 1 when the URL carries campaign (utm) parameters: the landing page of a paid or e-mail visit. */
  readonly campaignTagged: Uint8Array;
  /** Ground truth: 1 for events after the lead's acceptance (customer activity). Not written to the CSV. */
  readonly isPostAcceptance: Uint8Array;
}

/** Append-only builder with amortised growth. */
export class EventTableBuilder {
  private size = 0;
  private leadRow: Int32Array;
  private timestampS: Float64Array;
  private channel: Uint8Array;
  private page: Uint16Array;
  private eventType: Uint8Array;
  private timeOnPageS: Int32Array;
  private campaignTagged: Uint8Array;
  private isPostAcceptance: Uint8Array;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.leadRow = new Int32Array(n);
    this.timestampS = new Float64Array(n);
    this.channel = new Uint8Array(n);
    this.page = new Uint16Array(n);
    this.eventType = new Uint8Array(n);
    this.timeOnPageS = new Int32Array(n);
    this.campaignTagged = new Uint8Array(n);
    this.isPostAcceptance = new Uint8Array(n);
  }

  get rowCount(): number {
    return this.size;
  }

  push(
    leadRow: number,
    timestampS: number,
    channel: number,
    page: number,
    eventType: number,
    timeOnPageS: number,
    tagged: boolean,
    post: boolean,
  ): void {
    if (this.size === this.leadRow.length) this.grow();
    const i = this.size++;
    this.leadRow[i] = leadRow;
    this.timestampS[i] = timestampS;
    this.channel[i] = channel;
    this.page[i] = page;
    this.eventType[i] = eventType;
    this.timeOnPageS[i] = timeOnPageS;
    this.campaignTagged[i] = tagged ? 1 : 0;
    this.isPostAcceptance[i] = post ? 1 : 0;
  }

  /** Copies row `i` of `source` onto the end. */
  pushRow(source: EventTable, i: number): void {
    this.push(
      source.leadRow[i],
      source.timestampS[i],
      source.channel[i],
      source.page[i],
      source.eventType[i],
      source.timeOnPageS[i],
      source.campaignTagged[i] === 1,
      source.isPostAcceptance[i] === 1,
    );
  }

  /** The rows pushed so far, trimmed to size. */
  toTable(): EventTable {
    const n = this.size;
    return {
      rowCount: n,
      leadRow: this.leadRow.slice(0, n),
      timestampS: this.timestampS.slice(0, n),
      channel: this.channel.slice(0, n),
      page: this.page.slice(0, n),
      eventType: this.eventType.slice(0, n),
      timeOnPageS: this.timeOnPageS.slice(0, n),
      campaignTagged: this.campaignTagged.slice(0, n),
      isPostAcceptance: this.isPostAcceptance.slice(0, n),
    };
  }

  private grow(): void {
    const n = this.leadRow.length * 2;
    this.leadRow = resize(this.leadRow, new Int32Array(n));
    this.timestampS = resize(this.timestampS, new Float64Array(n));
    this.channel = resize(this.channel, new Uint8Array(n));
    this.page = resize(this.page, new Uint16Array(n));
    this.eventType = resize(this.eventType, new Uint8Array(n));
    this.timeOnPageS = resize(this.timeOnPageS, new Int32Array(n));
    this.campaignTagged = resize(this.campaignTagged, new Uint8Array(n));
    this.isPostAcceptance = resize(this.isPostAcceptance, new Uint8Array(n));
  }
}

function resize<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/**
 * Interleaves two lead-ordered tables (pre- and post-acceptance events) into one table
 * ordered by lead, then time: a lead's post-acceptance events all follow its earlier ones.
 */
export function mergeByLead(first: EventTable, second: EventTable): EventTable {
  const out = new EventTableBuilder(first.rowCount + second.rowCount);
  let j = 0;
  for (let i = 0; i < first.rowCount; i++) {
    while (j < second.rowCount && second.leadRow[j] < first.leadRow[i]) out.pushRow(second, j++);
    out.pushRow(first, i);
  }
  while (j < second.rowCount) out.pushRow(second, j++);
  return out.toTable();
}

/** Joins tables of consecutive lead ranges (each ordered by lead, then time) into one. */
export function concatEventTables(tables: readonly EventTable[]): EventTable {
  const out = new EventTableBuilder(tables.reduce((n, t) => n + t.rowCount, 0));
  for (const table of tables) for (let i = 0; i < table.rowCount; i++) out.pushRow(table, i);
  return out.toTable();
}
