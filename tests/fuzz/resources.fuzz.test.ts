/**
 * Hostile files against bounded resources: zip bombs, forged counts in shapefile headers,
 * quartiers files too big to parse, one CSV record of tens of megabytes. Each must end, fast
 * and without filling the memory, in a result that keeps what can be kept or in a French
 * message naming the file and the limit.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuartiersFile } from '../../src/core/ingest/quartiers-file.ts';
import { ingestEstablishments } from '../../src/core/ingest/establishments.ts';
import { bytesSource } from '../../src/core/ingest/csv-stream.ts';
import { ZIP_LIMITS } from '../../src/core/ingest/zip-reader.ts';
import { isEssqError } from '../../src/core/errors.ts';
import { createShapefileZip, createZip, unzipMembers } from '../fixtures/shapefile/create-shapefile.ts';
import { expectResultOrFrenchError, withinTime } from './fuzz-helpers.ts';

const LAYER = 'QP_TEST_LB93';
const square = (lon: number, lat: number): [number, number][] => [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.008], [lon, lat + 0.008]];

/** The member files of a small valid two-quartier shapefile, to forge from. */
function createMembers(): Record<string, Uint8Array> {
  const zip = createShapefileZip({
    projection: 'wgs84',
    fields: ['CODE_QP', 'NOM_QP'],
    records: [
      { rings: [square(1.42, 43.58)], values: { CODE_QP: 'QP031012', NOM_QP: 'Cépière' } },
      { rings: [square(3.21, 43.33)], values: { CODE_QP: 'QP034003', NOM_QP: 'Devèze' } },
    ],
  });
  return unzipMembers(zip);
}

/** A zip whose central directory declares `declared` bytes for `name` (honest when omitted). */
function createZipDeclaring(files: Record<string, Uint8Array>, name: string, declared: number): Uint8Array {
  const zip = Buffer.from(createZip(files));
  const end = zip.length - 22;
  for (let p = zip.readUInt32LE(end + 16); p < end; p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32)) {
    if (zip.subarray(p + 46, p + 46 + zip.readUInt16LE(p + 28)).toString() === name) zip.writeUInt32LE(declared, p + 24);
  }
  return new Uint8Array(zip);
}

async function outcome<T>(p: Promise<T>): Promise<{ value?: T; error?: Error }> {
  try {
    return { value: await p };
  } catch (e) {
    return { error: e as Error };
  }
}

