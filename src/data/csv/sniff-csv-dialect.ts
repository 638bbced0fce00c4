/** Delimiter and line ending of a CSV file. */
export interface CsvDialect {
  delimiter: string;
  /** '\n' for LF and CRLF files (a CR before the LF is dropped), '\r' for old Mac files. */
  newline: '\n' | '\r';
}

/** Delimiters tried by the sniffer, in order of preference on ties. */
export const CANDIDATE_DELIMITERS: readonly string[] = [',', ';', '\t', '|'];

const QUOTE = 34;
const CR = 13;
const MAX_SNIFF_LINES = 50;

/**
 * Guesses the delimiter from the first lines of a CSV text (the header and up to 49
 * more), counting candidate characters outside quoted fields. The winner is the
 * candidate that appears in the header and whose count is the same on the most lines;
 * more columns break ties, then the order of `CANDIDATE_DELIMITERS`. A file with
 * none of them is a single column and gets ','.
 *
 * `complete` says the sample is the whole file; otherwise its last line may be cut
 * short and is ignored.
 */
export function sniffCsvDialect(sample: string, complete: boolean): CsvDialect {
  const newline = sniffNewline(sample);
  const counts = countPerLine(sample, newline.charCodeAt(0), complete);
  let best = ',';
  let bestScore = -1;
  let bestWidth = 0;
  for (const candidate of CANDIDATE_DELIMITERS) {
    const perLine = counts.get(candidate) ?? [];
    const width = perLine[0] ?? 0;
    if (width === 0) continue;
    const consistent = perLine.filter((c) => c === width).length / perLine.length;
    if (consistent > bestScore || (consistent === bestScore && width > bestWidth)) {
      best = candidate;
      bestScore = consistent;
      bestWidth = width;
    }
  }
  return { delimiter: best, newline };
}

/** LF (with or without CR) unless the sample has bare CRs and no LF at all. */
function sniffNewline(sample: string): '\n' | '\r' {
  if (sample.indexOf('\n') >= 0) return '\n';
  const cr = sample.indexOf('\r');
  return cr >= 0 && cr < sample.length - 1 ? '\r' : '\n';
}

/** For each candidate, how many times it occurs outside quotes on each non-blank line. */
function countPerLine(sample: string, newlineCode: number, complete: boolean): Map<string, number[]> {
  const codes = CANDIDATE_DELIMITERS.map((d) => d.charCodeAt(0));
  const result = new Map<string, number[]>(CANDIDATE_DELIMITERS.map((d) => [d, []]));
  let current = codes.map(() => 0);
  let inQuotes = false;
  let lineLength = 0;
  let lines = 0;
  const finishLine = (): void => {
    if (lineLength > 0) {
      CANDIDATE_DELIMITERS.forEach((d, k) => {
        result.get(d)!.push(current[k]);
      });
      lines++;
    }
    current = codes.map(() => 0);
    lineLength = 0;
  };
  for (let i = 0; i < sample.length && lines < MAX_SNIFF_LINES; i++) {
    const c = sample.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    if (inQuotes) {
      lineLength++;
      continue;
    }
    if (c === newlineCode) {
      finishLine();
      continue;
    }
    if (c === CR) continue;
    lineLength++;
    const k = codes.indexOf(c);
    if (k >= 0) current[k]++;
  }
  if (complete && !inQuotes) finishLine();
  if (lines === 0) finishLine();
  return result;
}
