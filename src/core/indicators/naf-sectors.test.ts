import { describe, expect, it } from 'vitest';
import { FAMILIES, SECTORS, SIZES } from '../types.ts';
import type { Sector } from '../types.ts';
import { FAMILY_LABELS, SECTOR_LABELS, SIZE_LABELS, nafDivision, sectorFromNaf } from './naf-sectors.ts';

const name = (index: number): Sector => SECTORS[index];

describe('sectorFromNaf', () => {
  it.each([
    ['88.99B', 'action_sociale'],
    ['87.10A', 'action_sociale'],
    ['86.10Z', 'sante'],
    ['85.59A', 'enseignement'],
    ['93.12Z', 'sports_loisirs'],
    ['90.01Z', 'arts_spectacles'],
    ['91.02Z', 'arts_spectacles'],
    ['64.19Z', 'finance_assurance'],
    ['65.12Z', 'finance_assurance'],
    ['47.11F', 'commerce'],
    ['45.20A', 'commerce'],
    ['56.10A', 'hebergement_restauration'],
    ['70.22Z', 'soutien_entreprises'],
    ['78.20Z', 'soutien_entreprises'],
    ['38.32Z', 'industrie_construction'],
    ['43.99C', 'industrie_construction'],
    ['01.11Z', 'agriculture'],
    ['49.39A', 'autres_activites'],
    ['68.20B', 'autres_activites'],
    ['84.11Z', 'autres_activites'],
    ['94.99Z', 'autres_activites'],
  ] as const)('puts %s in %s', (code, sector) => {
    expect(name(sectorFromNaf(code))).toBe(sector);
  });

  it.each([
    ['75.00Z', 'soutien_entreprises'],
    ['59.11A', 'autres_activites'],
    ['92.00Z', 'autres_activites'],
  ] as const)('applies the documented choice for %s (%s)', (code, sector) => {
    expect(name(sectorFromNaf(code))).toBe(sector);
  });

  it.each(['88.99B', '8899B', '88.99Y', '88.99b', ' 88.99B ', '88.99 B', '88', '88.9', '8899', '\uFEFF88.99B'])(
    'reads the spelling %j',
    (code) => {
      expect(name(sectorFromNaf(code))).toBe('action_sociale');
    },
  );

  it('reads a SIRENE v2 APET700 code without dot', () => {
    expect(name(sectorFromNaf('5630Z'))).toBe('hebergement_restauration');
  });

  it('reads a registre des métiers code by its digits', () => {
    expect(name(sectorFromNaf('4399CZ'))).toBe('industrie_construction');
  });

  it('reads a division whose leading zero was dropped', () => {
    expect(name(sectorFromNaf('1.11'))).toBe('agriculture');
  });

  it.each(['', '   ', 'ZZ', 'A', '04.00Z', '00.00Z', '85.3K', '853K', '[ND]'])('answers non_classe for %j', (code) => {
    expect(name(sectorFromNaf(code))).toBe('non_classe');
  });
});

describe('nafDivision', () => {
  it.each([
    ['88.99B', 88],
    ['01.11Z', 1],
    ['4399CZ', 43],
    ['', -1],
    ['85.3K', -1],
  ] as const)('%j → %i', (code, division) => {
    expect(nafDivision(code)).toBe(division);
  });
});

describe('labels', () => {
  it('has a non-empty label for every sector, family and size class', () => {
    for (const s of SECTORS) expect(SECTOR_LABELS[s]).toMatch(/\S/);
    for (const f of FAMILIES) expect(FAMILY_LABELS[f]).toMatch(/\S/);
    for (const s of SIZES) expect(SIZE_LABELS[s]).toMatch(/\S/);
  });

  it('uses the observatory wording', () => {
    expect(SECTOR_LABELS.action_sociale).toBe('Action sociale');
    expect(SECTOR_LABELS.sante).toBe('Santé humaine');
    expect(FAMILY_LABELS.societe_commerciale_ess).toBe('Société commerciale ESS');
    expect(SIZE_LABELS['1-2']).toBe('1–2 salariés');
  });
});
