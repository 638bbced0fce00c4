/**
 * Countries the vendor sells into: region, share of companies, time zone, how people
 * write the country name, phone formats (fictional number ranges) and company suffixes.
 */

export type NamePool =
  | 'anglo'
  | 'german'
  | 'french'
  | 'spanish'
  | 'portuguese'
  | 'indian'
  | 'chinese'
  | 'japanese'
  | 'nordic'
  | 'dutch'
  | 'italian';

export interface Country {
  /** Spellings seen in the CRM; the first is canonical, later ones are what people type. */
  names: readonly string[];
  /** Index into REGIONS. */
  region: number;
  /** Relative share of companies. */
  weight: number;
  /** Hours ahead of UTC (standard time). */
  utcOffset: number;
  tld: string;
  namePool: NamePool;
  /** '#' is a random digit. */
  phoneFormats: readonly string[];
  /** Legal-form suffixes of company names ('' = none). */
  suffixes: readonly string[];
}

const NA = 0;
const EMEA = 1;
const APAC = 2;
const LATAM = 3;

export const COUNTRIES: readonly Country[] = [
  {
    names: ['United States', 'USA', 'US', 'United States of America', 'united states'],
    region: NA,
    weight: 30,
    utcOffset: -6,
    tld: 'com',
    namePool: 'anglo',
    phoneFormats: ['+1 (###) 555-01##', '###-555-01##', '+1 ###.555.01##', '(###) 555-01##', '1###55501##'],
    suffixes: ['Inc.', ', Inc.', 'LLC', 'Corp.', '', ''],
  },
  {
    names: ['Canada', 'CA', 'canada'],
    region: NA,
    weight: 4,
    utcOffset: -5,
    tld: 'ca',
    namePool: 'anglo',
    phoneFormats: ['+1 (###) 555-01##', '###-555-01##'],
    suffixes: ['Inc.', 'Ltd.', ''],
  },
  {
    names: ['United Kingdom', 'UK', 'Great Britain', 'England'],
    region: EMEA,
    weight: 9,
    utcOffset: 0,
    tld: 'co.uk',
    namePool: 'anglo',
    phoneFormats: ['+44 20 7946 0###', '020 7946 0###', '+44 (0)161 496 0###', '07700 900###'],
    suffixes: ['Ltd', 'plc', 'Limited', ''],
  },
  {
    names: ['Germany', 'Deutschland', 'DE', 'germany'],
    region: EMEA,
    weight: 8,
    utcOffset: 1,
    tld: 'de',
    namePool: 'german',
    phoneFormats: ['+49 30 #######', '0049 89 ########', '+49 (0)40 ######', '030-#######'],
    suffixes: ['GmbH', 'AG', 'SE', 'GmbH & Co. KG'],
  },
  {
    names: ['France', 'FR'],
    region: EMEA,
    weight: 4,
    utcOffset: 1,
    tld: 'fr',
    namePool: 'french',
    phoneFormats: ['+33 1 ## ## ## ##', '01 ## ## ## ##', '+33 (0)6 ## ## ## ##'],
    suffixes: ['SA', 'SAS', ''],
  },
  {
    names: ['Netherlands', 'The Netherlands', 'Holland', 'NL'],
    region: EMEA,
    weight: 2.5,
    utcOffset: 1,
    tld: 'nl',
    namePool: 'dutch',
    phoneFormats: ['+31 20 ### ####', '020-#######'],
    suffixes: ['B.V.', 'N.V.', ''],
  },
  {
    names: ['Switzerland', 'Schweiz', 'CH'],
    region: EMEA,
    weight: 2,
    utcOffset: 1,
    tld: 'ch',
    namePool: 'german',
    phoneFormats: ['+41 44 ### ## ##', '044 ### ## ##'],
    suffixes: ['AG', 'SA', 'GmbH'],
  },
  {
    names: ['Sweden', 'SE'],
    region: EMEA,
    weight: 1.5,
    utcOffset: 1,
    tld: 'se',
    namePool: 'nordic',
    phoneFormats: ['+46 8 ### ### ##', '08-### ### ##'],
    suffixes: ['AB', ''],
  },
  {
    names: ['Spain', 'España', 'ES'],
    region: EMEA,
    weight: 1.5,
    utcOffset: 1,
    tld: 'es',
    namePool: 'spanish',
    phoneFormats: ['+34 91 ### ## ##', '+34 6## ### ###'],
    suffixes: ['S.A.', 'S.L.', ''],
  },
  {
    names: ['Italy', 'Italia', 'IT'],
    region: EMEA,
    weight: 1.5,
    utcOffset: 1,
    tld: 'it',
    namePool: 'italian',
    phoneFormats: ['+39 02 #### ####', '+39 3## ### ####'],
    suffixes: ['S.p.A.', 'S.r.l.', ''],
  },
  {
    names: ['Poland', 'Polska', 'PL'],
    region: EMEA,
    weight: 1,
    utcOffset: 1,
    tld: 'pl',
    namePool: 'german',
    phoneFormats: ['+48 22 ### ## ##', '+48 ### ### ###'],
    suffixes: ['Sp. z o.o.', 'S.A.'],
  },
  {
    names: ['South Africa', 'ZA'],
    region: EMEA,
    weight: 0.8,
    utcOffset: 2,
    tld: 'co.za',
    namePool: 'anglo',
    phoneFormats: ['+27 21 ### ####', '021 ### ####'],
    suffixes: ['(Pty) Ltd', 'Ltd', ''],
  },
  {
    names: ['United Arab Emirates', 'UAE', 'U.A.E.'],
    region: EMEA,
    weight: 0.8,
    utcOffset: 4,
    tld: 'ae',
    namePool: 'indian',
    phoneFormats: ['+971 4 ### ####', '+971 50 ### ####'],
    suffixes: ['LLC', 'FZ-LLC', ''],
  },
  {
    names: ['India', 'IN', 'india'],
    region: APAC,
    weight: 7,
    utcOffset: 5.5,
    tld: 'in',
    namePool: 'indian',
    phoneFormats: ['+91 98### #####', '+91-80-########', '098########', '+91 22 #### ####'],
    suffixes: ['Pvt. Ltd.', 'Private Limited', 'Ltd', ''],
  },
  {
    names: ['Australia', 'AU', 'australia'],
    region: APAC,
    weight: 3,
    utcOffset: 10,
    tld: 'com.au',
    namePool: 'anglo',
    phoneFormats: ['+61 2 5550 ####', '(02) 5550 ####', '+61 4## ### ###'],
    suffixes: ['Pty Ltd', 'Ltd', ''],
  },
  {
    names: ['Singapore', 'SG'],
    region: APAC,
    weight: 1.5,
    utcOffset: 8,
    tld: 'com.sg',
    namePool: 'chinese',
    phoneFormats: ['+65 6### ####', '+65 9### ####'],
    suffixes: ['Pte. Ltd.', ''],
  },
  {
    names: ['Japan', 'JP'],
    region: APAC,
    weight: 1.5,
    utcOffset: 9,
    tld: 'co.jp',
    namePool: 'japanese',
    phoneFormats: ['+81 3-####-####', '03-####-####'],
    suffixes: ['K.K.', 'Co., Ltd.', ''],
  },
  {
    names: ['China', 'CN', "People's Republic of China"],
    region: APAC,
    weight: 1,
    utcOffset: 8,
    tld: 'cn',
    namePool: 'chinese',
    phoneFormats: ['+86 10 #### ####', '+86 138 #### ####'],
    suffixes: ['Co., Ltd.', 'Ltd.', ''],
  },
  {
    names: ['Brazil', 'Brasil', 'BR'],
    region: LATAM,
    weight: 3,
    utcOffset: -3,
    tld: 'com.br',
    namePool: 'portuguese',
    phoneFormats: ['+55 11 9####-####', '(11) 9####-####', '+55 21 ####-####'],
    suffixes: ['Ltda.', 'S.A.', ''],
  },
  {
    names: ['Mexico', 'México', 'MX'],
    region: LATAM,
    weight: 2,
    utcOffset: -6,
    tld: 'com.mx',
    namePool: 'spanish',
    phoneFormats: ['+52 55 #### ####', '55 #### ####'],
    suffixes: ['S.A. de C.V.', ''],
  },
  {
    names: ['Argentina', 'AR'],
    region: LATAM,
    weight: 0.8,
    utcOffset: -3,
    tld: 'com.ar',
    namePool: 'spanish',
    phoneFormats: ['+54 11 ####-####'],
    suffixes: ['S.A.', 'S.R.L.', ''],
  },
  {
    names: ['Colombia', 'CO'],
    region: LATAM,
    weight: 0.7,
    utcOffset: -5,
    tld: 'com.co',
    namePool: 'spanish',
    phoneFormats: ['+57 1 ### ####', '+57 3## ### ####'],
    suffixes: ['S.A.S.', 'S.A.', ''],
  },
  {
    names: ['Chile', 'CL'],
    region: LATAM,
    weight: 0.5,
    utcOffset: -4,
    tld: 'cl',
    namePool: 'spanish',
    phoneFormats: ['+56 2 #### ####', '+56 9 #### ####'],
    suffixes: ['S.A.', 'SpA', ''],
  },
];

/** Indices of COUNTRIES per region. */
export const COUNTRIES_BY_REGION: readonly (readonly number[])[] = [0, 1, 2, 3].map((region) =>
  COUNTRIES.flatMap((country, index) => (country.region === region ? [index] : [])),
);
