/**
 * Quartier sheets as one PDF: a single sheet or the atlas of many. Pages are drawn one at a
 * time with a pause between them, so a 100-quartier atlas keeps the page responsive, shows its
 * progress and can be cancelled. The state is read once at the start: a filter changed while
 * the atlas is being written does not mix two diagnostics in one file.
 */
import { formatDateFr } from '../../core/export/report-text.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { useStore } from '../../state/store.ts';
import { territoryLabel } from '../common/territory.ts';
import { atlasOrder, contentsPages, paintContentsPage } from './atlas-contents.ts';
import { createPdf } from './map-snapshot-pdf.ts';
import { pdfPainter } from './pdf-painter.ts';
import { reportFooter } from './report-context.ts';
import { sheetContent } from './sheet-content.ts';
import { prepareSheetMaps } from './sheet-map-paint.ts';
import { paintSheetPage } from './sheet-page.ts';

export interface AtlasOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  nowMs?: number;
}

export interface AtlasFile {
  blob: Blob;
  fileName: string;
  pages: number;
  alt: string;
}

/** Gives the event loop a turn: clicks, the progress bar and « Annuler » get handled. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const abortError = () => new DOMException('Export des fiches annulé.', 'AbortError');

/** File name of a sheet or an atlas: « fiche-QN03101M-2026-11-29.pdf », « atlas-quartiers-… ». */
export function atlasFileName(codes: readonly string[], nowMs: number): string {
  const date = formatDateFr(nowMs).split('/').reverse().join('-');
  const safe = (code: string) => code.replace(/[^A-Za-z0-9_-]/g, '_');
  return codes.length === 1 ? `fiche-${safe(codes[0])}-${date}.pdf` : `atlas-quartiers-${date}.pdf`;
}

/**
 * Writes the sheets of the quartiers `indices` into one PDF: a single sheet as it is, an atlas
 * ordered by commune then code, after a contents page giving each sheet's page. Rejects with
 * an `AbortError` when `signal` is aborted, and with a French message when nothing can be written.
 */
export async function buildAtlas(indices: readonly number[], options: AtlasOptions = {}): Promise<AtlasFile> {
  const s = useStore.getState();
  const nowMs = options.nowMs ?? Date.now();
  const contents = atlasOrder(
    indices.flatMap((i) => {
      const c = sheetContent(i, s.quartiers, s.results, s.ringMetres);
      return c ? [{ i, c, code: c.code, name: c.name, communes: c.communes }] : [];
    }),
  );
  if (contents.length === 0) throw new Error('Aucune fiche à écrire : chargez des quartiers et attendez le calcul des indicateurs.');
  const territory = territoryLabel(s.quartiers);
  const n = contents.length;
  const title = n === 1 ? `Fiche quartier — ${contents[0].c.name} (${contents[0].c.code})` : `Atlas des quartiers — ${territory}`;
  const alt = `${n === 1 ? 'Fiche' : `${formatFr(n)} fiches`} quartier : carte du quartier et de son quartier vécu, indicateurs de l’ESS avec leurs fourchettes, écarts au reste de la commune et aux références nationales, répartitions par famille, taille et secteur, ${territory}.`;
  const doc = createPdf('portrait', { title, subject: alt, keywords: `ESS, quartiers prioritaires, QPV, fiche quartier, ${contents.map((x) => x.c.code).join(', ')}` });
  const painter = pdfPainter(doc);
  const maps = prepareSheetMaps(s);
  const footer = reportFooter(s, nowMs, { references: true, ring: true });
  const tocPages = n > 1 ? contentsPages(contents) : 0;
  for (let k = 0; k < tocPages; k++) {
    if (k > 0) doc.addPage('a4', 'portrait');
    paintContentsPage(painter, contents, territory, k);
  }
  for (let k = 0; k < n; k++) {
    if (options.signal?.aborted) throw abortError();
    if (k > 0 || tocPages > 0) doc.addPage('a4', 'portrait');
    paintSheetPage(painter, contents[k].c, contents[k].i, maps, footer, { n: k + 1, of: n });
    options.onProgress?.(k + 1, n);
    await yieldToEventLoop();
  }
  if (options.signal?.aborted) throw abortError();
  return { blob: doc.output('blob'), fileName: atlasFileName(contents.map((x) => x.c.code), nowMs), pages: tocPages + n, alt };
}
