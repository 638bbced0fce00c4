import type { Rng } from '../../../core/rng.js';
import { clamp, pickCumulative, toCumulative } from './draw-helpers.js';
import { ORIGIN_EVENT, ORIGIN_TRADE_SHOW } from './taxonomy.js';

/** First second of the simulated period (2024-01-01T00:00:00Z). */
export const PERIOD_START_S = Date.UTC(2024, 0, 1) / 1000;
/** Days in the period 2024-01-01 .. 2025-12-31. */
export const PERIOD_DAYS = 731;
export const PERIOD_END_S = PERIOD_START_S + PERIOD_DAYS * 86_400;
const DAY_S = 86_400;

const WEEKDAY_FACTOR = [0.28, 1.0, 1.12, 1.1, 1.04, 0.84, 0.3]; // Sunday .. Saturday
const MONTH_FACTOR = [0.95, 1.0, 1.1, 1.0, 1.0, 0.93, 0.8, 0.72, 1.1, 1.2, 1.15, 0.72];
/** Local hour-of-day profile of web sign-ups: office hours, a lunch dip, some evening use. */
const HOUR_WEIGHTS = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.6, 3.6, 3.9, 3.8, 3.0, 3.3, 3.7, 3.6, 3.2, 2.5, 1.5, 1.1, 1.0, 0.9, 0.6, 0.4,
];
const HOUR_CUMULATIVE = toCumulative(HOUR_WEIGHTS);

/** A trade show or field event: its leads are imported into the CRM in one batch a few days later. */
interface FieldEvent {
  origin: number;
  region: number;
  importS: number;
}

/**
 * When leads enter the CRM: web leads follow weekday, seasonal and campaign rhythms and a
 * growth trend, in their local office hours; trade-show and event leads arrive in batches.
 */
export class LeadCalendar {
  private readonly dayCumulative: Float64Array;
  private readonly fieldEvents: FieldEvent[] = [];

  constructor(rng: Rng) {
    const weights = new Float64Array(PERIOD_DAYS);
    for (let d = 0; d < PERIOD_DAYS; d++) weights[d] = baseDayWeight(d);
    for (let c = 0; c < 14; c++) {
      const start = rng.int(PERIOD_DAYS - 7);
      const lift = rng.uniform(1.3, 1.8);
      for (let d = start; d < start + 7; d++) weights[d] *= lift;
    }
    this.dayCumulative = toCumulative(weights);
    for (let k = 0; k < 60; k++) this.fieldEvents.push(this.makeFieldEvent(rng, k < 20 ? ORIGIN_TRADE_SHOW : ORIGIN_EVENT));
  }

  /** Creation second of a web-borne lead in a country `utcOffset` hours ahead of UTC. */
  drawWebSecond(rng: Rng, utcOffset: number): number {
    const day = pickCumulative(rng, this.dayCumulative);
    const local = pickCumulative(rng, HOUR_CUMULATIVE) * 3600 + rng.int(3600);
    const s = PERIOD_START_S + day * DAY_S + local - Math.round(utcOffset * 3600);
    return clamp(s, PERIOD_START_S, PERIOD_END_S - 1);
  }

  /** Creation second of a lead met at a trade show or event (origin) in `region`. */
  drawFieldSecond(rng: Rng, origin: number, region: number): number {
    const inRegion = this.fieldEvents.filter((e) => e.origin === origin && e.region === region);
    const event = rng.pick(inRegion.length > 0 ? inRegion : this.fieldEvents.filter((e) => e.origin === origin));
    return Math.min(event.importS + rng.int(1200), PERIOD_END_S - 1);
  }

  private makeFieldEvent(rng: Rng, origin: number): FieldEvent {
    const region = rng.weightedIndex([0.4, 0.38, 0.15, 0.07]);
    const firstDay = pickCumulative(rng, this.dayCumulative);
    const length = origin === ORIGIN_TRADE_SHOW ? 2 + rng.int(2) : 1;
    let importDay = Math.min(firstDay + length + 1 + rng.int(4), PERIOD_DAYS - 1);
    while (isWeekend(importDay) && importDay < PERIOD_DAYS - 1) importDay++;
    const offset = [-6, 1, 8, -4][region];
    const importS = PERIOD_START_S + importDay * DAY_S + (9 + rng.int(8)) * 3600 + rng.int(3600) - offset * 3600;
    return { origin, region, importS: clamp(importS, PERIOD_START_S, PERIOD_END_S - 1) };
  }
}

function dateOf(day: number): Date {
  return new Date((PERIOD_START_S + day * DAY_S) * 1000);
}

function isWeekend(day: number): boolean {
  const weekday = dateOf(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function baseDayWeight(day: number): number {
  const date = dateOf(day);
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  const holiday = (month === 11 && dayOfMonth >= 23) || (month === 0 && dayOfMonth <= 2) ? 0.35 : 1;
  const trend = 1 + 0.3 * (day / PERIOD_DAYS);
  return WEEKDAY_FACTOR[date.getUTCDay()] * MONTH_FACTOR[month] * holiday * trend;
}
