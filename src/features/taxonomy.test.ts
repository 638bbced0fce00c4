import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PAGE_TYPES, parseTaxonomy, type Taxonomy, TaxonomyMatcher } from './taxonomy.js';
import { proposeTaxonomy } from './taxonomy-proposal.js';
import { foldPlural, pageKey, textTokens, urlTokens } from './url-tokens.js';

const taxonomy: Taxonomy = {
  version: 1,
  pageTypes: DEFAULT_PAGE_TYPES.map((s) => ({ ...s, keywords: [...s.keywords] })),
  themes: [
    { name: 'sap', keywords: ['sap', 's4hana', 'fiori'] },
    { name: 'devops', keywords: ['devop', 'jenkins', 'pipeline'] },
    { name: 'cloud', keywords: ['cloud', 'aws', 'azure'] },
  ],
};
const matcher = new TaxonomyMatcher(taxonomy);

test('URLs split into host and path words without query, scheme, top-level domain or stop words', () => {
  assert.deepEqual(urlTokens('https://www.example.com/Resources/White-Papers/testing_in_the.cloud.html?utm_source=x#top'), {
    host: ['example'],
    path: ['resource', 'white', 'paper', 'testing', 'cloud'],
  });
  assert.deepEqual(urlTokens('/blog/2024/10/why-tests-fail'), {
    host: [],
    path: ['blog', 'why', 'test', 'fail'].filter((w) => w !== 'why'),
  });
  assert.deepEqual(textTokens('Webinar: Scaling Test Automation Across Teams'), [
    'webinar',
    'scaling',
    'test',
    'automation',
    'across',
    'team',
  ]);
  assert.equal(foldPlural('studies'), 'study');
  assert.equal(foldPlural('class'), 'class');
  assert.equal(pageKey('https://X.com/Pricing/?a=1'), 'https://x.com/pricing');
});

test('pages never seen in training land in the page type of their first telling path word', () => {
  const cases: [string, string | null, string][] = [
    ['https://www.example.com/resources/ebooks/a-brand-new-guide-2027', null, 'resource'],
    ['https://www.example.com/pricing/teams-annual', null, 'pricing'],
    ['https://www.example.com/demo/new-product-line', null, 'demo'],
    ['https://www.example.com/request-a-demo', null, 'demo'],
    ['https://www.example.com/free-trial/start-now', null, 'conversion'],
    ['https://www.example.com/contact-sales', null, 'contact'],
    ['https://docs.example.com/getting-started/install', null, 'help'],
    ['https://community.example.com/t/flaky-tests', null, 'help'],
    ['https://www.example.com/blog/sap-s4hana-upgrade-tips', null, 'blog'],
    ['https://www.example.com/', null, 'home'],
    ['https://www.example.com', null, 'home'],
    ['https://www.example.com/xyz-2027', 'The State of Quality Report 2027', 'resource'],
    ['https://www.example.com/xyz-2027', 'Untitled', 'other'],
  ];
  for (const [url, title, expected] of cases) assert.equal(matcher.segment(url, title).pageType, expected, url);
});

test('unseen pages get every theme their path or title mentions', () => {
  assert.deepEqual(matcher.segment('https://www.example.com/blog/sap-fiori-on-azure', null).themes, ['sap', 'cloud']);
  assert.deepEqual(matcher.segment('https://www.example.com/resources/x', 'Jenkins pipelines for S/4HANA').themes, ['devops']);
  assert.deepEqual(matcher.segment('https://www.example.com/pricing', null).themes, []);
});

test('an edited taxonomy is checked and its keywords normalized', () => {
  const parsed = parseTaxonomy({ version: 1, pageTypes: [{ name: 'docs', keywords: ['Manuals'] }], themes: [] });
  assert.deepEqual(parsed.pageTypes[0].keywords, ['manual']);
  assert.throws(() => parseTaxonomy({ version: 2, pageTypes: [], themes: [] }), /"version" must be 1/);
  assert.throws(
    () =>
      parseTaxonomy({
        version: 1,
        pageTypes: [
          { name: 'a', keywords: ['x'] },
          { name: 'a', keywords: ['y'] },
        ],
        themes: [],
      }),
    /twice/,
  );
  assert.throws(
    () => parseTaxonomy({ version: 1, pageTypes: [{ name: 'a', keywords: [3] }], themes: [] }),
    /keywords must be a list/,
  );
});

test('proposed themes are frequent content words and rare dominant ones, not page-type words or the brand', () => {
  const pages = [
    ...Array.from({ length: 8 }, (_, i) => ({
      url: `https://www.acme.com/blog/devops-${i}`,
      title: `Acme DevOps ${i}`,
      events: 50,
    })),
    ...Array.from({ length: 6 }, (_, i) => ({
      url: `https://www.acme.com/resources/sap-guide-${i}`,
      title: `Acme SAP guide ${i}`,
      events: 40,
    })),
    ...Array.from({ length: 40 }, (_, i) => ({
      url: `https://www.acme.com/page-${i}`,
      title: `Acme page number ${i}`,
      events: 5,
    })),
    { url: 'https://www.acme.com/careers', title: 'Acme careers', events: 30 },
  ];
  const proposed = proposeTaxonomy(pages, { frequentThemes: 2, rareThemes: 1 });
  const names = proposed.themes.map((t) => t.name);
  assert.deepEqual(names.slice(0, 2), ['devop', 'sap']);
  assert.ok(names.includes('career'), names.join(','));
  assert.ok(!names.includes('acme') && !names.includes('blog') && !names.includes('guide'));
  assert.deepEqual(
    proposed.pageTypes.map((p) => p.name),
    DEFAULT_PAGE_TYPES.map((p) => p.name),
  );
});
