/**
 * Establishment files in the encodings users really bring: UTF-8 with rows pasted from a
 * Windows-1252 file, Excel's « Texte Unicode » (UTF-16), and files that are not text at all.
 * Every name must come out as written, or the file be refused with a message saying what it is.
 */
import { deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ingestEstablishments } from '../../src/core/ingest/establishments.ts';
import { bytesSource, readCsvStream } from '../../src/core/ingest/csv-stream.ts';
import { isEssqError } from '../../src/core/errors.ts';
import { createZip } from '../fixtures/shapefile/create-shapefile.ts';

const HEADER = 'siret;denominationUniteLegale;categorieJuridiqueUniteLegale;trancheEffectifsEtablissement;longitude;latitude';
const line = (i: number, name: string) => `${40000000000000 + i};${name};9220;02;1,4${i % 10};43,6`;

/** Windows-1252 bytes of a string made of Latin-1 characters plus œ and ’. */
function createWindows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => (c === 'œ' ? 0x9c : c === '’' ? 0x92 : c.charCodeAt(0))));
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

/** A file whose rows are each in UTF-8 or in Windows-1252, as `windows(i)` says. */
function createMixedFile(names: string[], windows: (i: number) => boolean, newline = '\n'): Uint8Array {
  return concat([utf8(HEADER + newline), ...names.map((n, i) => (windows(i) ? createWindows1252 : utf8)(line(i, n) + newline))]);
}

async function ingest(bytes: Uint8Array, chunk = 1 << 16, sliceBytes?: number) {
  return ingestEstablishments(bytesSource(bytes, chunk), { sliceBytes });
}
const namesOf = (t: Awaited<ReturnType<typeof ingest>>['table']) => t.labels.map((l) => l.name);

