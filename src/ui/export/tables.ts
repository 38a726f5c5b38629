/**
 * The table exports, from the store: the ranking (rows of the ranking panel, ordered by the
 * mapped indicator), the comparison of the selected quartiers, and the quartiers with their
 * indicators as GeoJSON. Each file carries its sources, method and date.
 */
import { quartiersGeoJson } from '../../core/export/geojson-export.ts';
import { formatDateFr } from '../../core/export/report-text.ts';
import { comparisonCsv, rankingCsv } from '../../core/export/tables-csv.ts';
import type { QuartierResult } from '../../core/diagnostic.ts';
import { scopeOf } from '../../core/indicators/catalog.ts';
import type { AppState } from '../../state/store.ts';
import { buildRows, sortRows } from '../table/rows.ts';
import { reportFooter } from './report-context.ts';

export interface TableFile {
  text: string;
  fileName: string;
  type: string;
}

const dated = (stem: string, ext: string, nowMs: number) => `${stem}-${formatDateFr(nowMs).split('/').reverse().join('-')}.${ext}`;
const CSV_TYPE = 'text/csv;charset=utf-8';

/** Rows of the ranking as the panel shows them by default: the commune filter applied, best first. */
export function rankingRows(s: AppState): QuartierResult[] {
  const all = buildRows(s.quartiers, s.results?.quartiers ?? null);
  const communes = s.filters.communes;
  const shown = communes ? all.filter((r) => r.communeCodes.some((c) => communes.includes(c))) : all;
  return sortRows(shown, { key: s.indicator, dir: 'desc' }).flatMap((r) => (r.result ? [r.result] : []));
}

export function rankingFile(s: AppState, decimalComma: boolean, nowMs = Date.now()): TableFile {
  if (!s.results) throw new Error('Le classement n’est pas encore calculé : chargez des quartiers et des établissements.');
  const scope = scopeOf(s.results);
  return { text: rankingCsv(rankingRows(s), { decimalComma, scope, notes: reportFooter(s, nowMs) }), fileName: dated('classement-quartiers', 'csv', nowMs), type: CSV_TYPE };
}

/** The quartiers selected for the comparison that have results, in selection order. */
export function comparedQuartiers(s: AppState): QuartierResult[] {
  return s.selection.flatMap((i) => (s.results?.quartiers[i] ? [s.results.quartiers[i]] : []));
}

export function comparisonFile(s: AppState, decimalComma: boolean, nowMs = Date.now()): TableFile {
  const cols = comparedQuartiers(s);
  if (!s.results || cols.length < 2) throw new Error('Sélectionnez au moins deux quartiers dans le classement (case « Comparer ») pour exporter la comparaison.');
  const text = comparisonCsv(cols, s.results, { decimalComma, notes: reportFooter(s, nowMs, { references: true }) });
  return { text, fileName: dated('comparaison-quartiers', 'csv', nowMs), type: CSV_TYPE };
}

export function geojsonFile(s: AppState, nowMs = Date.now()): TableFile {
  if (s.quartiers.length === 0) throw new Error('Aucun quartier chargé : chargez les contours des quartiers dans l’onglet Import.');
  const [method, sources, note] = reportFooter(s, nowMs, { ring: true });
  const fc = quartiersGeoJson(s.quartiers, s.results, { titre: 'Quartiers prioritaires et indicateurs de l’ESS', methode: method ?? '', sources: sources ?? '', note: note ?? '' });
  return { text: JSON.stringify(fc), fileName: dated('quartiers-indicateurs', 'geojson', nowMs), type: 'application/geo+json' };
}
