import type { Rng } from '../../../core/rng.js';
import type { Country } from './geography.js';
import { toAsciiSlug } from './messy-text.js';
import { IND_CONSULTING, IND_EDUCATION, IND_GOVERNMENT } from './taxonomy.js';

/** Fictional company names and web domains, shaped by industry and country. */
export interface CompanyName {
  name: string;
  domain: string;
}

/** Splits a whitespace-separated word list. */
function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

const HEADS = words(`
  Nor Blue Stone Bright Clear Iron Silver North Summit Apex Nova Terra Cobalt Crest Harbor Pine Quant
  Vertex Atlas Orion Ever Granite Meridian Falcon Red Oak River Sky Helio Lumen Vanta Kestrel Alder
  Brook Corvid Delta Ember Fjord Glen Halcyon
`);
const TAILS = words(`
  well ridge field point line gate wave core stone bridge tech soft works labs sys data logic mark
  vale haven port view way ford wick a ix ion ora us
`);
const SECTOR_WORDS: readonly (readonly string[])[] = [
  ['Bank', 'Capital', 'Financial', 'Payments', 'Credit Union', 'Asset Management'],
  ['Insurance', 'Assurance', 'Mutual', 'Re'],
  ['Manufacturing', 'Industries', 'Components', 'Machinery', 'Precision'],
  ['Retail', 'Stores', 'Brands', 'Outfitters', 'Markets'],
  ['Health', 'Medical', 'Clinics', 'Care'],
  ['Pharma', 'Biosciences', 'Therapeutics', 'Life Sciences'],
  ['Telecom', 'Networks', 'Communications', 'Mobile'],
  ['Software', 'Technologies', 'Systems', 'Digital', 'Labs', 'Cloud'],
  ['Agency', 'Authority', 'Department'],
  ['University', 'College', 'Institute'],
  ['Consulting', 'Partners', 'Advisors', 'Solutions'],
  ['Energy', 'Power', 'Utilities', 'Renewables'],
  ['Motors', 'Automotive', 'Mobility'],
  ['Logistics', 'Freight', 'Shipping', 'Transport'],
  ['Media', 'Studios', 'Publishing', 'Broadcasting'],
];
const SURNAMES = words(`
  Baker Lang Kessler Brandt Hartwell Whitman Moreau Okafor Lindgren Castillo Novak
`);
const CITIES = words(`
  Springfield Riverton Lakewood Fairview Kingsbridge Westbury Northam Bellmont Ashford Greenhaven
  Millbrook Oakdale Redcliff Stonehill Brightwater Clearfield Eastmoor Harrowgate Linfield Marston
  Newbury Pinecrest Queensbury Rosewood Southport Thornbury Upton Waverley Yarmouth Elmstead
`);
const AGENCIES = ['Revenue', 'Transportation', 'Health Services', 'Public Works', 'Digital Services', 'Social Security'];

export function makeCompanyName(rng: Rng, industry: number, country: Country): CompanyName {
  if (industry === IND_GOVERNMENT) return governmentName(rng, country);
  if (industry === IND_EDUCATION) return educationName(rng, country);
  const brand = rng.pick(HEADS) + rng.pick(TAILS);
  const sector = rng.pick(SECTOR_WORDS[industry]);
  const r = rng.next();
  let base: string;
  if (industry === IND_CONSULTING && r < 0.35) {
    const [a, b] = [rng.pick(SURNAMES), rng.pick(SURNAMES)];
    base = rng.bernoulli(0.5) ? `${a}, ${b} & ${sector}` : `${a} & ${b} ${sector}`;
  } else if (r < 0.7) base = `${brand} ${sector}`;
  else if (r < 0.995) base = brand;
  else base = `${brand} ${sector} ("${brand.slice(0, 2).toUpperCase()}${sector[0]}")`;
  const suffix = rng.pick(country.suffixes);
  const name = suffix === '' ? base : suffix.startsWith(',') ? base + suffix : `${base} ${suffix}`;
  const tld = rng.bernoulli(0.55) ? 'com' : country.tld;
  const domain = `${toAsciiSlug(brand)}${rng.bernoulli(0.3) ? toAsciiSlug(sector) : ''}.${tld}`;
  return { name, domain };
}

function governmentName(rng: Rng, country: Country): CompanyName {
  const city = rng.pick(CITIES);
  const agency = rng.pick(AGENCIES);
  const name = rng.bernoulli(0.5) ? `City of ${city}` : `${city} Department of ${agency}`;
  return { name, domain: `${toAsciiSlug(city)}.gov${country.tld === 'com' ? '' : `.${country.tld.split('.').pop()}`}` };
}

function educationName(rng: Rng, country: Country): CompanyName {
  const city = rng.pick(CITIES);
  const r = rng.next();
  const name = r < 0.5 ? `University of ${city}` : r < 0.8 ? `${city} Institute of Technology` : `${city} Community College`;
  return { name, domain: `${toAsciiSlug(city)}.edu${country.tld === 'com' ? '' : `.${country.tld.split('.').pop()}`}` };
}
