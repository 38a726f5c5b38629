import { describe, expect, it } from 'vitest';
import { DEFAULT_NEEDS, needsOfNaf, normaliseNaf, parseNeedsCsv } from './resident-needs.ts';

describe('resident needs', () => {
  it('reads NAF codes in every spelling SIRENE files use', () => {
    expect(['88.10A', '8810A', ' 88.10a ', '88.10'].map(normaliseNaf)).toEqual(['8810A', '8810A', '8810A', '8810']);
    const ids = (code: string) => needsOfNaf(code, DEFAULT_NEEDS).map((k) => DEFAULT_NEEDS[k].id);
    expect(ids('88.91A')).toEqual(['petite_enfance']);
    expect(ids('86.21Z')).toEqual(['sante']);
    expect(ids('45.20A')).toEqual(['mobilite']);
    expect(ids('64.19Z')).toEqual([]);
    expect(ids('')).toEqual([]);
  });

  it('reads a user list with French separators, and names the line of a bad row', () => {
    const needs = parseNeedsCsv('\uFEFFbesoin;codes_naf\r\nSanté de proximité;86.21Z 86.23Z\r\nVélo;"45.20B, 77.21Z"\r\n');
    expect(needs).toEqual([
      { id: 'sante_de_proximite', label: 'Santé de proximité', naf: ['8621Z', '8623Z'] },
      { id: 'velo', label: 'Vélo', naf: ['4520B', '7721Z'] },
    ]);
    expect(() => parseNeedsCsv('besoin;codes_naf\nSanté;86\nMobilité;\n')).toThrow(/ligne 3/);
    expect(() => parseNeedsCsv('nom;naf\nSanté;86\n')).toThrow(/colonnes « besoin » et « codes_naf » attendues/);
    expect(() => parseNeedsCsv('besoin;codes_naf\nSanté;santé\n')).toThrow(/ligne 2/);
    // Comma-separated, with the codes quoted because they hold commas.
    expect(parseNeedsCsv('id,besoin,codes_naf\nmob,Mobilité,"45.20, 49.39"\n')).toEqual([{ id: 'mob', label: 'Mobilité', naf: ['4520', '4939'] }]);
  });
});
