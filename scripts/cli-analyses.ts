/**
 * The CLI's analyses beyond the snapshot, added to each quartier of the JSON output: the
 * needs matrix (« zones blanches », `--besoins` for the user's own list) and the positioning
 * (rank and percentile per indicator among the loaded quartiers and, with
 * `--reference-nationale`, among all the QPV of France; « quartiers comparables »), and a
 * context layer (`--contexte`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DiagnosticResult } from '../src/core/diagnostic.ts';
import type { EstablishmentTable } from '../src/core/ingest/establishment-table.ts';
import type { Placement } from '../src/core/indicators/aggregate.ts';
import type { Quartier } from '../src/core/types.ts';
import { createQuartierIndex } from '../src/core/geo/spatial-join.ts';
import { INDICATOR_KEYS } from '../src/core/indicators/catalog.ts';
import { computeNeeds, publishNeedCell } from '../src/core/analysis/needs.ts';
import { DEFAULT_NEEDS, parseNeedsCsv, type ResidentNeed } from '../src/core/analysis/resident-needs.ts';
import { parseNationalTable, quartierPositions, type NationalQuartier } from '../src/core/analysis/quartier-positions.ts';
import { decodeText } from '../src/core/ingest/reference.ts';
import { ingestContextPoints } from '../src/core/context/context-points.ts';
import { aggregateContext } from '../src/core/context/context-aggregate.ts';

export interface AnalysisInputs {
  /** `--besoins`: a CSV of needs (besoin;codes_naf), else the default list. */
  needsFile?: string;
  /** `--reference-nationale`: the CLI's JSON output on the whole of France. */
  nationalFile?: string;
}

/**
 * `--contexte` (a point CSV) and `--contexte-valeur` (its numeric column): the layer's count,
 * sum and median per quartier and quartier vécu, joined with the same index.
 */
export async function contextAnalyses(quartiers: Quartier[], file: string, valueColumn: string | undefined, ringMetres: number) {
  const layer = await ingestContextPoints(fs.createReadStream(file, { highWaterMark: 1 << 20 }), { name: path.basename(file), valueColumn });
  const result = aggregateContext(quartiers, layer, ringMetres);
  return {
    meta: { layer: layer.name, valueColumn: layer.valueColumn, read: layer.read, kept: layer.count, rejectedBy: layer.rejectedBy, valueMissing: layer.valueMissing, outside: result.outside },
    perQuartier: result.quartiers.map((f, i) => ({ ...f, quartierVecu: result.rings[i] })),
    allQuartiers: result.allQuartiers,
  };
}

/** Reads the files the analyses options name (French messages on bad files). */
export function readAnalysisInputs(inputs: AnalysisInputs): { needs: ResidentNeed[]; national: NationalQuartier[] | null } {
  const needs = inputs.needsFile ? parseNeedsCsv(decodeText(fs.readFileSync(inputs.needsFile))) : [...DEFAULT_NEEDS];
  const national = inputs.nationalFile ? parseNationalTable(fs.readFileSync(inputs.nationalFile, 'utf8')) : null;
  return { needs, national };
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * The per-quartier analysis members of the JSON, in result order: `needs`, `rank`,
 * `percentile`, `ranked` (how many published values were ranked), the same `…France` when a
 * national table is given, and `comparables`.
 */
export function quartierAnalyses(
  quartiers: Quartier[], table: EstablishmentTable, placement: Placement, result: DiagnosticResult,
  needs: readonly ResidentNeed[], national: NationalQuartier[] | null, employerOnly: boolean,
): Record<string, unknown>[] {
  const matrix = computeNeeds(createQuartierIndex(quartiers), table, placement, needs, { employerOnly });
  const pos = quartierPositions(result, national);
  const byKey = <T>(f: (k: (typeof INDICATOR_KEYS)[number]) => T) => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, f(k)]));
  return result.quartiers.map((_, i) => {
    const p = pos[i];
    return {
      needs: matrix[i].map(publishNeedCell),
      rank: byKey((k) => p.local[k].rank),
      percentile: byKey((k) => round1(p.local[k].percentile)),
      ranked: byKey((k) => p.local[k].of),
      ...(p.france ? {
        rankFrance: byKey((k) => p.france![k].rank),
        percentileFrance: byKey((k) => round1(p.france![k].percentile)),
        rankedFrance: byKey((k) => p.france![k].of),
      } : {}),
      comparables: p.comparables,
    };
  });
}