describe('UTF-8 files with Windows-1252 rows', () => {
  it('reads every name right when half the rows are Windows-1252, and counts them', async () => {
    const names = Array.from({ length: 200 }, (_, i) => `Structuré n° ${i} – l’œuvre`.replace('–', '-'));
    const { table, report } = await ingest(createMixedFile(names, (i) => i % 2 === 1));
    expect(namesOf(table)).toEqual(names);
    expect(report.dialect.encoding).toBe('utf-8');
    expect(report.warnings.join(' ')).toMatch(/100 lignes en Windows-1252/);
  });

  it('leaves the rows before a late Windows-1252 row untouched in a large file', async () => {
    const names = Array.from({ length: 40_000 }, (_, i) => `Régie de quartier ${i}`);
    const { table, report } = await ingest(createMixedFile(names, (i) => i === 39_000), 1 << 20);
    const wrong = namesOf(table).filter((n, i) => n !== names[i]);
    expect(wrong).toEqual([]);
    expect(report.warnings.join(' ')).toMatch(/1 ligne en Windows-1252/);
  });

  it('reads each row in its own encoding whatever the mix and the chunking', async () => {
    // Accents between ASCII letters, as in real names: a Windows-1252 accent followed by ASCII
    // is never valid UTF-8, so every row has exactly one reading.
    const syllable = fc.tuple(fc.constantFrom('R', 'g', 'ie', ' ', 'Q'), fc.constantFrom('é', 'è', 'à', 'ç', 'œ', '’', 'ô', 'É', 'ï', ''));
    const name = fc.array(syllable, { minLength: 1, maxLength: 8 }).map((s) => 'N' + s.map(([a, b]) => a + b).join('') + 'x');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, fc.boolean()), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 97 }),
        async (rows, newline, chunk) => {
          const names = rows.map(([n]) => n);
          const { table, report } = await ingest(createMixedFile(names, (i) => rows[i][1], newline), chunk, 256);
          expect(namesOf(table)).toEqual(names);
          const windowsAccented = rows.filter(([n, w]) => w && /[\u0080-\uffff]/.test(n)).length;
          const utf8Accented = rows.some(([n, w]) => !w && /[\u0080-\uffff]/.test(n));
          if (windowsAccented > 0 && utf8Accented) expect(report.warnings.join(' ')).toContain(`${windowsAccented} ligne`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('UTF-16 files (Excel « Texte Unicode »)', () => {
  const text = ['siret\tdenominationUniteLegale\tlongitude\tlatitude', '40000000000001\tÉpicerie solidaire\t1,44\t43,6', '40000000000002\tCafé ’associatif’\t1,45\t43,61'].join('\r\n') + '\r\n';
  const le = Uint8Array.from(Buffer.from(text, 'utf16le'));
  const be = Uint8Array.from(Buffer.from(text, 'utf16le').swap16());

  for (const [label, bytes, encoding] of [
    ['little-endian with BOM', concat([Uint8Array.of(0xff, 0xfe), le]), 'utf-16le'],
    ['big-endian with BOM', concat([Uint8Array.of(0xfe, 0xff), be]), 'utf-16be'],
    ['little-endian without BOM', le, 'utf-16le'],
  ] as const) {
    it(`reads ${label}`, async () => {
      const { table, report } = await ingest(bytes, 5);
      expect(report.dialect.encoding).toBe(encoding);
      expect(report.rejected).toBe(0);
      expect(namesOf(table)).toEqual(['Épicerie solidaire', 'Café ’associatif’']);
      expect([table.lon[0], table.lat[0]]).toEqual([1.44, 43.6]);
    });
  }
});

describe('files that are not text', () => {
  const csv = utf8(`${HEADER}\n${line(1, 'Régie')}\n`);
  const cases: [string, Uint8Array, RegExp][] = [
    ['a zip', createZip({ 'etablissements.csv': csv }), /archive ZIP/],
    ['an Excel workbook', createZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }), /classeur Excel \(\.xlsx\)/],
    ['an old Excel workbook', concat([Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), new Uint8Array(600)]), /Excel 97-2003/],
    ['a PNG image', concat([Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), deflateRawSync(Buffer.alloc(300, 3))]), /image PNG/],
    ['a PDF', concat([utf8('%PDF-1.7\n%'), Uint8Array.of(0xe2, 0xe3, 0xcf, 0xd3), utf8('\n1 0 obj\n')]), /document PDF/],
    ['a gzip file', Uint8Array.from(gzipSync(csv)), /gzip/],
  ];
  for (const [label, bytes, kind] of cases) {
    it(`names ${label} renamed .csv and quotes none of its bytes`, async () => {
      const error = await ingest(bytes, 7).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isEssqError(error)).toBe(true);
      const message = (error as Error).message;
      expect(message).toMatch(kind);
      expect(message).toMatch(/Attendu : un fichier CSV/);
      // Nothing of the file itself: no control characters, no replacement character, no magic.
      expect([...message].filter((c) => c < ' ' || (c >= '\u007f' && c <= '\u009f') || c === '\ufffd')).toEqual([]);
      expect(message).not.toMatch(/PK|‰|%PDF/);
    });
  }
});

describe('line ending sniffed outside quotes', () => {
  async function read(text: string) {
    const rows: string[][] = [];
    let header: string[] = [];
    await readCsvStream(bytesSource(utf8(text), 3), { onHeader: (h) => (header = h), onRows: (r) => rows.push(...r) });
    return { header, rows };
  }

  it('does not take a CRLF inside a quoted header cell for the record end of an LF file', async () => {
    expect(await read('"a\r\na",b\nc,d\ne,f\n')).toEqual({ header: ['a\r\na', 'b'], rows: [['c', 'd'], ['e', 'f']] });
  });

  it('does not take an LF inside a quoted header cell for the record end of a CRLF file', async () => {
    expect(await read('"a\na",b\r\nc,d\r\ne,f')).toEqual({ header: ['a\na', 'b'], rows: [['c', 'd'], ['e', 'f']] });
  });
});
