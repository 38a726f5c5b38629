import { describe, expect, it } from 'vitest';
import { territoryLabel } from './territory.ts';
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
