/**
 * The engine's whole flow, shared by the worker and the CLI: place the establishments once
 * (spatial join + quartier vécu ring), then turn any filter state into indicators for every
 * quartier, ring, rest of commune and all quartiers together.
 */
import type { Quartier } from './types.ts';
import type { EstablishmentTable } from './ingest/establishment-table.ts';
import type { ReferenceTable } from './ingest/reference.ts';
import { aggregate, type Filters, type Placement, type UnitLayout } from './indicators/aggregate.ts';
import { computeMasks } from './indicators/secondary-suppression.ts';
import { sumDenominators, unitIndicators, type Denominators, type Indicators } from './indicators/indicators.ts';
import { createQuartierIndex, joinPoints } from './geo/spatial-join.ts';
import { assignRing } from './geo/quartier-vecu.ts';

export const DEFAULT_RING_METRES = 300;

export interface QuartierResult extends Indicators {
  code: string;
  name: string;
  /** INSEE codes of its communes, as the boundary file gives them. */
  communes: string[];
  /** Names of its communes, all of them (may be more or fewer than the codes: see communeList). */
  communeNames: string[];
  /** A commune filter is on and none of the quartier's communes is in it. */
  outsideFilter: boolean;
  ring: Indicators;
}

export interface CommuneResult extends Indicators {
  code: string;
}

export interface DiagnosticResult {
  quartiers: QuartierResult[];
  communes: CommuneResult[];
  allQuartiers: Indicators;
  /** What the establishment counts cover: employers only (the default) or all. */
  employerOnly: boolean;
}

/** Territories with a rest-of-commune: the communes the quartiers lie in. */
export function unitLayout(quartiers: Quartier[]): UnitLayout {
  const communes = [...new Set(quartiers.flatMap((q) => q.communes))].sort();
  return { quartiers: quartiers.length, communes };
}

/**
 * Places every establishment: quartier containing it, and quartier vécu ring (nearest
 * quartier within `ringMetres` for points outside all quartiers).
 */
export function placeEstablishments(quartiers: Quartier[], table: EstablishmentTable, ringMetres = DEFAULT_RING_METRES): Placement {
  const index = createQuartierIndex(quartiers);
  const quartier = joinPoints(index, table.lon, table.lat, table.count);
  const ring = assignRing(index, table.lon, table.lat, quartier, ringMetres);
  return { quartier, ring };
}

/** Row accounting after placement: read = inQuartier + outside + rejected. */
export function rowAccounting(read: number, rejectedBy: Record<string, number | undefined>, placement: Placement) {
  let inQuartier = 0;
  for (let i = 0; i < placement.quartier.length; i++) if (placement.quartier[i] >= 0) inQuartier++;
  const rejected = Object.values(rejectedBy).reduce<number>((a, b) => a + (b ?? 0), 0);
  return { read, inQuartier, outside: placement.quartier.length - inQuartier, rejected, rejectedBy };
}

/** Denominators of each quartier: the reference file first, then the boundary file's population. */
export function quartierDenominators(quartiers: Quartier[], reference: ReferenceTable | null): (Denominators | null)[] {
  return quartiers.map((q) => {
    const r = reference?.byCode.get(q.code.toUpperCase()) ?? null;
    const population = r?.population ?? q.population ?? null;
    if (!r && population === null) return null;
    return { population, establishments: r?.establishments ?? null, jobs: r?.jobs ?? null };
  });
}

/**
 * Computes the indicators of every territory for a filter state. Cheap: one pass over the
 * table, so it runs on every filter change.
 */
export function computeDiagnostic(
  quartiers: Quartier[],
  table: EstablishmentTable,
  placement: Placement,
  filters: Filters,
  options: { fileHasAll: boolean; reference: ReferenceTable | null; layout?: UnitLayout },
): DiagnosticResult {
  const layout = options.layout ?? unitLayout(quartiers);
  const t = aggregate(table, placement, layout, filters);
  const m = computeMasks(t, options.fileHasAll, filters.employerOnly);
  const n = quartiers.length;
  const dens = quartierDenominators(quartiers, options.reference);
  const inFilter = filters.communes ? new Set(filters.communes) : null;
  const results: QuartierResult[] = quartiers.map((q, i) => ({
    code: q.code,
    name: q.name,
    communes: q.communes,
    communeNames: q.communeNames,
    outsideFilter: inFilter !== null && !q.communes.some((c) => inFilter.has(c)),
    ...unitIndicators(t, m, i, options.fileHasAll, dens[i]),
    ring: unitIndicators(t, m, n + i, options.fileHasAll, null),
  }));
  const communes: CommuneResult[] = layout.communes.map((code, j) => ({
    code,
    ...unitIndicators(t, m, 2 * n + j, options.fileHasAll, null),
  }));
  const allQuartiers = unitIndicators(t, m, 2 * n + layout.communes.length, options.fileHasAll, sumDenominators(dens));
  return { quartiers: results, communes, allQuartiers, employerOnly: filters.employerOnly };
}
