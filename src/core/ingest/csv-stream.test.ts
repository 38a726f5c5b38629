import { describe, expect, it } from 'vitest';
import { bytesSource, lastRecordEnd, readCsvStream } from './csv-stream.ts';
import { detectDelimiter, sniffCsv } from './csv-sniff.ts';

/** Encodes text as Windows-1252 (only the Latin-1 range is needed here). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

async function readAll(bytes: Uint8Array, chunk = 5, sliceBytes = 16) {
  const rows: string[][] = [];
  let header: string[] = [];
  const result = await readCsvStream(
    bytesSource(bytes, chunk),
    { onHeader: (h) => (header = h), onRows: (r) => rows.push(...r) },
    { sliceBytes },
  );
  return { rows, header, result };
}

describe('sniffCsv', () => {
  it('detects a UTF-8 BOM', () => {
    const d = sniffCsv(new TextEncoder().encode('\uFEFFa;b\r\n1;2\r\n'));
    expect(d).toEqual({ encoding: 'utf-8', bom: true, delimiter: ';', newline: '\r\n' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(sniffCsv(latin1('nom;commune\nCafé;Nîmes\n')).encoding).toBe('windows-1252');
  });

  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('nom,ville\n"A; B; C",Toulouse\n"D; E",Albi\n')).toBe(',');
  });

  it('recognises tab and pipe', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
  });
});

describe('lastRecordEnd', () => {
  it('does not cut inside a quoted newline', () => {
    const text = 'a,b\n"x\ny",2\n"open\n';
    expect(lastRecordEnd(text, '\n')).toBe('a,b\n"x\ny",2\n'.length);
  });
});

describe('readCsvStream', () => {
  it('reads Windows-1252 accents, quoted delimiters and CRLF across tiny chunks', async () => {
    const bytes = latin1('siret;nom;commune\r\n00012345600012;"Régie; Quartier";Nîmes\r\n00012345600013;Épicerie;Alès\r\n');
    const { rows, header, result } = await readAll(bytes);
    expect(header).toEqual(['siret', 'nom', 'commune']);
    expect(rows).toEqual([
      ['00012345600012', 'Régie; Quartier', 'Nîmes'],
      ['00012345600013', 'Épicerie', 'Alès'],
    ]);
    expect(result.dialect.encoding).toBe('windows-1252');
  });

  it('switches to Windows-1252 when an invalid byte appears after a valid UTF-8 head', async () => {
    const head = 'nom,ville\n' + 'Association,Albi\n'.repeat(20);
    const bytes = new Uint8Array([...new TextEncoder().encode(head), ...latin1('Café,Nîmes\n')]);
    const { rows, result } = await readAll(bytes, 64, 64);
    expect(rows.at(-1)).toEqual(['Café', 'Nîmes']);
    expect(result.encodingSwitchAt).not.toBeNull();
  });

  it('strips the BOM from the first header cell', async () => {
    const { header, rows } = await readAll(new TextEncoder().encode('\uFEFFcode;valeur\nA;1,5\n'));
    expect(header).toEqual(['code', 'valeur']);
    expect(rows).toEqual([['A', '1,5']]);
  });

  it('keeps a quoted field spanning a chunk boundary whole', async () => {
    const text = 'id,texte\n1,"ligne un\nligne deux, avec virgule"\n2,fin\n';
    const { rows } = await readAll(new TextEncoder().encode(text), 3, 8);
    expect(rows).toEqual([
      ['1', 'ligne un\nligne deux, avec virgule'],
      ['2', 'fin'],
    ]);
  });

  it('reads a last line without a newline', async () => {
    const { rows } = await readAll(new TextEncoder().encode('a,b\n1,2\n3,4'));
    expect(rows).toEqual([['1', '2'], ['3', '4']]);
  });
});
