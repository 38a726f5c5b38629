/**
 * The engine's state and request handlers, independent of how messages arrive: the worker
 * file wires them to `self`, tests wire them to a MessageChannel in Node. Heavy data (the
 * establishment table, the placement) stays here; the UI receives summaries and results.
 */
import type { Quartier } from '../core/types.ts';
import { REJECT_REASONS } from '../core/types.ts';
import { checkQuartiersFileSize, parseQuartiersFile } from '../core/ingest/quartiers-file.ts';
import { ingestEstablishments, type RejectedRow } from '../core/ingest/establishments.ts';
import { readCsvStream } from '../core/ingest/csv-stream.ts';
import { detectMapping } from '../core/ingest/column-mapping.ts';
import type { EstablishmentTable } from '../core/ingest/establishment-table.ts';
import { parseReferenceFile, unmatchedReferenceCodes, type ReferenceTable } from '../core/ingest/reference.ts';
import { computeDiagnostic, placeEstablishments, rowAccounting, unitLayout } from '../core/diagnostic.ts';
import type { Placement } from '../core/indicators/aggregate.ts';
import { toCsv } from '../core/export/csv-writer.ts';
import { EssqError } from '../core/errors.ts';
import type { Accounting, PointColumns, Progress, QuartierSummary, Requests, RequestType } from './protocol.ts';

interface LoadedEstablishments {
  table: EstablishmentTable;
  rejectedRows: RejectedRow[];
  header: string[];
  read: number;
  rejectedBy: Record<string, number | undefined>;
  hasNonEss: boolean;
  ringMetres: number;
  placement: Placement;
}

export interface EngineState {
  quartiers: Quartier[];
  establishments: LoadedEstablishments | null;
  reference: ReferenceTable | null;
}

export interface HandlerContext {
  signal: AbortSignal;
  progress(p: Progress): void;
  /** Buffers to transfer with the result. */
  transfer: Transferable[];
}

export function createEngineState(): EngineState {
  return { quartiers: [], establishments: null, reference: null };
}

function toGeometry(q: Quartier): QuartierSummary['geometry'] {
  const ring = (r: Float64Array) => {
    const out: number[][] = [];
    for (let i = 0; i < r.length; i += 2) out.push([r[i], r[i + 1]]);
    return out;
  };
  const polys = q.polygons.map((p) => p.map(ring));
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** Wraps a Blob's stream so that bytes read are reported. */
async function* countingStream(file: Blob, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      onBytes(total);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function accounting(e: LoadedEstablishments): Accounting {
  return rowAccounting(e.read, e.rejectedBy, e.placement);
}

function requireQuartiers(s: EngineState): void {
  if (s.quartiers.length === 0) {
    throw new EssqError('no_quartiers', 'Chargez d’abord les contours des quartiers (GeoJSON), puis les établissements.');
  }
}

/** Copies of the ESS rows' columns for the map, ready to be transferred. */
function pointColumns(t: EstablishmentTable, placement: Placement): PointColumns {
  let n = 0;
  for (let i = 0; i < t.count; i++) if (t.ess[i] === 1) n++;
  const p: PointColumns = {
    count: n,
    row: new Int32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    family: new Uint8Array(n),
    sector: new Uint8Array(n),
    size: new Uint8Array(n),
    employer: new Uint8Array(n),
    quartier: new Int32Array(n),
  };
  let k = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.ess[i] !== 1) continue;
    p.row[k] = i;
    p.lon[k] = t.lon[i];
    p.lat[k] = t.lat[i];
    p.family[k] = t.family[i];
    p.sector[k] = t.sector[i];
    p.size[k] = t.size[i];
    p.employer[k] = t.employer[i];
    p.quartier[k] = placement.quartier[i];
    k++;
  }
  return p;
}

type Handler<K extends RequestType> = (
  s: EngineState,
  payload: Requests[K]['payload'],
  ctx: HandlerContext,
) => Promise<Requests[K]['result']> | Requests[K]['result'];

