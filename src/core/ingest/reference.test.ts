import { describe, expect, it } from 'vitest';
import { decodeText, parseReference, parseReferenceFile, unmatchedReferenceCodes } from './reference.ts';

describe('reference CSV', () => {
  it('reads population, establishments and jobs by quartier code', () => {
    const r = parseReference('\uFEFFcode_qp;nom_qp;pop_mun;nbetab;emplois\r\nQN99901N;Les Tilleuls;5230;410;1 250\r\nqn99902m;Le Port;3100,5;;\r\n');
    expect(r.byCode.get('QN99901N')).toEqual({ population: 5230, establishments: 410, jobs: 1250 });
    expect(r.byCode.get('QN99902M')).toEqual({ population: 3100.5, establishments: null, jobs: null });
    expect(r.columns).toEqual({ code: 'code_qp', population: 'pop_mun', establishments: 'nbetab', jobs: 'emplois' });
  });

  it('leaves out negative, non-numeric and absurd values, row by row, and says which', () => {
    const r = parseReference('code_qp;pop_mun;nbetab\nQN03101A;-500;12\nQN03102A;abc;3\nQN03103A;99999999999;4\nQN03104A;1 200;[ND]\n;100;1\nQN03101A;900;2\n');
    expect([...r.byCode]).toEqual([
      ['QN03101A', { population: null, establishments: 12, jobs: null }],
      ['QN03102A', { population: null, establishments: 3, jobs: null }],
      ['QN03103A', { population: null, establishments: 4, jobs: null }],
      ['QN03104A', { population: 1200, establishments: null, jobs: null }],
    ]);
    expect(r.issues.map((i) => [i.line, i.code, i.column, i.value])).toEqual([
      [2, 'QN03101A', 'pop_mun', '-500'],
      [3, 'QN03102A', 'pop_mun', 'abc'],
      [4, 'QN03103A', 'pop_mun', '99999999999'],
      [6, '', 'code_qp', ''],
      [7, 'QN03101A', 'code_qp', ''],
    ]);
    expect(r.warnings).toEqual([
      'Fichier de référence, ligne 2 (QN03101A : « -500 ») : « pop_mun » est négatif ; valeur non utilisée (ni part, ni densité pour ce quartier).',
      'Fichier de référence, ligne 3 (QN03102A : « abc ») : « pop_mun » n’est pas un nombre ; valeur non utilisée (ni part, ni densité pour ce quartier).',
      'Fichier de référence, ligne 4 (QN03103A : « 99999999999 ») : « pop_mun » dépasse 200\u202f000, plus qu’aucun quartier ; valeur non utilisée (ni part, ni densité pour ce quartier).',
      'Fichier de référence, ligne 6 : sans code de quartier ; ligne ignorée.',
      'Fichier de référence, ligne 7 : code QN03101A déjà lu plus haut ; ligne ignorée.',
    ]);
  });

  it('names the codes that match no loaded quartier, and a generation mismatch', () => {
    const r = parseReference('code_qp;pop_mun\nQP031001;5230\nQP031002;100\n');
    expect(unmatchedReferenceCodes(r, ['QN03101A', 'QP031001'])).toBe(
      'Fichier de référence : le code QP031002 ne correspond à aucun quartier chargé ; sa ligne n’est pas utilisée.',
    );
    expect(unmatchedReferenceCodes(r, ['QN03101A'])).toMatch(/2 codes QP031001, QP031002 ne correspondent à aucun quartier chargé.*géographie 2015/);
    expect(unmatchedReferenceCodes(r, ['QP031001', 'qp031002'])).toBeNull();
  });

  it('refuses a spreadsheet saved as .csv, saying what it is', () => {
    expect(() => parseReferenceFile(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'qp.csv')).toThrow(
      /« qp\.csv » n’est pas un fichier texte : c’est un classeur Excel 97-2003/,
    );
  });

  it('says which column is missing, in French', () => {
    expect(() => parseReference('quartier_id,pop\nA,1\n')).toThrow(/pas de colonne de code quartier.*quartier_id/);
  });

  it('decodes Windows-1252 typographic characters', () => {
    expect(decodeText(Uint8Array.from([0x4c, 0x92, 0x9c, 0x96, 0xe9]))).toBe('L’œ–é');
  });
});
