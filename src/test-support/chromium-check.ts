import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from '../plot/save-figure.js';

/** What a page showed in headless Chromium: rendered plotly charts and any page errors. */
export interface PageCheck {
  charts: number;
  /** Charts that drew their SVG layers. */
  renderedCharts: number;
  errors: string[];
  failedRequests: string[];
}

export function hasChromium(): boolean {
  return existsSync(chromiumPath());
}

/** Opens a file or URL in headless Chromium and counts the plotly charts that rendered. */
export async function checkPageCharts(url: string): Promise<PageCheck> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    const failedRequests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => failedRequests.push(r.url()));
    await page.goto(url.includes('://') ? url : `file://${url}`);
    await page.waitForLoadState('load');
    const allDrawn = `[...document.querySelectorAll('.js-plotly-plot')].every((p) => p.querySelector('svg.main-svg') !== null)`;
    await page.waitForFunction(allDrawn, undefined, { timeout: 15_000 }).catch(() => undefined);
    const counts = (await page.evaluate(`(() => {
      const plots = [...document.querySelectorAll('.js-plotly-plot')];
      return { charts: plots.length, rendered: plots.filter((p) => p.querySelector('svg.main-svg') !== null && p.querySelectorAll('path, rect').length > 0).length };
    })()`)) as { charts: number; rendered: number };
    return { charts: counts.charts, renderedCharts: counts.rendered, errors, failedRequests };
  } finally {
    await browser.close();
  }
}
