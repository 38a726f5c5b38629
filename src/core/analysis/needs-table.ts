/**
 * The needs matrix as users read it and export it: one row per quartier, per need the
 * status in words (« présent », « quartier vécu », « à 850 m », « aucun à moins de 2 km »),
 * and the CSV for a spreadsheet (`;`, UTF-8 with BOM, `s` for masked counts).
 */
import { SECRET_MARK } from '../indicators/confidentiality.ts';
import { formatFr } from '../indicators/catalog.ts';
import { toCsv, type CsvCell } from '../export/csv-writer.ts';
import { NEED_NEAR_METRES, needStatus, type NeedStatus, type PublishedNeedCell } from './needs.ts';
import type { ResidentNeed } from './resident-needs.ts';

export interface NeedsRow {
  code: string;
  name: string;
  communes: string;
  cells: PublishedNeedCell[];
}

/** How a cell reads, in French: what the matrix shows and the sheet prints. */
export function needStatusText(c: PublishedNeedCell): string {
  const status = needStatus(c);
  const count = (n: number | typeof SECRET_MARK) => (n === SECRET_MARK ? SECRET_MARK : formatFr(n));
  if (status === 'present') return `présent (${count(c.inside)})`;
  if (status === 'ring') return `quartier vécu (${count(c.ring)})`;
  if (status === 'near') return `à ${formatFr(c.nearestMetres)} m`;
  return `aucun à moins de ${formatFr(NEED_NEAR_METRES / 1000)} km`;
}

/** Sort order of the statuses: the uncovered needs first. */
export const STATUS_ORDER: Readonly<Record<NeedStatus, number>> = { none: 0, near: 1, ring: 2, present: 3 };

/**
 * Sort key of a cell for a « least covered first » sort: status, then the distance (farther
 * first), then the count.
 */
export function coverageKey(c: PublishedNeedCell): number {
  const status = STATUS_ORDER[needStatus(c)];
  const d = c.nearestMetres === null ? 1e9 : c.nearestMetres;
  const n = (v: number | typeof SECRET_MARK) => (v === SECRET_MARK ? 1 : v);
  return status * 1e10 + (status <= 1 ? 1e9 - d : n(c.inside) + n(c.ring));
}

/** The matrix as a CSV: per need, the counts inside and in the ring, and the nearest distance. */
export function needsCsv(rows: readonly NeedsRow[], needs: readonly ResidentNeed[]): string {
  const header = ['Code quartier', 'Nom du quartier', 'Communes', ...needs.flatMap((n) => [
    `${n.label} : établissements ESS dans le quartier`,
    `${n.label} : dans le quartier vécu`,
    `${n.label} : le plus proche (m)`,
    `${n.label} : lecture`,
  ])];
  const body = rows.map((r): CsvCell[] => [r.code, r.name, r.communes, ...r.cells.flatMap((c): CsvCell[] => [
    c.inside, c.ring, c.nearestMetres, needStatusText(c),
  ])]);
  return toCsv([header, ...body]);
}
