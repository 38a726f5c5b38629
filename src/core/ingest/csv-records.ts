/**
 * Reading records out of CSV text: a small indexOf-based reader that gives exactly
 * papaparse's rows for well-formed text (3–4× faster), and the recovery used when quotes are
 * broken, so that a stray quote spoils its own line and never the good rows after it.
 */

/** Rows handed to the caller at a time: a bounded live set keeps garbage collection cheap. */
export const ROW_BATCH = 1024;

/** Delimiters the fast reader handles (one character, not a quote or a line break). */
export const FAST_DELIMITERS = new Set([',', ';', '\t', '|']);

/**
 * papaparse's `skipEmptyLines: 'greedy'` test (`row.join('').trim() === ''`), short-cut for the
 * usual row whose first cell starts with a printable ASCII character.
 */
function isBlankRow(row: string[]): boolean {
  const first = row[0];
  if (first.length > 0) {
    const c = first.charCodeAt(0);
    if (c > 32 && c < 127) return false;
  }
  return row.join('').trim() === '';
}

/**
 * Whether some line of the slice (given as consecutive parts) holds an odd number of quotes,
 * that is, whether a quoted field spans a line break. Legitimate in CSV, but in establishment
 * files it is nearly always a stray quote, which would swallow the following lines.
 */
export function hasMultilineQuote(parts: string[], newline: string): boolean {
  const nl = newline === '\r' ? '\r' : '\n';
  let odd = false;
  for (const text of parts) {
    let q = text.indexOf('"');
    if (q < 0) {
      if (odd && text.indexOf(nl) >= 0) return true;
      continue;
    }
    let n = text.indexOf(nl);
    while (q >= 0) {
      while (n >= 0 && n < q) {
        if (odd) return true;
        n = text.indexOf(nl, n + 1);
      }
      odd = !odd;
      q = text.indexOf('"', q + 1);
    }
    if (odd && n >= 0) return true;
  }
  return false;
}

/** Line breaks a field may hold before its quotes are taken for broken ones. */
const MAX_FIELD_LINE_BREAKS = 2;

/**
 * Parses text that has quoted fields spanning lines. papaparse reads it; if it reports broken
 * quotes, or a field swallows more than a couple of line breaks, each line is read on its own
 * instead, so a stray quote spoils its own line and never the good rows after it.
 */
export function parseWithQuoteRecovery(text: string, parse: (t: string) => { data: string[][]; broken: boolean }, newline: string): string[][] {
  const whole = parse(text);
  const suspicious = whole.broken || whole.data.some((row) => row.some((f) => f.split('\n').length > MAX_FIELD_LINE_BREAKS + 1));
  if (!suspicious) return whole.data;
  const out: string[][] = [];
  for (const line of text.split(newline)) {
    if (line.trim() === '') continue;
    const rows = parse(line).data;
    // A line whose quote never closes is one malformed row, not a lost one.
    if (rows.length === 0) out.push([line]);
    else out.push(...rows);
  }
  return out;
}

/** Returned by readRecords when papaparse must take over at the record starting at `at`. */
export interface Handover {
  at: number;
}

/**
 * Reads up to `maxRows` records of `text` from `start` (a record boundary) into `out`, skipping
 * blank rows as papaparse's greedy mode does. Returns the position after the last record read,
 * or a Handover at the first record whose reading would differ from papaparse's well-formed
 * case: an opening quote without a closing one, or a closing quote not immediately followed by
 * the delimiter, the line break or the end of the text. With `partial`, more text follows: a
 * last record that the end of `text` cuts short is left unread (its start is returned).
 */
export function readRecords(
  text: string,
  start: number,
  maxRows: number,
  delim: string,
  newline: string,
  out: string[][],
  partial: boolean,
): number | Handover {
  const end = text.length;
  const delimCode = delim.charCodeAt(0);
  const newlineLength = newline.length;
  let nextDelim = text.indexOf(delim, start);
  let nextNewline = text.indexOf(newline, start);
  let p = start;
  while (p < end && out.length < maxRows) {
    const row: string[] = [];
    let a = p;
    let next = -1;
    while (next < 0) {
      if (text.charCodeAt(a) === 34) {
        // Quoted field: up to the first quote that is not doubled.
        let q = a;
        let escaped = false;
        for (;;) {
          q = text.indexOf('"', q + 1);
          if (q < 0) return partial ? p : { at: p };
          if (q === end - 1) {
            if (partial) return p;
            next = end;
            break;
          }
          const c = text.charCodeAt(q + 1);
          if (c === 34) {
            escaped = true;
            q++;
            continue;
          }
          if (c === delimCode || text.startsWith(newline, q + 1)) break;
          if (partial && q + 1 + newlineLength > end && newline.startsWith(text.slice(q + 1))) return p;
          return { at: p };
        }
        const value = text.slice(a + 1, q);
        row.push(escaped ? value.replaceAll('""', '"') : value);
        if (next < 0) {
          if (text.charCodeAt(q + 1) === delimCode) a = q + 2;
          else next = q + 1 + newlineLength;
        }
        // The quoted text may have held delimiters and line breaks: look again past it.
        const resume = next < 0 ? a : next;
        if (nextDelim >= 0 && nextDelim < resume) nextDelim = text.indexOf(delim, resume);
        if (nextNewline >= 0 && nextNewline < resume) nextNewline = text.indexOf(newline, resume);
        continue;
      }
      // Unquoted field: up to the next delimiter or line break; quotes inside are text.
      if (nextDelim >= 0 && (nextDelim < nextNewline || nextNewline < 0)) {
        row.push(text.slice(a, nextDelim));
        a = nextDelim + 1;
        nextDelim = text.indexOf(delim, a);
      } else if (nextNewline >= 0) {
        row.push(text.slice(a, nextNewline));
        next = nextNewline + newlineLength;
        nextNewline = text.indexOf(newline, next);
      } else {
        if (partial) return p;
        row.push(text.slice(a));
        next = end;
      }
    }
    if (!isBlankRow(row)) out.push(row);
    p = next;
  }
  return p;
}
