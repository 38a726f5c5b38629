/**
 * Order and contents page of the atlas: quartiers by commune, then by code (the way a reader
 * looks one up in a report), and a first page listing each one with the page of its sheet.
 */
import type { TextStyle } from '../../core/export/text-wrap.ts';
import { INK, MUTED, type Painter } from './painter.ts';

export interface AtlasEntry {
  code: string;
  name: string;
  communes: string;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** `entries` sorted by commune, then code; the input is not changed. */
export function atlasOrder<T extends AtlasEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => collator.compare(a.communes, b.communes) || collator.compare(a.code, b.code));
}

const PT = 25.4 / 72;
const t = (pt: number, bold = false): TextStyle => ({ size: pt * PT, bold, lineHeight: pt * PT * 1.35 });
const S = { title: t(16, true), sub: t(9), commune: t(9.5, true), row: t(8.5) };
const PAGE = { width: 210, height: 297, margin: 16 };
/** Rows that fit one contents page (A4, 8.5 pt): longer atlases continue on the next page. */
export const ROWS_PER_PAGE = 62;

/** Number of contents pages for `count` quartiers (commune headings included). */
export function contentsPages(entries: readonly AtlasEntry[]): number {
  return Math.max(1, Math.ceil(contentLines(entries).length / ROWS_PER_PAGE));
}

type Line = { kind: 'commune'; text: string } | { kind: 'row'; entry: AtlasEntry; index: number };

function contentLines(entries: readonly AtlasEntry[]): Line[] {
  const lines: Line[] = [];
  entries.forEach((entry, index) => {
    if (index === 0 || entries[index - 1].communes !== entry.communes) lines.push({ kind: 'commune', text: entry.communes || 'Commune inconnue' });
    lines.push({ kind: 'row', entry, index });
  });
  return lines;
}

/**
 * Paints contents page `pageIndex` (from 0): title, territory, then communes and their
 * quartiers with the page number of each sheet, counting the contents pages before them.
 */
export function paintContentsPage(p: Painter, entries: readonly AtlasEntry[], territory: string, pageIndex: number): void {
  const m = PAGE.margin;
  const right = PAGE.width - m;
  const first = contentsPages(entries);
  let y = m;
  p.text(pageIndex === 0 ? 'Sommaire' : 'Sommaire (suite)', m, y, S.title, { color: INK });
  y += S.title.lineHeight;
  p.text(`Atlas des quartiers — ${territory}`, m, y, S.sub, { color: MUTED });
  y += S.sub.lineHeight * 1.8;
  for (const line of contentLines(entries).slice(pageIndex * ROWS_PER_PAGE, (pageIndex + 1) * ROWS_PER_PAGE)) {
    if (line.kind === 'commune') {
      p.text(line.text, m, y, S.commune, { color: INK });
      y += S.commune.lineHeight;
      continue;
    }
    p.text(`${line.entry.name} (${line.entry.code})`, m + 4, y, S.row, { color: INK });
    p.text(String(first + line.index + 1), right, y, S.row, { color: MUTED, align: 'right' });
    y += S.row.lineHeight;
  }
}
