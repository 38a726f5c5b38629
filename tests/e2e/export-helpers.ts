/**
 * Helpers of the export end-to-end tests: receive a download, decode a PNG and measure its
 * pixels, read a PDF with poppler (page count, text, fonts, metadata, rendered pages).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';

/**
 * Clicks `button`, waits for the file it downloads and saves it in `dir`; returns its path.
 * An error message shown instead, next to the button (role « alert » in its fieldset), fails
 * at once with that message.
 */
export async function download(page: Page, button: Locator, dir: string, timeout = 90_000): Promise<string> {
  const received = page.waitForEvent('download', { timeout });
  await button.click();
  const alert = button.locator('xpath=ancestor::fieldset[1]').getByRole('alert');
  const failed = alert.waitFor({ timeout }).then(async () => Promise.reject(new Error(`L’export a échoué : ${await alert.innerText()}`)));
  failed.catch(() => undefined);
  const file = await Promise.race([received, failed]);
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

export interface PixelStats {
  width: number;
  height: number;
  /** Distinct colours (a blank or one-colour image has one or two). */
  colours: number;
  /** Share of pure-white pixels. */
  white: number;
  /** Share of dark pixels (text, outlines). */
  dark: number;
}

export function pngStats(file: string, region?: { x: number; y: number; width: number; height: number }): PixelStats {
  const png = PNG.sync.read(fs.readFileSync(file));
  const r = region ?? { x: 0, y: 0, width: png.width, height: png.height };
  const colours = new Set<number>();
  let white = 0;
  let dark = 0;
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      const o = (y * png.width + x) * 4;
      const [red, green, blue] = [png.data[o], png.data[o + 1], png.data[o + 2]];
      colours.add((red << 16) | (green << 8) | blue);
      if (red === 255 && green === 255 && blue === 255) white++;
      if (red + green + blue < 200) dark++;
    }
  }
  const n = r.width * r.height;
  return { width: png.width, height: png.height, colours: colours.size, white: white / n, dark: dark / n };
}

/** Pixels within ±`tolerance` of colour `hex`. */
export function pixelsNear(file: string, hex: string, tolerance = 3): number {
  const png = PNG.sync.read(fs.readFileSync(file));
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let o = 0; o < png.data.length; o += 4) {
    if (Math.abs(png.data[o] - want[0]) <= tolerance && Math.abs(png.data[o + 1] - want[1]) <= tolerance && Math.abs(png.data[o + 2] - want[2]) <= tolerance) n++;
  }
  return n;
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('/usr/bin/pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export const pdfText = (file: string, page?: number): string =>
  execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });

/** Font lines of `pdffonts` (name, type, encoding, embedded…). */
export const pdfFonts = (file: string): string[] => execFileSync('/usr/bin/pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);

/** Renders page `page` of a PDF to a PNG (poppler's pdftoppm) and returns the PNG's path. */
export function renderPdfPage(file: string, page: number, dpi = 60): string {
  const prefix = file.replace(/\.pdf$/, `-p${page}`);
  execFileSync('/usr/bin/pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/** A `;` CSV with BOM, parsed into rows of cells. */
export function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.startsWith('\uFEFF')) throw new Error(`${file} : BOM UTF-8 attendu en tête du fichier.`);
  return Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
}

/** A French number as the UI or the CSV writes it (« 1 234,5 », « 12,3 % ») → number; null for « – » or « s ». */
export function frNumber(text: string): number | null {
  const m = /^-?[\d\s\u202f\u00a0]+(,\d+)?/.exec(text.trim().replace('−', '-'));
  return m ? Number(m[0].replace(/[\s\u202f\u00a0]/g, '').replace(',', '.')) : null;
}
