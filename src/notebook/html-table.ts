import { escapeHtml } from '../plot/figure-html.js';

export type Cell = string | number | boolean | null | undefined;

export interface HtmlTableOptions {
  caption?: string;
  /** Column order (default: the keys of the first row). */
  columns?: string[];
  /** Decimal places for non-integer numbers (default 3). */
  digits?: number;
  /** Show at most this many rows (default 50); the rest are counted in a footer. */
  maxRows?: number;
}

/** Formats one value for display: integers with thousands separators, other numbers rounded. */
export function formatCell(value: Cell, digits = 3): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return value.toLocaleString('en-US');
    return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }
  if (typeof value === 'object') {
    // A nested value (an object built elsewhere and passed through as it is) reads as JSON, never as "[object Object]".
    return JSON.stringify(value, (_, v) =>
      typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(digits + 1)) : v,
    );
  }
  return String(value);
}

/** An HTML table of plain objects, numbers right-aligned. */
export function toHtmlTable(rows: readonly Record<string, Cell>[], options: HtmlTableOptions = {}): string {
  const columns = options.columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const maxRows = options.maxRows ?? 50;
  const shown = rows.slice(0, maxRows);
  const head = columns.map((c) => `<th style="text-align:left">${escapeHtml(c)}</th>`).join('');
  const body = shown
    .map((row) => {
      const cells = columns.map((c) => {
        const v = row[c];
        const align = typeof v === 'number' ? 'right' : 'left';
        return `<td style="text-align:${align}">${escapeHtml(formatCell(v, options.digits))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const caption = options.caption
    ? `<caption style="text-align:left;font-weight:600">${escapeHtml(options.caption)}</caption>`
    : '';
  const more =
    rows.length > shown.length
      ? `<tfoot><tr><td colspan="${columns.length}">… ${rows.length - shown.length} more rows</td></tr></tfoot>`
      : '';
  return `<table class="leadstack-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody>${more}</table>`;
}
