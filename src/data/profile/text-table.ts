export type Align = 'left' | 'right';

/**
 * Renders rows as a plain-text table with aligned columns (no borders), for
 * terminals: a header line, a rule of dashes, then the rows. Cells are padded to
 * the widest cell of their column; `align` sets left or right alignment per column.
 */
export function formatTextTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
  indent = 2,
): string {
  const widths = headers.map((h, j) => Math.max(width(h), ...rows.map((r) => width(r[j] ?? ''))));
  const pad = ' '.repeat(indent);
  const line = (cells: readonly string[]): string =>
    pad +
    cells
      .map((cell, j) => {
        const fill = ' '.repeat(widths[j] - width(cell));
        return align[j] === 'right' ? fill + cell : j === cells.length - 1 ? cell : cell + fill;
      })
      .join('  ')
      .trimEnd();
  const rule = pad + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** Cuts text to `max` characters, marking the cut with an ellipsis; line breaks become spaces. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return width(flat) <= max ? flat : `${[...flat].slice(0, max - 1).join('')}…`;
}

/** Display width in code points (good enough for the Latin text of column names and values). */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
