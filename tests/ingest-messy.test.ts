import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestEstablishments } from '../src/core/ingest/establishments.ts';
import { bytesSource } from '../src/core/ingest/csv-stream.ts';
import { FAMILIES, SECTORS, SIZES } from '../src/core/types.ts';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'csv');

/** Ingests a fixture through small chunks and summarises what the engine kept and why. */
async function ingestFixture(name: string) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'in', name)));
  const { table, report } = await ingestEstablishments(bytesSource(bytes, 64), { sliceBytes: 128 });
  const rows = Array.from({ length: table.count }, (_, i) => ({
    lon: Math.round(table.lon[i] * 1e6) / 1e6,
    lat: Math.round(table.lat[i] * 1e6) / 1e6,
    ess: table.ess[i] === 1,
    family: FAMILIES[table.family[i]],
    sector: SECTORS[table.sector[i]],
    size: SIZES[table.size[i]],
    employer: table.employer[i] === 1,
    jobs: [table.jobsMin[i], table.jobsEstimate[i], table.jobsMax[i]],
    label: table.labelIndex[i] >= 0 ? table.labels[table.labelIndex[i]] : null,
  }));
  return {
    dialect: report.dialect,
    layout: report.mapping.layout,
    mapping: Object.fromEntries(Object.entries(report.mapping.mapping).map(([k, v]) => [k, report.header[v!]])),
    coordinates: report.coordinates,
    essBasis: report.essBasis,
    jobsSource: report.jobsSource,
    hasNonEss: report.hasNonEss,
    read: report.read,
    accepted: report.accepted,
    rejectedBy: report.rejectedBy,
    rejectedLines: report.rejectedRows.map((r) => [r.line, r.reason]),
    warnings: report.warnings,
    rows,
  };
}

describe('messy establishment files (golden outputs)', () => {
  for (const name of fs.readdirSync(path.join(FIXTURES, 'in'))) {
    it(`reads ${name}`, async () => {
      const summary = await ingestFixture(name);
      expect(summary.read).toBe(summary.accepted + Object.values(summary.rejectedBy).reduce((a, b) => a + (b ?? 0), 0));
      await expect(JSON.stringify(summary, null, 2) + '\n').toMatchFileSnapshot(path.join(FIXTURES, 'out', name.replace(/\.csv$/, '.json')));
    });
  }
});

describe('messy establishment files (behaviours)', () => {
  it('reads Windows-1252 accents, quoted semicolons and decimal commas', async () => {
    const s = await ingestFixture('windows1252-semicolon.csv');
    expect(s.dialect).toMatchObject({ encoding: 'windows-1252', delimiter: ';', newline: '\r\n' });
    expect(s.rows[0].label?.name).toBe('Régie de quartier; Les Tilleuls');
    expect(s.rows[0]).toMatchObject({ lon: 1.444, lat: 43.6045, family: 'association', sector: 'action_sociale', jobs: [10, 14.5, 19] });
  });

  it('counts each rejected row with its reason', async () => {
    const s = await ingestFixture('windows1252-semicolon.csv');
    expect(s.rejectedBy).toEqual({ no_coordinates: 2, duplicate_siret: 1, closed: 1, bad_coordinates: 1, outside_france: 1 });
    expect(s.read).toBe(9);
  });

  it('detects swapped longitude and latitude columns and says so', async () => {
    const s = await ingestFixture('bom-swapped-flag.csv');
    expect(s.coordinates.swapped).toBe(true);
    expect(s.rows[0]).toMatchObject({ lon: 1.444, lat: 43.6045 });
    expect(s.warnings.join(' ')).toMatch(/inversées/);
  });

  it('lets the explicit ESS flag win over the legal category', async () => {
    const s = await ingestFixture('bom-swapped-flag.csv');
    expect(s.essBasis).toBe('flag');
    expect(s.rows.map((r) => r.ess)).toEqual([true, false, true, true, true]);
    expect(s.rows[0].family).toBe('societe_commerciale_ess');
    expect(s.rows[3].family).toBe('cooperative');
  });

  it('reads a "lat, lon" column, exact headcounts, and treats a file without classification as an ESS list', async () => {
    const s = await ingestFixture('ods-latlon-pipe.csv');
    expect(s.dialect.delimiter).toBe('|');
    expect(s.essBasis).toBe('ess_list');
    expect(s.rows[0]).toMatchObject({ lon: 1.444, lat: 43.6045, jobs: [12, 12, 12], employer: true, size: '10-19' });
    expect(s.rows[1]).toMatchObject({ employer: false, size: 'non_employeur' });
    expect(s.rejectedBy).toEqual({ no_coordinates: 1 });
  });

  it('says when many rows outside France land in France swapped, and swaps them on request', async () => {
    // Half the rows have latitude and longitude swapped, row by row: the columns are right.
    const lines = ['siret,nom,longitude,latitude'];
    for (let i = 0; i < 30; i++) {
      const [lon, lat] = [(1.4 + i / 1000).toFixed(4), (43.6 + i / 1000).toFixed(4)];
      lines.push(`${40000000000000 + i},Structure ${i},${i % 2 ? lat : lon},${i % 2 ? lon : lat}`);
    }
    lines.push('40000000000099,Au large,-40.5,10.2');
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    // The user's mapping: half the longitudes look like latitudes, which detection may doubt.
    const mapping = { siret: 0, name: 1, lon: 2, lat: 3 };
    const plain = await ingestEstablishments(bytesSource(bytes, 64), { mapping });
    expect(plain.report.rejectedBy).toEqual({ outside_france: 16 });
    expect(plain.report.swapCandidates).toBe(15);
    expect(plain.report.warnings.join(' ')).toMatch(/15 lignes rejetées « hors de France » sur 16 tomberaient en France avec latitude et longitude permutées/);
    const swapped = await ingestEstablishments(bytesSource(bytes, 64), { mapping, swapOutsideFrance: true });
    expect(swapped.report.rejectedBy).toEqual({ outside_france: 1 });
    expect(swapped.report.swappedRows).toBe(15);
    expect(Array.from(swapped.table.lat).every((lat) => lat > 43.5 && lat < 43.7)).toBe(true);
    expect(swapped.report.warnings.join(' ')).toMatch(/15 lignes dont latitude et longitude étaient inversées .* ont été permutées et placées/);
  });

  it('reprojects Lambert-93 coordinates and rejects unreadable ones', async () => {
    const s = await ingestFixture('lambert93-tab.csv');
    expect(s.coordinates).toMatchObject({ kind: 'xy', crs: 'EPSG:2154' });
    expect(s.rows[0].lon).toBeCloseTo(1.44, 1);
    expect(s.rows[0].lat).toBeCloseTo(43.6, 1);
    expect(s.rejectedBy).toEqual({ bad_coordinates: 1 });
  });
});
