import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { ingestEstablishments } from '../../src/core/ingest/establishments.ts';
import { readCsvStream } from '../../src/core/ingest/csv-stream.ts';
import type { ColumnMapping } from '../../src/core/ingest/column-mapping.ts';
import { bytesSource } from '../../src/core/ingest/csv-stream.ts';
import { expectResultOrFrenchError, withinTime } from './fuzz-helpers.ts';

const HEADER = 'siret;nom;categorieJuridiqueUniteLegale;activitePrincipaleEtablissement;trancheEffectifsEtablissement;longitude;latitude';

/** A well-formed establishment line with a unique SIRET, inside metropolitan France. */
function goodLine(i: number, lon: number, lat: number): string {
  return `${String(40000000000000 + i)};Structure ${i};9220;88.99B;02;${lon.toFixed(5).replace('.', ',')};${lat.toFixed(5).replace('.', ',')}`;
}

const badLine = fc.oneof(
  fc.string({ maxLength: 200 }).filter((s) => !/[\r\n]/.test(s)),
  fc.constantFrom('NaN;NaN', ';;;;;;Infinity;-Infinity', ';;;;;;1e309;1e309', '"unterminated;field', '\u0000\u0001\u0002', ';;;;;;[ND];[ND]'),
  fc.array(fc.constantFrom(';', 'x', '"', ',', '9'), { maxLength: 3000 }).map((a) => a.join('')),
  fc.integer({ min: 1, max: 5000 }).map((n) => 'a;'.repeat(n)),
);

async function ingest(bytes: Uint8Array, chunk: number, mapping?: ColumnMapping) {
  return ingestEstablishments(bytesSource(bytes, chunk), { sliceBytes: 4096, maxRejectedRows: 1000, mapping });
}

/** HEADER's columns, as a user confirms them on the mapping screen. */
const CONFIRMED_MAPPING: ColumnMapping = { siret: 0, name: 1, legalCategory: 2, naf: 3, tranche: 4, lon: 5, lat: 6 };

describe('fast CSV reader', () => {
  it('gives exactly papaparse’s rows on well-formed files, whatever the chunking', async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', 'a;b', 'a,b', 'dit "oui"', 'deux\nlignes', 'Œuvre ’solidaire’', '  espacé  ', '[ND]', '43,6'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(';', ',', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 300 }),
        async (rows, delimiter, newline, chunk) => {
          const header = ['a', 'b', 'c'];
          const text = Papa.unparse([header, ...rows], { delimiter, newline, quotes: false });
          const expected = Papa.parse<string[]>(text, { delimiter, newline, skipEmptyLines: 'greedy' }).data.slice(1);
          const got: string[][] = [];
          await readCsvStream(
            bytesSource(new TextEncoder().encode(text), chunk),
            { onHeader: () => {}, onRows: (r) => got.push(...r) },
            { dialect: { delimiter, newline: newline as '\n' | '\r\n', encoding: 'utf-8', bom: false }, sliceBytes: 64 },
          );
          // A field with up to two line breaks is legitimate and must come out whole.
          const tooManyBreaks = rows.some((r) => r.some((f) => f.split('\n').length > 3));
          if (!tooManyBreaks) expect(got).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('CSV reader under hostile input', () => {
  it('ends every random byte sequence in a result or a French error, within bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.integer({ min: 1, max: 512 }), async (bytes, chunk) => {
        try {
          const { report } = await withinTime(5000, ingest(bytes, chunk));
          expect(report.read).toBe(report.accepted + report.rejected);
        } catch (e) {
          expectResultOrFrenchError(e);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every good row whatever bad lines are mixed in, and accounts for all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.double({ min: 0, max: 7, noNaN: true }), fc.double({ min: 43, max: 49, noNaN: true })), { minLength: 5, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), badLine), { maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 7, max: 700 }),
        async (points, bads, crlf, chunk) => {
          const lines = points.map(([lon, lat], i) => goodLine(i, lon, lat));
          for (const [at, bad] of bads) lines.splice(at % (lines.length + 1), 0, bad);
          // Bad lines must not swallow good ones through an open quote.
          const safe = lines.map((l) => (l.split('"').length % 2 === 0 ? l.replace(/"/g, '') : l));
          const text = [HEADER, ...safe].join(crlf ? '\r\n' : '\n') + '\n';
          const bytes = new TextEncoder().encode(text);
          const keepsAll = ({ report, table }: Awaited<ReturnType<typeof ingest>>) => {
            expect(report.read).toBe(report.accepted + report.rejected);
            const sirets = new Set(table.labels.map((l) => l.siret));
            for (let i = 0; i < points.length; i++) expect(sirets.has(String(40000000000000 + i))).toBe(true);
          };
          // With the columns the user confirmed on the mapping screen, as the app loads a file.
          keepsAll(await withinTime(5000, ingest(bytes, chunk, CONFIRMED_MAPPING)));
          // Left to detection, the columns are judged on their values: when junk lines are most
          // of the sample, the coordinates may not be recognised, and the user is sent to the
          // mapping step in French; whenever detection succeeds, every good row is kept.
          try {
            keepsAll(await withinTime(5000, ingest(bytes, chunk)));
          } catch (e) {
            expect((e as Error).message).toMatch(/Aucune colonne de coordonnées reconnue.*étape de correspondance des colonnes/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('copes with thousands of columns and huge fields', async () => {
    const cols = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    const text = [['longitude', 'latitude', ...cols].join(','), ['1.44', '43.6', ...cols.map(() => 'x')].join(','), `2,45,${'y'.repeat(2_000_000)}`].join('\n');
    const { report } = await withinTime(20_000, ingest(new TextEncoder().encode(text), 65536));
    expect(report.read).toBe(2);
    expect(report.accepted).toBe(2);
  });

  it('keeps the good rows of a large file after a stray quote that never closes', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 40_000; i++) lines.push(i === 10 ? `"Régie du quartier;9220;88.99B;02;1,4;43,6` : goodLine(i, 1 + (i % 500) / 100, 43 + (i % 300) / 100));
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    const { report } = await withinTime(20_000, ingest(bytes, 65536));
    expect(report.read).toBe(40_000);
    expect(report.accepted).toBe(39_999);
    expect(report.rejected).toBe(1);
  });

  it('reads a file whose second half is in another encoding without losing rows', async () => {
    const head = new TextEncoder().encode(`${HEADER}\n${goodLine(1, 1.4, 43.6)}\n`);
    const tail = Uint8Array.from([...`${goodLine(2, 1.5, 43.7)}\n`].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a]));
    const bytes = new Uint8Array([...head, ...tail]);
    const { report } = await ingest(bytes, 16);
    expect(report.accepted).toBe(2);
    expect(report.read).toBe(report.accepted + report.rejected);
  });
});
