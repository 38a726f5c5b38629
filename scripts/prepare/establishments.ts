/**
 * Establishments, in two streamed stages around the legal-unit stock:
 * 1. `filterEstablishments` reads the SIRENE establishment files, keeps the active ones
 *    (`etatAdministratifEtablissement = A`) of the chosen départements, writes the columns we
 *    keep to a staging CSV and collects their SIREN;
 * 2. `joinLegalUnits` reads that (much smaller) staging file back and adds the legal unit's ESS
 *    flag, legal category and name.
 * Neither stage holds rows in memory; the national INSEE stock is decompressed only once.
 */
import { makeProjector } from '../../src/core/geo/crs.ts';
import { CsvWriter, readPublicCsv } from './csv-io.ts';
import { departementOfCommune, inseeCrsOf } from './departements.ts';
import { openInput } from './open-input.ts';
import { EXPECTED_COLUMNS, PREPARED_COLUMNS, type SireneLayout } from './sources.ts';
import { SirenCollector, type LegalUnitLookup } from './legal-units.ts';
import type { Progress } from './progress.ts';

/** Columns of the staging file: the prepared ones, less what the legal unit brings. */
const STAGED = ['siret', 'activitePrincipaleEtablissement', 'trancheEffectifsEtablissement', 'codeCommuneEtablissement',
  'etatAdministratifEtablissement', 'longitude', 'latitude'] as const;

type EstablishmentColumn = (typeof EXPECTED_COLUMNS.geo)[number] | (typeof EXPECTED_COLUMNS.insee)[number];

export interface EstablishmentInput {
  file: string;
  docUrl: string;
  /** For a per-département file (geo-SIRENE), its département: rows without a commune stay. */
  departement: string | null;
}

export interface FilterCounts {
  read: number;
  kept: number;
  droppedBy: { closed: number; otherDepartement: number };
  keptWithoutCoordinates: number;
  /** Rows read per input file path. */
  readByFile: Record<string, number>;
}

const clean = (v: string | undefined) => {
  const t = (v ?? '').trim();
  return t === '[ND]' ? '' : t;
};

/**
 * Stage 1: active establishments of `departements` → `stagingFile`; returns the counts and the
 * sorted SIREN they cite.
 */
export async function filterEstablishments(
  inputs: EstablishmentInput[], layout: SireneLayout, departements: string[], stagingFile: string, progress?: Progress,
): Promise<{ counts: FilterCounts; sirens: Uint32Array }> {
  const wanted = new Set(departements);
  const writer = new CsvWriter(stagingFile, STAGED);
  const collector = new SirenCollector();
  const counts: FilterCounts = { read: 0, kept: 0, droppedBy: { closed: 0, otherDepartement: 0 }, keptWithoutCoordinates: 0, readByFile: {} };
  const lonLat = [0, 0];
  for (const input of inputs) {
    const opened = await openInput(input.file);
    progress?.step(`Lecture de ${opened.entry}`);
    const required: readonly EstablishmentColumn[] = layout === 'geo' ? EXPECTED_COLUMNS.geo : EXPECTED_COLUMNS.insee;
    const read = await readPublicCsv(opened, { name: opened.entry, docUrl: input.docUrl, required, progress, beforeChunk: () => writer.drain() },
      (row, c) => {
        if (clean(row[c.etatAdministratifEtablissement]).toUpperCase() !== 'A') {
          counts.droppedBy.closed++;
          return;
        }
        const commune = clean(row[c.codeCommuneEtablissement]);
        const dep = departementOfCommune(commune) || input.departement || '';
        if (!wanted.has(dep)) {
          counts.droppedBy.otherDepartement++;
          return;
        }
        let lon = '', lat = '';
        if (layout === 'geo') {
          lon = clean(row[c.longitude]);
          lat = clean(row[c.latitude]);
        } else {
          const x = Number(clean(row[c.coordonneeLambertAbscisseEtablissement]) || NaN);
          const y = Number(clean(row[c.coordonneeLambertOrdonneeEtablissement]) || NaN);
          makeProjector(inseeCrsOf(dep))(x, y, lonLat);
          if (Number.isFinite(lonLat[0]) && Number.isFinite(lonLat[1])) [lon, lat] = [lonLat[0].toFixed(6), lonLat[1].toFixed(6)];
        }
        if (lon === '' || lat === '') counts.keptWithoutCoordinates++;
        const siret = clean(row[c.siret]);
        collector.add(siret);
        writer.write([siret, clean(row[c.activitePrincipaleEtablissement]), clean(row[c.trancheEffectifsEtablissement]),
          commune, 'A', lon, lat]);
        counts.kept++;
      });
    counts.read += read;
    counts.readByFile[input.file] = read;
    progress?.done(`${read.toLocaleString('fr-FR')} lignes lues`);
  }
  await writer.close();
  return { counts, sirens: collector.finish() };
}

export interface JoinCounts {
  written: number;
  legalUnitNotFound: number;
  ess: number;
}

/** Stage 2: staging file + legal units → the prepared establishments CSV. */
export async function joinLegalUnits(stagingFile: string, lookup: LegalUnitLookup, outFile: string, progress?: Progress): Promise<JoinCounts> {
  const writer = new CsvWriter(outFile, PREPARED_COLUMNS);
  const counts: JoinCounts = { written: 0, legalUnitNotFound: 0, ess: 0 };
  const opened = await openInput(stagingFile);
  progress?.step('Jointure avec les unités légales');
  await readPublicCsv(opened, { name: 'fichier intermédiaire', docUrl: '', required: STAGED, progress, beforeChunk: () => writer.drain() },
    (row, c) => {
      const unit = lookup.get(row[c.siret]);
      if (!unit) counts.legalUnitNotFound++;
      if (unit?.ess === 'O') counts.ess++;
      writer.write([row[c.siret], unit?.denomination ?? '', unit?.categorieJuridique ?? '', row[c.activitePrincipaleEtablissement],
        row[c.trancheEffectifsEtablissement], unit?.ess ?? '', row[c.codeCommuneEtablissement], row[c.etatAdministratifEtablissement],
        row[c.longitude], row[c.latitude]]);
    });
  await writer.close();
  counts.written = writer.rows;
  progress?.done(`${counts.written.toLocaleString('fr-FR')} établissements écrits, dont ${counts.ess.toLocaleString('fr-FR')} de l’ESS`);
  return counts;
}
