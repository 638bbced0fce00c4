import { columnValues } from '../column-values.js';
import type { Dataset } from '../datasets/load-dataset.js';

/** A page of the event log and how many events landed on it. */
export interface PageCount {
  url: string;
  title: string | null;
  events: number;
}

/** The most visited pages (URL without query or fragment), with the title seen most with each. */
export function topPages(dataset: Dataset, count = 20): PageCount[] {
  const e = dataset.config.events;
  if (!dataset.events || !e?.url) return [];
  const urls = columnValues(dataset.events, e.url);
  const titles = e.title ? columnValues(dataset.events, e.title) : null;
  const pages = new Map<string, { events: number; titles: Map<string, number> }>();
  for (let k = 0; k < urls.length; k++) {
    const raw = urls[k];
    if (raw === null || raw === undefined) continue;
    const url = String(raw)
      .trim()
      .replace(/[?#].*$/, '');
    const page = pages.get(url) ?? { events: 0, titles: new Map<string, number>() };
    page.events++;
    const title = titles?.[k];
    if (title !== null && title !== undefined) page.titles.set(String(title), (page.titles.get(String(title)) ?? 0) + 1);
    pages.set(url, page);
  }
  return [...pages.entries()]
    .sort((a, b) => b[1].events - a[1].events || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([url, p]) => ({ url, title: [...p.titles.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null, events: p.events }));
}