describe('zipped shapefiles within bounds', () => {
  it('stops inflating a zip bomb at the documented ratio, with a French message naming the member and the limit', async () => {
    const members = createMembers();
    // A .shp header followed by 100 MB of zeros: about 100 KB once deflated.
    const shp = new Uint8Array(100 * 1024 * 1024);
    shp.set(members[`${LAYER}.shp`].subarray(0, 100));
    // The directory lies about the size, as a crafted bomb does: only inflating shows it.
    const bomb = createZipDeclaring({ ...members, [`${LAYER}.shp`]: shp }, `${LAYER}.shp`, 1000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const { error } = await withinTime(20_000, outcome(parseQuartiersFile(bomb, { fileName: 'bombe.zip' })));
    expect(isEssqError(error)).toBe(true);
    expect(error!.message).toMatch(/« bombe\.zip »/);
    expect(error!.message).toMatch(new RegExp(`« ${LAYER}\\.shp » dépasse en se décompressant`));
    expect(error!.message).toMatch(new RegExp(`plus de ${ZIP_LIMITS.ratio} fois sa taille compressée`));
    // Stopped near the limit, not after inflating all of it.
    expect(process.memoryUsage().rss - before).toBeLessThan(250 * 1024 * 1024);
  });

  it('refuses a member that declares gigabytes before inflating anything', async () => {
    const members = createMembers();
    const zip = createZipDeclaring(members, `${LAYER}.shp`, 3 * 1024 ** 3);
    const { error } = await withinTime(2_000, outcome(parseQuartiersFile(zip, { fileName: 'qp.zip' })));
    expect(error!.message).toMatch(/annonce 3 Gio, au-delà de la limite de 1 Gio décompressés pour tout le zip/);
  });

  it('reads a .dbf whose header claims 4 294 967 295 records, and says how many it holds', async () => {
    const members = createMembers();
    const dbf = members[`${LAYER}.dbf`].slice();
    new DataView(dbf.buffer).setUint32(4, 0xffffffff, true);
    const { quartiers, warnings } = await withinTime(5_000, parseQuartiersFile(createZip({ ...members, [`${LAYER}.dbf`]: dbf }), { fileName: 'qp.zip' }));
    expect(quartiers.map((q) => q.name)).toEqual(['Cépière', 'Devèze']);
    expect(warnings.join(' ')).toMatch(/annonce 4\s294\s967\s295 lignes mais n’en contient que 2/);
  });

  it('keeps the shapes before a record with forged point counts or a negative length', async () => {
    for (const forge of [(v: DataView) => v.setInt32(8 + 40, 0x7fffffff, true), (v: DataView) => v.setInt32(4, -4)]) {
      const members = createMembers();
      const shp = members[`${LAYER}.shp`].slice();
      // The second record starts after the file header and the first record (header and content).
      const second = 100 + 8 + new DataView(shp.buffer).getInt32(104) * 2;
      forge(new DataView(shp.buffer, second));
      const { quartiers, warnings } = await withinTime(5_000, parseQuartiersFile(createZip({ ...members, [`${LAYER}.shp`]: shp }), { fileName: 'qp.zip' }));
      expect(quartiers.map((q) => q.code)).toEqual(['QP031012']);
      expect(warnings.join(' ')).toMatch(/« QP_TEST_LB93\.shp » est endommagé : la forme n° 2 .* la suite du fichier est ignorée/);
    }
  });

  it('ends any corruption of the .shp and .dbf headers in a result or a French error, in bounded time', async () => {
    const members = createMembers();
    const shpLength = members[`${LAYER}.shp`].length;
    const dbfLength = members[`${LAYER}.dbf`].length;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        async (edits) => {
          const shp = members[`${LAYER}.shp`].slice();
          const dbf = members[`${LAYER}.dbf`].slice();
          // Header bytes and record headers carry the counts: aim there most of the time.
          for (const [inShp, at, value] of edits) {
            if (inShp) shp[at % 3 === 0 ? at % shpLength : 100 + (at % 60)] = value;
            else dbf[at % 3 === 0 ? at % dbfLength : at % 100] = value;
          }
          try {
            const r = await withinTime(5_000, parseQuartiersFile(createZip({ ...members, [`${LAYER}.shp`]: shp, [`${LAYER}.dbf`]: dbf }), { fileName: 'qp.zip' }));
            expect(r.quartiers.length).toBeLessThanOrEqual(2);
          } catch (e) {
            expectResultOrFrenchError(e);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('quartiers files too big to use', () => {
  it('refuses a GeoJSON of 50 000 features with a French message saying what to do', async () => {
    const feature = (i: number) =>
      `{"type":"Feature","properties":{"code_qp":"QP${String(i).padStart(6, '0')}"},"geometry":{"type":"Polygon","coordinates":[[[1,43],[1.001,43],[1.001,43.001],[1,43]]]}}`;
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: 50_000 }, (_, i) => feature(i)).join(',')}]}`;
    const { error } = await withinTime(10_000, outcome(parseQuartiersFile(new TextEncoder().encode(text), { fileName: 'iris.geojson' })));
    expect(isEssqError(error)).toBe(true);
    expect(error!.message).toMatch(/« iris\.geojson » compte 50\s000 entités : au-delà de 20\s000/);
    expect(error!.message).toMatch(/découpez le fichier par département/);
  });
});

describe('CSV records too long to keep', () => {
  it('rejects a 40 MB record alone as « ligne trop longue » and keeps every other row', async () => {
    const header = 'siret;denominationUniteLegale;longitude;latitude\n';
    const row = (i: number) => `${40000000000000 + i};Structure ${i};1,44;43,6\n`;
    const long = `40000000000099;${'x'.repeat(40 * 1024 * 1024)};1,44;43,6\n`;
    const bytes = new TextEncoder().encode(header + row(1) + row(2) + long + row(3) + row(4));
    const { report, table } = await withinTime(30_000, ingestEstablishments(bytesSource(bytes, 1 << 20)));
    expect(report.read).toBe(5);
    expect(report.rejectedBy).toEqual({ line_too_long: 1 });
    expect(report.rejectedRows.map((r) => r.line)).toEqual([3]);
    expect(table.labels.map((l) => l.name)).toEqual(['Structure 1', 'Structure 2', 'Structure 3', 'Structure 4']);
  });
});
