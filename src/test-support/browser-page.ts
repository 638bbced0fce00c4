import type { Browser, Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../plot/save-figure.js';

/** A page open in headless Chromium, with everything that went wrong on it recorded. */
export interface BrowserPage {
  page: Page;
  /** Uncaught errors and console errors of the page. */
  errors: string[];
  /** Requests that failed at the network level (refused, blocked, aborted). */
  failedRequests: string[];
  /** Every URL the page requested. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Opens a URL in the system's headless Chromium (never a downloaded browser) and records page
 * errors, console errors and every request, so a test can assert a page works offline.
 */
export async function openBrowserPage(url: string): Promise<BrowserPage> {
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    const failedRequests: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
    await page.goto(url);
    return { page, errors, failedRequests, requests, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
