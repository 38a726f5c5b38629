/**
 * Word wrapping for exported images and PDFs. Measuring text is the renderer's business (a
 * canvas context, jsPDF), so the caller passes a `measure` function; the wrapping itself is
 * shared, and both renderers cut the same sentence at the same words.
 */

/** Font of a piece of text, in the layout's unit (CSS pixels for images, millimetres for PDFs). */
export interface TextStyle {
  size: number;
  bold?: boolean;
  /** Distance between two baselines. */
  lineHeight: number;
}

/** Width of `text` set in `style`, in the layout's unit. */
export type Measure = (text: string, style: TextStyle) => number;

/** Splits a word wider than the line into pieces that fit (a long file name, a URL). */
function breakWord(word: string, maxWidth: number, style: TextStyle, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && measure(piece + ch, style) > maxWidth) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Greedy word wrap of `text` into lines no wider than `maxWidth`. Explicit line breaks are
 * kept; spaces are ordinary spaces (no-break spaces, as French typography puts before « : »
 * or inside « 1 234 », never break).
 *
 * @example
 * wrapText('Sources : quartiers.geojson', 60, style, measure) // ['Sources :', 'quartiers.geojson']
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate, style) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      if (measure(word, style) <= maxWidth) line = word;
      else {
        const pieces = breakWord(word, maxWidth, style, measure);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Height taken by `lines` lines of `style`. */
export const linesHeight = (lines: number, style: TextStyle): number => lines * style.lineHeight;

/**
 * A rough measure for tests and for the first pass of a layout: an average glyph is about
 * 0.55 em wide in a sans-serif font, 0.6 em in bold.
 */
export const approximateMeasure: Measure = (text, style) => [...text].length * style.size * (style.bold ? 0.6 : 0.55);
