/**
 * The whole `prepare-data` run: fetch (or find) every public file first, so a network problem
 * shows in seconds rather than after an hour of work; then the quartiers, the establishments
 * (filter, legal-unit stock, join) and the manifest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { filterEstablishments, joinLegalUnits, type EstablishmentInput } from './establishments.ts';
import { readPublicCsv } from './csv-io.ts';
import { resolveInput, sha256File, type ResolvedInput } from './inputs.ts';
import { LegalUnitLookup } from './legal-units.ts';
import { buildManifest, type Manifest, type OutputFile } from './manifest.ts';
import { openInput } from './open-input.ts';
import type { Progress } from './progress.ts';
import { prepareQuartiers } from './qpv.ts';
import {
  EXPECTED_COLUMNS, geoSireneFiles, INSEE_ESTABLISHMENTS_FILE, LEGAL_UNITS_FILE, OUTPUT_FILES, QPV_FILES,
  type QpvGeneration, type SireneLayout, type SourceFile,
} from './sources.ts';

export interface PrepareOptions {
  departements: string[];
  qpv: QpvGeneration;
  sirene: SireneLayout;
  /** Folder of downloaded files, or base URL; undefined: the publishers' addresses. */
  source?: string;
  out: string;
  /** Where downloads go (default `<out>/telechargements`); reused by the next run. */
  downloads?: string;
  progress?: Progress;
}

/** The public files a run needs, in the order they are fetched. */
export function plannedSources(o: Pick<PrepareOptions, 'departements' | 'qpv' | 'sirene'>): SourceFile[] {
  const establishments = o.sirene === 'geo' ? o.departements.flatMap(geoSireneFiles) : [INSEE_ESTABLISHMENTS_FILE];
  return [QPV_FILES[o.qpv], ...establishments, LEGAL_UNITS_FILE];
}

async function describeOutput(file: string, rows: number): Promise<OutputFile> {
  return { file: path.basename(file), bytes: fs.statSync(file).size, sha256: await sha256File(file), rows };
}

/** Streams the legal-unit stock into a lookup holding only the SIREN we need. */
async function loadLegalUnits(input: ResolvedInput, sirens: Uint32Array, progress?: Progress) {
  const lookup = new LegalUnitLookup(sirens);
  const opened = await openInput(input.file);
  progress?.step(`Lecture de ${opened.entry} (${sirens.length.toLocaleString('fr-FR')} SIREN recherchés)`);
  const rowsRead = await readPublicCsv(opened, { name: opened.entry, docUrl: input.source.doc.url, required: EXPECTED_COLUMNS.legalUnits, progress },
    (row, c) => {
      lookup.offer(row[c.siren], row[c.economieSocialeSolidaireUniteLegale] ?? '', row[c.categorieJuridiqueUniteLegale] ?? '', row[c.denominationUniteLegale] ?? '');
    });
  progress?.done(`${rowsRead.toLocaleString('fr-FR')} lignes lues, ${lookup.found.toLocaleString('fr-FR')} unités légales retenues`);
  return { lookup, rowsRead };
}

/**
 * Runs everything and writes the establishments CSV, the quartiers GeoJSON and list, and the
 * manifest into `out`. Returns the manifest.
 */
export async function prepare(o: PrepareOptions): Promise<Manifest> {
  const createdAt = new Date();
  fs.mkdirSync(o.out, { recursive: true });
  const downloads = o.downloads ?? path.join(o.out, OUTPUT_FILES.downloads);
  const inputs: ResolvedInput[] = [];
  for (const source of plannedSources(o)) inputs.push(await resolveInput(source, o.source, downloads, o.progress));
  const [qpvInput, ...rest] = inputs;
  const legalInput = rest.pop()!;

  const out = (name: string) => path.join(o.out, name);
  o.progress?.step('Quartiers des départements choisis');
  const quartiers = await prepareQuartiers(qpvInput.file, o.departements, out(OUTPUT_FILES.quartiers), out(OUTPUT_FILES.quartierList), qpvInput.source.doc.url);
  o.progress?.done(`${quartiers.kept} quartiers sur ${quartiers.read}`);
  for (const [dep, n] of Object.entries(quartiers.byDepartement)) {
    if (n === 0) o.progress?.warn(`aucun quartier prioritaire ${o.qpv} dans le département ${dep}.`);
  }

  const staging = out('.etablissements-etape.csv');
  const establishmentInputs: EstablishmentInput[] = rest.map((i) => ({
    file: i.file,
    docUrl: i.source.doc.url,
    departement: o.sirene === 'geo' ? o.departements.find((d) => i.source.fileName.startsWith(`geo_siret_${d}`)) ?? null : null,
  }));
  try {
    const { counts, sirens } = await filterEstablishments(establishmentInputs, o.sirene, o.departements, staging, o.progress);
    const { lookup, rowsRead } = await loadLegalUnits(legalInput, sirens, o.progress);
    const join = await joinLegalUnits(staging, lookup, out(OUTPUT_FILES.establishments), o.progress);
    const manifest = buildManifest({
      createdAt,
      parameters: { departements: o.departements, qpv: o.qpv, sirene: o.sirene, source: o.source ?? null },
      inputs,
      outputs: {
        establishments: await describeOutput(out(OUTPUT_FILES.establishments), join.written),
        quartiers: await describeOutput(out(OUTPUT_FILES.quartiers), quartiers.kept),
        quartierList: await describeOutput(out(OUTPUT_FILES.quartierList), quartiers.kept),
      },
      filter: counts,
      join,
      legalUnits: { rowsRead, sirenNeeded: sirens.length, sirenFound: lookup.found, lookupBytes: lookup.memoryBytes },
      quartiers,
    });
    fs.writeFileSync(out(OUTPUT_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  } finally {
    fs.rmSync(staging, { force: true });
  }
}
