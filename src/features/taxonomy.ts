import { InputError } from '../core/errors.js';
import { foldPlural, textTokens, type UrlTokens, urlTokens } from './url-tokens.js';

/** A named segment and the words that put a page in it. */
export interface TaxonomySegment {
  name: string;
  keywords: string[];
}

/**
 * How pages are segmented: page types (the first matching word wins: site section, then
 * path words in order, so /resources/videos/sap-demo is a resource) and themes (every matching theme counts).
 * Plain, editable JSON; it is applied to URLs never seen in training, so a new page lands
 * in the same segments as its neighbours.
 */
export interface Taxonomy {
  version: 1;
  pageTypes: TaxonomySegment[];
  themes: TaxonomySegment[];
}

/** The page type of a page whose path has no words (the site root). */
export const HOME_PAGE_TYPE = 'home';
/** The page type of a page that matches none. */
export const OTHER_PAGE_TYPE = 'other';

/** Page types every B2B site has, with the words that mark them, in priority order. */
export const DEFAULT_PAGE_TYPES: readonly TaxonomySegment[] = [
  { name: 'demo', keywords: ['demo', 'demonstration', 'walkthrough', 'request'] },
  { name: 'pricing', keywords: ['pricing', 'price', 'plan', 'quote', 'cost', 'buy', 'purchase', 'checkout', 'edition'] },
  { name: 'contact', keywords: ['contact', 'sale', 'talk', 'meeting', 'expert', 'callback'] },
  { name: 'conversion', keywords: ['free', 'trial', 'signup', 'register', 'registration', 'download', 'start', 'try'] },
  {
    name: 'resource',
    keywords: [
      'resource',
      'ebook',
      'whitepaper',
      'white',
      'paper',
      'guide',
      'report',
      'webinar',
      'case',
      'study',
      'datasheet',
      'checklist',
      'playbook',
      'video',
      'podcast',
      'library',
      'template',
      'event',
    ],
  },
  {
    name: 'help',
    keywords: [
      'help',
      'support',
      'doc',
      'docs',
      'install',
      'documentation',
      'faq',
      'kb',
      'knowledge',
      'community',
      'forum',
      'academy',
      'training',
      'onboarding',
      'tutorial',
      'status',
      'login',
      'account',
    ],
  },
  { name: 'blog', keywords: ['blog', 'news', 'article', 'post', 'insight', 'story'] },
  { name: 'product', keywords: ['product', 'solution', 'feature', 'platform', 'compare', 'integration', 'customer', 'partner'] },
  { name: HOME_PAGE_TYPE, keywords: ['home', 'homepage'] },
];

/** Checks a taxonomy someone edited: names, keywords, no duplicate names. */
export function parseTaxonomy(value: unknown, source = 'taxonomy'): Taxonomy {
  const fail = (message: string): never => {
    throw new InputError(`${source}: ${message}`);
  };
  if (!value || typeof value !== 'object') fail('expected an object with "pageTypes" and "themes"');
  const v = value as Record<string, unknown>;
  if (v.version !== 1) fail(`"version" must be 1, got ${JSON.stringify(v.version)}`);
  const segments = (key: 'pageTypes' | 'themes'): TaxonomySegment[] => {
    const list = v[key];
    if (!Array.isArray(list)) return fail(`"${key}" must be a list of { "name", "keywords" }`);
    const seen = new Set<string>();
    return list.map((s, i) => {
      if (!s || typeof s.name !== 'string' || s.name.trim() === '') fail(`${key}[${i}].name must be a non-empty string`);
      if (!Array.isArray(s.keywords) || s.keywords.some((k: unknown) => typeof k !== 'string' || k.trim() === '')) {
        fail(`${key}[${i}].keywords must be a list of non-empty strings`);
      }
      if (seen.has(s.name)) fail(`${key} has "${s.name}" twice`);
      seen.add(s.name);
      return { name: s.name, keywords: s.keywords.map((k: string) => foldPlural(k.trim().toLowerCase())) };
    });
  };
  return { version: 1, pageTypes: segments('pageTypes'), themes: segments('themes') };
}

/** A taxonomy ready to segment pages fast. */
export class TaxonomyMatcher {
  private readonly pageTypeOf = new Map<string, string>();
  private readonly themesOf = new Map<string, string[]>();
  readonly pageTypes: string[];
  readonly themes: string[];

  constructor(readonly taxonomy: Taxonomy) {
    for (const segment of taxonomy.pageTypes) {
      for (const k of segment.keywords) if (!this.pageTypeOf.has(k)) this.pageTypeOf.set(k, segment.name);
    }
    for (const segment of taxonomy.themes) {
      for (const k of segment.keywords) this.themesOf.set(k, [...(this.themesOf.get(k) ?? []), segment.name]);
    }
    const types = taxonomy.pageTypes.map((s) => s.name);
    this.pageTypes = types.includes(HOME_PAGE_TYPE) ? [...types, OTHER_PAGE_TYPE] : [...types, HOME_PAGE_TYPE, OTHER_PAGE_TYPE];
    this.themes = taxonomy.themes.map((s) => s.name);
  }

  /**
   * Page type of a page: a host word that marks a type (a site section such as docs. or
   * support.), else the first path word that does, else home for the bare site root, else
   * the first title word that does.
   */
  pageType(tokens: UrlTokens, title: readonly string[]): string {
    for (const t of tokens.host) {
      const type = this.pageTypeOf.get(t);
      if (type) return type;
    }
    for (const t of tokens.path) {
      const type = this.pageTypeOf.get(t);
      if (type) return type;
    }
    if (tokens.path.length === 0) return HOME_PAGE_TYPE;
    for (const t of title) {
      const type = this.pageTypeOf.get(t);
      if (type) return type;
    }
    return OTHER_PAGE_TYPE;
  }

  /** Every theme whose keywords occur in the page's path or title words. */
  pageThemes(tokens: UrlTokens, title: readonly string[]): string[] {
    const found = new Set<string>();
    for (const list of [tokens.path, title]) {
      for (const t of list) for (const theme of this.themesOf.get(t) ?? []) found.add(theme);
    }
    return this.themes.filter((t) => found.has(t));
  }

  /** Segments one page given its URL and title. */
  segment(url: string | null, title: string | null): { pageType: string; themes: string[]; words: string[] } {
    const tokens = url ? urlTokens(url) : { host: [], path: [] };
    const titleWords = title ? textTokens(title) : [];
    const pageType = url || title ? this.pageType(tokens, titleWords) : OTHER_PAGE_TYPE;
    return { pageType, themes: this.pageThemes(tokens, titleWords), words: [...tokens.path, ...titleWords] };
  }
}
