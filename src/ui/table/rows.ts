/**
 * Rows of the ranking table: quartier identity from the loaded boundaries joined with its
 * results, the search over names, codes and communes, and the sort. Pure functions, so the
 * order users see is tested without rendering.
 */
import type { QuartierResult } from '../../core/diagnostic.ts';
import { INDICATORS, INDICATOR_KEYS, type IndicatorKey } from '../../core/indicators/catalog.ts';
import type { QuartierSummary } from '../../worker/protocol.ts';
import { communeNamesText } from '../../core/ingest/geojson-fields.ts';

export interface RankingRow {
  index: number;
  code: string;
  name: string;
  communes: string;
  communeCodes: string[];
  result: QuartierResult | null;
}

export type SortKey = 'code' | 'name' | 'communes' | IndicatorKey;
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const isIndicatorKey = (k: SortKey): k is IndicatorKey => (INDICATOR_KEYS as readonly string[]).includes(k);

export function buildRows(quartiers: QuartierSummary[], results: QuartierResult[] | null): RankingRow[] {
  return quartiers.map((q) => ({
    index: q.index,
    code: q.code,
    name: q.name,
    communes: communeNamesText(q.communes, q.communeNames),
    communeCodes: q.communes,
    result: results?.[q.index] ?? null,
  }));
}

/** Lowercase without accents, so « pepiniere » finds « La Pépinière ». */
export const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function searchRows(rows: RankingRow[], query: string): RankingRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const hay = fold(`${r.code} ${r.name} ${r.communes} ${r.communeCodes.join(' ')}`);
    return words.every((w) => hay.includes(w));
  });
}

/** Sortable value; secret and missing cells are null and always sort last. */
function sortValue(r: RankingRow, key: SortKey): string | number | null {
  if (key === 'code' || key === 'name' || key === 'communes') return r[key];
  if (!r.result) return null;
  const def = INDICATORS[key];
  return def.secret(r.result) ? null : def.value(r.result);
}

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

export function sortRows(rows: RankingRow[], sort: SortState): RankingRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
      if (c !== 0) return sign * c;
    }
    return collator.compare(a.code, b.code);
  });
}
