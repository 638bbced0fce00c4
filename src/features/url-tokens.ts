/**
 * Tokenizing page URLs and content titles into lower-case words for segmentation:
 * the host's meaningful parts, the path split on `/ - _ .`, and the title's words,
 * without stop words, numbers or file extensions; plurals folded ("webinars" → "webinar").
 */

const STOPWORDS = new Set(
  (
    'a an and are as at be by for from how in into is it its of on or our the to vs what when why with your you we ' +
    'us this that these those can do does not all any more most new best top using use about than then there their ' +
    'www http https com org net io co html htm php aspx jsp asp index'
  ).split(' '),
);

const SPLIT = /[^a-z0-9]+/;

/** Lower-case words of a free text, split on anything that is not a letter or digit. */
export function textTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(SPLIT)) {
    const token = normalizeToken(raw);
    if (token) out.push(token);
  }
  return out;
}

export interface UrlTokens {
  /** Host words other than www and the top-level domain. */
  host: string[];
  /** Path words in order (first segment first). */
  path: string[];
}

/** Splits a URL (absolute or a bare path) into host and path words; query and fragment are ignored. */
export function urlTokens(url: string): UrlTokens {
  const trimmed = url.trim();
  let host = '';
  let path = trimmed;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)/i.exec(trimmed);
  if (scheme) {
    host = scheme[1].toLowerCase().replace(/:\d+$/, '');
    path = scheme[2];
  } else {
    path = trimmed.replace(/[?#].*$/, '');
  }
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep the raw path when it holds a stray %
  }
  const hostParts = host.split('.').filter((p) => p.length > 0);
  if (hostParts.length > 1) hostParts.pop(); // the top-level domain
  return { host: hostParts.flatMap((p) => textTokens(p)), path: textTokens(decoded) };
}

/** A page's identity for counting distinct pages: host and path, lower-cased, without query, fragment or trailing slash. */
export function pageKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** Lower-cased, plural-folded token; empty for stop words, numbers and single characters. */
export function normalizeToken(raw: string): string {
  if (raw.length < 2 || /^\d+$/.test(raw) || STOPWORDS.has(raw)) return '';
  return foldPlural(raw);
}

/** "webinars" → "webinar", "studies" → "study"; leaves "class", "sales"-like words of 4 letters or fewer alone. */
export function foldPlural(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 4 && token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is')) {
    return token.slice(0, -1);
  }
  return token;
}
