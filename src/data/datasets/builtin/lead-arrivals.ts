import type { Rng } from '../../../core/rng.js';
import { type CompanyPool, drawCompany } from './company-pool.js';
import { COUNTRIES } from './geography.js';
import { LeadCalendar } from './lead-calendar.js';
import { isOfflineOrigin } from './taxonomy.js';

/** Origin, company and creation second of every lead, in creation order (lead_id order). */
export interface LeadArrivals {
  origin: Uint8Array;
  company: Int32Array;
  createdS: Float64Array;
}

/** Web, Content syndication, Partner referral, Trade show, Event. */
const ORIGIN_WEIGHTS = [0.7, 0.1, 0.07, 0.08, 0.05];

export function drawLeadArrivals(rng: Rng, count: number, companies: CompanyPool): LeadArrivals {
  const calendar = new LeadCalendar(rng.fork('calendar'));
  const origin = new Uint8Array(count);
  const company = new Int32Array(count);
  const createdS = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const o = rng.weightedIndex(ORIGIN_WEIGHTS);
    const c = drawCompany(rng, companies);
    const country = COUNTRIES[companies.country[c]];
    origin[i] = o;
    company[i] = c;
    createdS[i] = isOfflineOrigin(o)
      ? calendar.drawFieldSecond(rng, o, country.region)
      : calendar.drawWebSecond(rng, country.utcOffset);
  }
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => createdS[a] - createdS[b] || a - b);
  return {
    origin: Uint8Array.from(order, (i) => origin[i]),
    company: Int32Array.from(order, (i) => company[i]),
    createdS: Float64Array.from(order, (i) => createdS[i]),
  };
}
