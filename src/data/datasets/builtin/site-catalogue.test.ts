import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../../core/rng.js';
import { eventUrl } from './site-behaviour.js';
import { KIND, PAGE_KINDS, pickPage, SITE_PAGES, STAGE_OF_KIND } from './site-catalogue.js';
import { CH_GOOGLE, THEMES } from './taxonomy.js';

test('every page kind has pages and every theme has e-books, webinars and docs', () => {
  assert.equal(STAGE_OF_KIND.length, PAGE_KINDS.length);
  for (const [kind, name] of PAGE_KINDS.entries())
    assert.ok(
      SITE_PAGES.some((p) => p.kind === kind),
      name,
    );
  THEMES.forEach((_, theme) => {
    for (const kind of [KIND.ebook, KIND.webinar, KIND.docs, KIND.solution, KIND.blog]) {
      assert.ok(
        SITE_PAGES.some((p) => p.kind === kind && p.theme === theme),
        `${THEMES[theme]} ${PAGE_KINDS[kind]}`,
      );
    }
  });
});

test('URLs are unique, absolute https URLs on the vendor domain, and campaign tags keep them valid', () => {
  const urls = SITE_PAGES.map((p) => p.url);
  assert.equal(new Set(urls).size, urls.length);
  for (const [index, page] of SITE_PAGES.entries()) {
    const url = new URL(eventUrl(index, CH_GOOGLE, true));
    assert.equal(url.protocol, 'https:');
    assert.match(url.hostname, /^(www|docs|community|academy|support)\.qualivo\.com$/);
    assert.equal(url.searchParams.get('utm_source'), 'google');
    assert.ok(!/[",\s]/.test(page.url), page.url);
    assert.ok(page.title.trim() === page.title && page.title.length > 3);
  }
});

test('pickPage prefers the lead theme but also strays to other themes', () => {
  const rng = new Rng(3);
  const sap = THEMES.indexOf('sap');
  const themes = Array.from({ length: 400 }, () => SITE_PAGES[pickPage(rng, KIND.blog, sap)].theme);
  const onTheme = themes.filter((t) => t === sap).length / themes.length;
  assert.ok(onTheme > 0.6 && onTheme < 0.9, `on theme ${onTheme}`);
});
