/**
 * Positioning of the loaded quartiers: on each indicator, rank and percentile among the loaded
 * quartiers and, when a national table is given, among all the QPV of France; and the
 * « quartiers comparables » in size. The national table is the CLI's own JSON output run on
 * the whole country (`prepare-data --departements all`, then `aggregate`), so its figures are
 * computed exactly as the local ones and carry the same masks.
 */
import type { DiagnosticResult } from '../diagnostic.ts';
import { INDICATOR_KEYS, INDICATORS, type IndicatorKey } from '../indicators/catalog.ts';
import { EssqError } from '../errors.ts';
import { comparableQuartiers, positions, type Position } from './positioning.ts';

/** Published figures of one quartier of the national table (null: masked or missing). */
export interface NationalQuartier {
  code: string;
  name: string;
  values: Record<IndicatorKey, number | null>;
  population: number | null;
  allEstablishments: number | null;
}

export interface QuartierPositions {
  local: Record<IndicatorKey, Position>;
  france: Record<IndicatorKey, Position> | null;
  comparables: { code: string; name: string; distance: number; local: boolean }[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Reads a national table: the JSON the CLI writes (`quartiers[]` with `code`, `name`,
 * `essJobShare`… and `s` for masked figures). Throws a French message on anything else.
 */
export function parseNationalTable(text: string): NationalQuartier[] {
  let root: { quartiers?: unknown };
  try {
    root = JSON.parse(text);
  } catch {
    throw new EssqError('bad_national_table', 'Table nationale : le JSON écrit par « npm run aggregate » était attendu ; le texte n’est pas du JSON.');
  }
  if (!root || !Array.isArray(root.quartiers) || root.quartiers.length === 0) {
    throw new EssqError('bad_national_table', 'Table nationale : un objet avec une liste « quartiers » (sortie JSON de « npm run aggregate ») était attendu.');
  }
  return (root.quartiers as Record<string, unknown>[]).map((q, k) => {
    if (typeof q.code !== 'string') throw new EssqError('bad_national_table', `Table nationale : le quartier n° ${k + 1} n’a pas de code.`);
    const jobs = q.jobs as { estimate?: unknown } | string | null;
    const share = (v: unknown) => (num(v) === null ? null : (v as number) * 100);
    return {
      code: q.code.toUpperCase(),
      name: String(q.name ?? q.code),
      values: {
        essJobShare: share(q.essJobShare),
        essEstablishmentShare: share(q.essEstablishmentShare),
        densityPer1000: num(q.densityPer1000),
        establishments: num(q.establishments),
        jobs: typeof jobs === 'object' && jobs ? num(jobs.estimate) : null,
      },
      population: num(q.population),
      allEstablishments: num(q.allEstablishments),
    };
  });
}

/** Rank, percentile and comparables of every loaded quartier (result order). */
export function quartierPositions(result: DiagnosticResult, national: readonly NationalQuartier[] | null, comparables = 5): QuartierPositions[] {
  const qs = result.quartiers;
  const local = {} as Record<IndicatorKey, Position[]>;
  const france = {} as Record<IndicatorKey, Position[]>;
  const loaded = new Set(qs.map((q) => q.code.toUpperCase()));
  const others = (national ?? []).filter((n) => !loaded.has(n.code));
  for (const key of INDICATOR_KEYS) {
    const def = INDICATORS[key];
    const values = qs.map((q) => def.value(q));
    const secret = qs.map((q) => def.secret(q));
    local[key] = positions(values, secret);
    if (national) {
      // The loaded quartiers' own figures stand for their line of the national table.
      const all = [...values, ...others.map((n) => n.values[key])];
      france[key] = positions(all, [...secret, ...others.map(() => false)]).slice(0, qs.length);
    }
  }
  // Comparables among the loaded quartiers and the rest of France: population and all establishments.
  const pool = [
    ...qs.map((q) => ({ code: q.code, name: q.name, population: q.population, all: q.secret.allEstablishments ? null : q.allEstablishments, local: true })),
    ...others.map((n) => ({ code: n.code, name: n.name, population: n.population, all: n.allEstablishments, local: false })),
  ];
  const near = comparableQuartiers(pool.map((p) => p.population), pool.map((p) => p.all), comparables);
  return qs.map((_, i) => ({
    local: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, local[k][i]])) as Record<IndicatorKey, Position>,
    france: national ? (Object.fromEntries(INDICATOR_KEYS.map((k) => [k, france[k][i]])) as Record<IndicatorKey, Position>) : null,
    comparables: near[i].map((c) => ({ code: pool[c.index].code, name: pool[c.index].name, distance: Math.round(c.distance * 1000) / 1000, local: pool[c.index].local })),
  }));
}
