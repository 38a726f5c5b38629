import { describe, expect, it } from 'vitest';
import { decodeText, parseReference } from './reference.ts';

describe('reference CSV', () => {
  it('reads population, establishments and jobs by quartier code', () => {
    const r = parseReference('\uFEFFcode_qp;nom_qp;pop_mun;nbetab;emplois\r\nQN99901N;Les Tilleuls;5230;410;1 250\r\nqn99902m;Le Port;3100,5;;\r\n');
    expect(r.byCode.get('QN99901N')).toEqual({ population: 5230, establishments: 410, jobs: 1250 });
    expect(r.byCode.get('QN99902M')).toEqual({ population: 3100.5, establishments: null, jobs: null });
    expect(r.columns).toEqual({ code: 'code_qp', population: 'pop_mun', establishments: 'nbetab', jobs: 'emplois' });
  });

  it('says which column is missing, in French', () => {
    expect(() => parseReference('quartier_id,pop\nA,1\n')).toThrow(/pas de colonne de code quartier.*quartier_id/);
  });

  it('decodes Windows-1252 typographic characters', () => {
    expect(decodeText(Uint8Array.from([0x4c, 0x92, 0x9c, 0x96, 0xe9]))).toBe('L’œ–é');
  });
});