export const handlers: { [K in RequestType]: Handler<K> } = {
  async loadQuartiers(s, { file, name }) {
    // Checked before reading: a file too large to parse is refused without filling the memory.
    checkQuartiersFileSize(file.size, name);
    // Told apart by content, not by name: a zipped shapefile keeps working when renamed.
    const parsed = await parseQuartiersFile(new Uint8Array(await file.arrayBuffer()), { fileName: name });
    s.quartiers = parsed.quartiers;
    // Establishments loaded before are placed again on the new quartiers.
    if (s.establishments) s.establishments.placement = placeEstablishments(s.quartiers, s.establishments.table, s.establishments.ringMetres);
    return {
      crs: parsed.crs,
      crsSource: parsed.crsSource,
      warnings: parsed.warnings,
      quartiers: parsed.quartiers.map((q, index) => ({
        index,
        code: q.code,
        name: q.name,
        communes: q.communes,
        communeNames: q.communeNames,
        bbox: q.bbox,
        geometry: toGeometry(q),
      })),
    };
  },

  async previewEstablishments(_s, { file }) {
    const head = file.slice(0, 256 * 1024);
    let header: string[] = [];
    const sample: string[][] = [];
    const { dialect } = await readCsvStream(countingStream(head, () => {}), {
      onHeader: (h) => (header = h),
      onRows: (rows) => {
        for (const r of rows) if (sample.length < 200) sample.push(r);
      },
    });
    // The slice may end in the middle of a row: drop the last one.
    if (head.size < file.size) sample.pop();
    return { header, sample: sample.slice(0, 200), dialect, detected: detectMapping(header, sample) };
  },

  async loadEstablishments(s, { file, mapping, ringMetres, swapOutsideFrance }, ctx) {
    requireQuartiers(s);
    const bytesTotal = file.size;
    let bytesRead = 0;
    const { table, report } = await ingestEstablishments(
      countingStream(file, (n) => (bytesRead = n)),
      {
        mapping,
        swapOutsideFrance,
        signal: ctx.signal,
        onProgress: (p) => ctx.progress({ phase: 'lecture', bytesRead, bytesTotal, rowsParsed: p.rowsParsed, rowsJoined: 0 }),
      },
    );
    ctx.progress({ phase: 'jointure', bytesRead: bytesTotal, bytesTotal, rowsParsed: report.read, rowsJoined: 0 });
    const placement = placeEstablishments(s.quartiers, table, ringMetres);
    ctx.progress({ phase: 'calcul', bytesRead: bytesTotal, bytesTotal, rowsParsed: report.read, rowsJoined: table.count });
    const { rejectedRows, ...rest } = report;
    s.establishments = {
      table,
      rejectedRows,
      header: report.header,
      read: report.read,
      rejectedBy: report.rejectedBy,
      hasNonEss: report.hasNonEss,
      ringMetres,
      placement,
    };
    const points = pointColumns(table, placement);
    ctx.transfer.push(...[points.row, points.lon, points.lat, points.family, points.sector, points.size, points.employer, points.quartier].map((a) => a.buffer as ArrayBuffer));
    return { report: { ...rest, accounting: accounting(s.establishments), rejectedKept: rejectedRows.length }, points };
  },

  async loadReference(s, { file, name }) {
    const ref = parseReferenceFile(new Uint8Array(await file.arrayBuffer()), name);
    s.reference = ref;
    const codes = new Set(s.quartiers.map((q) => q.code.toUpperCase()));
    const matched = [...ref.byCode.keys()].filter((c) => codes.has(c)).length;
    const unmatched = s.quartiers.length > 0 ? unmatchedReferenceCodes(ref, codes) : null;
    const warnings = unmatched ? [...ref.warnings, unmatched] : ref.warnings;
    return { columns: ref.columns, rows: ref.rows, skipped: ref.skipped, issues: ref.issues, warnings, codes: ref.byCode.size, matched };
  },

  setRing(s, { metres }) {
    const e = s.establishments;
    if (!e) throw new EssqError('no_establishments', 'Aucun fichier d’établissements n’est chargé.');
    e.ringMetres = metres;
    e.placement = placeEstablishments(s.quartiers, e.table, metres);
    return { accounting: accounting(e) };
  },

  aggregate(s, { filters }) {
    requireQuartiers(s);
    const e = s.establishments;
    if (!e) {
      return computeDiagnostic(s.quartiers, emptyTable(), { quartier: new Int32Array(0), ring: new Int32Array(0) }, filters, {
        fileHasAll: false,
        reference: s.reference,
      });
    }
    return computeDiagnostic(s.quartiers, e.table, e.placement, filters, {
      fileHasAll: e.hasNonEss,
      reference: s.reference,
      layout: unitLayout(s.quartiers),
    });
  },

  establishments(s, { quartier, ring, limit }) {
    const e = s.establishments;
    if (!e) return [];
    const where = ring ? e.placement.ring : e.placement.quartier;
    const out: Requests['establishments']['result'] = [];
    for (let i = 0; i < e.table.count && out.length < limit; i++) {
      if (where[i] !== quartier || e.table.ess[i] !== 1) continue;
      const li = e.table.labelIndex[i];
      if (li >= 0) out.push({ ...e.table.labels[li], row: i });
    }
    return out;
  },

  clearSources(s, { establishments, reference }) {
    if (establishments) s.establishments = null;
    if (reference) s.reference = null;
    return null;
  },

  rejectedCsv(s) {
    const e = s.establishments;
    if (!e) return '';
    const rows = e.rejectedRows.map((r) => [String(r.line), REJECT_REASONS[r.reason], ...r.row]);
    return toCsv([['Ligne', 'Motif du rejet', ...e.header], ...rows]);
  },
};

function emptyTable(): EstablishmentTable {
  return {
    count: 0,
    lon: new Float64Array(0),
    lat: new Float64Array(0),
    ess: new Uint8Array(0),
    family: new Uint8Array(0),
    sector: new Uint8Array(0),
    size: new Uint8Array(0),
    employer: new Uint8Array(0),
    jobsEstimate: new Float32Array(0),
    jobsMin: new Float32Array(0),
    jobsMax: new Float32Array(0),
    commune: new Uint16Array(0),
    communes: [],
    labelIndex: new Int32Array(0),
    labels: [],
  };
}
