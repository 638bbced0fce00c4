import type { Rng } from '../../../core/rng.js';
import type { Country, NamePool } from './geography.js';
import { fillDigits, toAsciiSlug } from './messy-text.js';

/** Synthetic personal data: names drawn from common names, e-mails on fictional company domains. */
export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

const FIRST_NAMES: Record<NamePool, readonly string[]> = {
  anglo: ['James', 'Mary', 'Michael', 'Jennifer', 'David', 'Sarah', 'Robert', 'Emily', 'Daniel', 'Jessica', 'Chris', 'Ashley'],
  german: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Katharina', 'Maximilian', 'Sophie', 'Tobias', 'Jürgen', 'Sabine', 'Uwe'],
  french: ['Louis', 'Camille', 'Hugo', 'Chloé', 'Thomas', 'Manon', 'Nicolas', 'Léa', 'Julien', 'Élodie', 'Antoine', 'Inès'],
  spanish: ['Alejandro', 'Lucía', 'Carlos', 'María', 'Javier', 'Sofía', 'Diego', 'Valentina', 'Pablo', 'Camila', 'José'],
  portuguese: ['João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Mariana', 'Gabriel', 'Juliana', 'Rafael', 'Fernanda'],
  indian: ['Rahul', 'Priya', 'Amit', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Pooja', 'Rohan', 'Kavya', 'Sanjay', 'Deepa'],
  chinese: ['Wei', 'Fang', 'Jun', 'Li', 'Hao', 'Xin', 'Ming', 'Yan', 'Lei', 'Jing', 'Tao', 'Mei'],
  japanese: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Takumi', 'Sakura', 'Kenji', 'Yuki'],
  nordic: ['Lars', 'Emma', 'Erik', 'Ingrid', 'Johan', 'Freja', 'Anders', 'Astrid', 'Nils', 'Elin'],
  dutch: ['Daan', 'Sanne', 'Bram', 'Fleur', 'Joost', 'Lotte', 'Sem', 'Anouk', 'Ruud', 'Marieke'],
  italian: ['Marco', 'Giulia', 'Alessandro', 'Francesca', 'Luca', 'Chiara', 'Matteo', 'Sara', 'Davide', 'Elena'],
};

const LAST_NAMES: Record<NamePool, readonly string[]> = {
  anglo: [
    'Smith',
    'Johnson',
    'Williams',
    'Brown',
    'Jones',
    'Miller',
    'Davis',
    'Wilson',
    "O'Brien",
    'Clarke',
    'Hughes',
    'Smith-Jones',
  ],
  german: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Hoffmann',
    'Schäfer',
    'Koch',
    'Groß',
  ],
  french: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fournier'],
  spanish: ['García', 'Rodríguez', 'Martínez', 'López', 'González', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez', 'Torres'],
  portuguese: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Lima'],
  indian: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Joshi', 'Rao', 'Das'],
  chinese: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Tan', 'Lim'],
  japanese: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
  nordic: ['Andersson', 'Johansson', 'Larsen', 'Nielsen', 'Lindqvist', 'Berg', 'Hansen', 'Eriksson', 'Dahl', 'Holm'],
  dutch: ['de Vries', 'van den Berg', 'Jansen', 'Bakker', 'Visser', 'Smit', 'de Jong', 'van Dijk', 'Meijer', 'Mulder'],
  italian: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
};

const POOLS = Object.keys(FIRST_NAMES) as NamePool[];

const FREE_MAIL = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'proton.me'];
const LOCAL_FREE_MAIL: Partial<Record<NamePool, readonly string[]>> = {
  german: ['gmx.de', 'web.de', 't-online.de'],
  french: ['orange.fr', 'free.fr'],
  indian: ['rediffmail.com', 'yahoo.co.in'],
  chinese: ['qq.com', '163.com'],
  japanese: ['yahoo.co.jp'],
  portuguese: ['uol.com.br', 'bol.com.br'],
};

/** Draws a person from the country's name pool (15% from any pool: a global workforce). */
export function makePerson(rng: Rng, country: Country, companyDomain: string | null): Person {
  const pool = rng.bernoulli(0.15) ? rng.pick(POOLS) : country.namePool;
  const first = rng.pick(FIRST_NAMES[pool]);
  const last = rng.pick(LAST_NAMES[pool]);
  const email =
    companyDomain === null ? freeMailAddress(rng, first, last, pool) : companyAddress(rng, first, last, companyDomain);
  const phone = rng.bernoulli(0.62) ? fillDigits(rng.pick(country.phoneFormats), rng) : '';
  return { firstName: typedName(rng, first), lastName: typedName(rng, last), email, phone };
}

function typedName(rng: Rng, name: string): string {
  const r = rng.next();
  if (r < 0.04) return name.toLowerCase();
  if (r < 0.055) return name.toUpperCase();
  if (r < 0.07) return name + ' ';
  return name;
}

function companyAddress(rng: Rng, first: string, last: string, domain: string): string {
  const f = toAsciiSlug(first);
  const l = toAsciiSlug(last);
  const r = rng.next();
  const local = r < 0.55 ? `${f}.${l}` : r < 0.75 ? `${f[0]}${l}` : r < 0.88 ? f : r < 0.95 ? `${f}_${l}` : `${l}.${f}`;
  const address = `${local}@${domain}`;
  return rng.bernoulli(0.03) ? capitalizeFirst(address) : address;
}

function freeMailAddress(rng: Rng, first: string, last: string, pool: NamePool): string {
  const local = LOCAL_FREE_MAIL[pool];
  const domain = local && rng.bernoulli(0.4) ? rng.pick(local) : rng.pick(FREE_MAIL);
  const f = toAsciiSlug(first);
  const l = toAsciiSlug(last);
  const r = rng.next();
  const number = String(rng.int(100));
  const name =
    r < 0.4 ? `${f}.${l}` : r < 0.65 ? `${f}${l}${number}` : r < 0.85 ? `${f[0]}${l}${number}` : `${f}.${l}${1960 + rng.int(45)}`;
  const address = `${name}@${domain}`;
  return rng.bernoulli(0.04) ? capitalizeFirst(address) : address;
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
