import { ConfigError } from '../../core/errors.js';
import { errorAtLine } from '../error-at-line.js';

/**
 * `JSON.parse` whose syntax errors are `ConfigError`s naming the file, line and
 * column ("my.json: line 3, column 14: expected ',' or '}' after a property value").
 */
export function parseJsonText(text: string, file?: string): unknown {
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    const message = (error as Error).message;
    const offset = errorOffset(stripBom(text), message);
    const { line, column } = lineAndColumn(stripBom(text), offset);
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/^Unexpected end of JSON input$/, 'unexpected end of the file')
      .replace(/^./, (c) => c.toLowerCase())
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/\t/g, '\\t');
    throw errorAtLine(ConfigError, file, line, `line ${line}, column ${column}: not valid JSON: ${reason}`);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Character offset of a syntax error. V8 states it ("… at position 42") for most
 * errors; for an unexpected token it does not, so the offset is found as the length
 * of the longest prefix that still parses as far as it goes (its error is "end of
 * input", or sits at its very end).
 */
function errorOffset(text: string, message: string): number {
  const stated = /at position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (isViablePrefix(text.slice(0, mid))) good = mid;
    else bad = mid;
  }
  return good;
}

function isViablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    if (/Unexpected end of JSON input/.test(message)) return true;
    const stated = /at position (\d+)/.exec(message);
    return stated !== null && Number(stated[1]) >= prefix.length;
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
