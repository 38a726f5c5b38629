/**
 * The manifest written next to the prepared files: which public files they come from (page,
 * address, date, SHA-256), what was kept and what was dropped and why. With it, a diagnostic
 * says its sources, and someone else can rebuild the same files and check the hashes.
 */
import type { FilterCounts, JoinCounts } from './establishments.ts';
import type { ResolvedInput } from './inputs.ts';
import type { QpvCounts } from './qpv.ts';
import type { QpvGeneration, SireneLayout } from './sources.ts';

export interface OutputFile {
  file: string;
  bytes: number;
  sha256: string;
  rows: number;
}

export interface Manifest {
  tool: 'ess-quartiers prepare-data';
  createdAt: string;
  parameters: { departements: string[]; qpv: QpvGeneration; sirene: SireneLayout; source: string | null };
  sources: (Pick<ResolvedInput, 'file' | 'origin' | 'url' | 'finalUrl' | 'obtainedAt' | 'lastModified' | 'bytes' | 'sha256'> & {
    role: string;
    label: string;
    documentation: { title: string; publisher: string; url: string };
    resumedDownload: boolean;
    rowsRead: number | null;
  })[];
  outputs: { establishments: OutputFile; quartiers: OutputFile; quartierList: OutputFile };
  establishments: {
    rowsIn: number;
    rowsOut: number;
    droppedBy: FilterCounts['droppedBy'];
    keptWithoutCoordinates: number;
    legalUnitNotFound: number;
    ess: number;
  };
  legalUnits: { rowsRead: number; sirenNeeded: number; sirenFound: number; lookupBytes: number };
  quartiers: QpvCounts;
}

export interface ManifestParts {
  createdAt: Date;
  parameters: Manifest['parameters'];
  inputs: ResolvedInput[];
  outputs: Manifest['outputs'];
  filter: FilterCounts;
  join: JoinCounts;
  legalUnits: Manifest['legalUnits'];
  quartiers: QpvCounts;
}

/** Assembles the manifest; rows in = rows out + the dropped rows, by construction. */
export function buildManifest(p: ManifestParts): Manifest {
  return {
    tool: 'ess-quartiers prepare-data',
    createdAt: p.createdAt.toISOString(),
    parameters: p.parameters,
    sources: p.inputs.map((i) => ({
      role: i.source.role,
      label: i.source.label,
      documentation: { ...i.source.doc },
      // The file actually read: a folder may hold the published archive already decompressed.
      file: i.file.split(/[\\/]/).pop() ?? i.source.fileName,
      origin: i.origin,
      url: i.url,
      finalUrl: i.finalUrl,
      obtainedAt: i.obtainedAt,
      lastModified: i.lastModified,
      bytes: i.bytes,
      sha256: i.sha256,
      resumedDownload: i.attempts > 1,
      rowsRead: i.source.role === 'qpv' ? p.quartiers.read
        : i.source.role === 'legalUnits' ? p.legalUnits.rowsRead : (p.filter.readByFile[i.file] ?? null),
    })),
    outputs: p.outputs,
    establishments: {
      rowsIn: p.filter.read,
      rowsOut: p.join.written,
      droppedBy: p.filter.droppedBy,
      keptWithoutCoordinates: p.filter.keptWithoutCoordinates,
      legalUnitNotFound: p.join.legalUnitNotFound,
      ess: p.join.ess,
    },
    legalUnits: p.legalUnits,
    quartiers: p.quartiers,
  };
}
