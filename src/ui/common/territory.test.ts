import { describe, expect, it } from 'vitest';
import { communeNameMap, territoryLabel } from './territory.ts';
import type { QuartierSummary } from '../../worker/protocol.ts';

const quartier = (code: string, communes: string[], communeNames: string[]): QuartierSummary => ({
  index: 0, code, name: code, communes, communeNames, bbox: [0, 0, 1, 1],
  geometry: { type: 'Polygon', coordinates: [] },
});

describe('territoryLabel', () => {
  it('names the communes by their names, each once', () => {
    const label = territoryLabel([quartier('QN1', ['31555'], ['Toulouse']), quartier('QN2', ['31555', '31069'], ['Toulouse', 'Blagnac'])]);
    expect(label).toBe('Toulouse, Blagnac · 2 quartiers');
  });

  it('names communes of 2015 files that give names without INSEE codes', () => {
    expect(territoryLabel([quartier('QP1', [], ['Séméac', 'Tarbes']), quartier('QP2', [], ['Tarbes'])])).toBe('Séméac, Tarbes · 2 quartiers');
  });

  it('shortens long lists', () => {
    const qs = ['A', 'B', 'C', 'D', 'E'].map((n, i) => quartier(`Q${i}`, [String(i)], [n]));
    expect(territoryLabel(qs)).toBe('A, B, C et 2 autres communes · 5 quartiers');
  });
});

describe('communeNameMap', () => {
  it('names a code only from quartiers that pair names and codes one to one', () => {
    // Tarbes Est (2015 file): « Séméac, Tarbes » beside the code of Tarbes alone.
    const tarbesEst = quartier('QP065003', ['65440'], ['Séméac', 'Tarbes']);
    expect(communeNameMap([tarbesEst]).get('65440')).toBeUndefined();
    expect(communeNameMap([tarbesEst, quartier('QP065001', ['65440'], ['Tarbes'])]).get('65440')).toBe('Tarbes');
  });

  it('lists every commune of a quartier spanning several in the territory label', () => {
    expect(territoryLabel([quartier('QP065003', ['65440'], ['Séméac', 'Tarbes'])])).toBe('Séméac, Tarbes · 1 quartier');
  });
});
