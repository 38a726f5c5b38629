/**
 * Characters the PDFs' embedded font (a Latin subset of DejaVu Sans, see
 * src/ui/export/fonts/README.md) can draw. A PDF renderer silently drops a glyph the font
 * lacks, so text is folded to what the font has before it is written: « Ǹ » keeps its base
 * letter, anything else becomes « ? » — visible, never a silent hole in a name.
 */

/** Code point ranges of the subset, inclusive; keep in step with the fonts README. */
export const PDF_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x192, 0x192],
  [0x218, 0x21b],
  [0x2c6, 0x2c7],
  [0x2d8, 0x2dd],
  [0x2000, 0x2027],
  [0x202f, 0x2044],
  [0x205f, 0x205f],
  [0x20ac, 0x20ac],
  [0x2116, 0x2116],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x2248, 0x2248],
  [0x2260, 0x2260],
  [0x2264, 0x2265],
];

/** True when the embedded font has a glyph for code point `cp`. */
export function pdfFontHas(cp: number): boolean {
  for (const [lo, hi] of PDF_FONT_RANGES) if (cp >= lo && cp <= hi) return true;
  return false;
}

/**
 * `text` with every character the font lacks replaced: by its base letter when it has one the
 * font draws (decomposed accents), by « ? » otherwise. Tabs and line breaks become spaces.
 *
 * @example pdfSafeText('Ǹ – 漢') // 'N – ?'
 */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\t\r\n]+/g, ' ')) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (pdfFontHas(cp)) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += base !== '' && [...base].every((c) => pdfFontHas(c.codePointAt(0) ?? 0)) ? base : '?';
  }
  return out;
}
