/**
 * Test support: indicator results built as plain data, with every cell stated, so export
 * tests read known figures without running a join.
 */
import type { CommuneResult, DiagnosticResult, QuartierResult } from '../diagnostic.ts';
import { secretFlags, type Indicators, type MixCell } from '../indicators/indicators.ts';
import { FAMILIES, SECTORS, SIZES } from '../types.ts';

const cells = (keys: readonly string[], filled: Record<string, Partial<MixCell>> = {}): Record<string, MixCell> =>
  Object.fromEntries(keys.map((k) => [k, { establishments: 0, jobs: 0, secret: false, ...filled[k] }]));

export interface IndicatorsSpec {
  establishments?: number;
  jobs?: [estimate: number, min: number, max: number];
  essJobShare?: number | null;
  essJobShareRange?: [number, number] | null;
  essEstablishmentShare?: number | null;
  densityPer1000?: number | null;
  population?: number | null;
  secretEstablishments?: boolean;
  secretJobs?: boolean;
  families?: Record<string, Partial<MixCell>>;
  sectors?: Record<string, Partial<MixCell>>;
  sizes?: Record<string, Partial<MixCell>>;
}

export function createIndicators(s: IndicatorsSpec = {}): Indicators {
  const [estimate, min, max] = s.jobs ?? [0, 0, 0];
  const range = s.essJobShareRange === undefined ? null : s.essJobShareRange;
  return {
    establishments: s.establishments ?? 0,
    nonEmployerEstablishments: 0,
    jobs: { estimate, min, max },
    essJobShare: s.essJobShare ?? null,
    essJobShareRange: range ? { min: range[0], max: range[1] } : null,
    essEstablishmentShare: s.essEstablishmentShare ?? null,
    densityPer1000: s.densityPer1000 ?? null,
    population: s.population ?? null,
    allEstablishments: null,
    allJobs: null,
    denominatorSource: 'fichier',
    families: cells(FAMILIES, s.families),
    sectors: cells(SECTORS, s.sectors),
    sizes: cells(SIZES, s.sizes),
    secret: secretFlags({ establishments: s.secretEstablishments, jobs: s.secretJobs }),
  };
}

export function createQuartierResult(code: string, name: string, communes: string[], s: IndicatorsSpec = {}, ring: IndicatorsSpec = {}, communeNames: string[] = []): QuartierResult {
  return { code, name, communes, communeNames, outsideFilter: false, ...createIndicators(s), ring: createIndicators(ring) };
}

export function createDiagnostic(quartiers: QuartierResult[], communes: CommuneResult[] = [], all: IndicatorsSpec = {}): DiagnosticResult {
  return { quartiers, communes, allQuartiers: createIndicators(all), employerOnly: true };
}

export const createCommune = (code: string, s: IndicatorsSpec = {}): CommuneResult => ({ code, ...createIndicators(s) });
