import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../types.ts';
import type { Family } from '../types.ts';
import {
  FAMILY_LABELS,
  familyForEss,
  familyFromLabel,
  familyFromLegalCategory,
  isEssLegalCategory,
} from './legal-families.ts';

const name = (index: number): Family => FAMILIES[index];

describe('familyFromLegalCategory', () => {
  it.each([
    ['9220', 'association'],
    ['9210', 'association'],
    ['9223', 'association'],
    ['9260', 'association'],
    ['9300', 'fondation'],
    ['8210', 'mutuelle'],
    ['8290', 'mutuelle'],
    ['6411', 'mutuelle'],
    ['5458', 'cooperative'],
    ['5558', 'cooperative'],
    ['6316', 'cooperative'],
    ['6318', 'cooperative'],
    ['5195', 'cooperative'],
    ['6595', 'cooperative'],
    ['6100', 'cooperative'],
  ] as const)('maps niveau III %s to %s', (code, family) => {
    expect(name(familyFromLegalCategory(code))).toBe(family);
  });

  it.each([
    ['92', 'association'],
    ['93', 'fondation'],
    ['82', 'mutuelle'],
    ['64', 'mutuelle'],
    ['63', 'cooperative'],
    ['51', 'cooperative'],
    ['54', 'inconnue'],
  ] as const)('maps niveau II %s to %s', (code, family) => {
    expect(name(familyFromLegalCategory(code))).toBe(family);
  });

  it.each([' 9220 ', '9220.0', '9220.00', '\uFEFF9220', '9220 Association déclarée'])(
    'tolerates the spelling %j',
    (code) => {
      expect(name(familyFromLegalCategory(code))).toBe('association');
    },
  );

  it.each(['5710', '5499', '7210', '9224', '7321', '9150', '8140', '8510', '5432', '9970'])(
    'does not give the non-ESS form %s a family',
    (code) => {
      expect(name(familyFromLegalCategory(code))).toBe('inconnue');
    },
  );

  it.each(['', '   ', 'abc', '92A0', '922', '92200', '9220.5'])('answers inconnue for unreadable %j', (code) => {
    expect(name(familyFromLegalCategory(code))).toBe('inconnue');
  });

  it('lets a code missing from the 2022 list follow its niveau II', () => {
    expect(name(familyFromLegalCategory('9299'))).toBe('association');
  });
});

describe('familyForEss', () => {
  it.each([
    ['5710', 'societe_commerciale_ess'],
    ['5499', 'societe_commerciale_ess'],
    ['6540', 'societe_commerciale_ess'],
    ['3120', 'societe_commerciale_ess'],
    ['57', 'societe_commerciale_ess'],
    ['9220', 'association'],
    ['5458', 'cooperative'],
    ['7410', 'inconnue'],
    ['9900', 'inconnue'],
    ['', 'inconnue'],
    ['n/a', 'inconnue'],
  ] as const)('counts the ESS row with category %j as %s', (code, family) => {
    expect(name(familyForEss(code))).toBe(family);
  });
});

describe('isEssLegalCategory', () => {
  it.each([
    ['9220', true],
    ['9300', true],
    ['8210', true],
    ['5458', true],
    ['5710', false],
    ['', false],
  ] as const)('%j → %s', (code, expected) => {
    expect(isEssLegalCategory(code)).toBe(expected);
  });
});

describe('familyFromLabel', () => {
  it.each([
    ['Association', 'association'],
    ['ASSOCIATIONS', 'association'],
    ['Coopérative', 'cooperative'],
    ['cooperatives', 'cooperative'],
    ['SCOP', 'cooperative'],
    ['Scic', 'cooperative'],
    ['Association coopérative', 'cooperative'],
    ['Mutuelle', 'mutuelle'],
    ['Mutuelles', 'mutuelle'],
    ["Société d'assurance mutuelle", 'mutuelle'],
    ['Fondation', 'fondation'],
    ['fondations', 'fondation'],
    ['Société commerciale ESS', 'societe_commerciale_ess'],
    ["Entreprise commerciale de l'ESS", 'societe_commerciale_ess'],
    ['SOCIETE COMMERCIALE', 'societe_commerciale_ess'],
    ['  Association  ', 'association'],
    ['', 'inconnue'],
    ['Autre', 'inconnue'],
  ] as const)('reads %j as %s', (text, family) => {
    expect(name(familyFromLabel(text))).toBe(family);
  });

  it('reads back every family key and every label it exports', () => {
    for (const family of FAMILIES) {
      expect(name(familyFromLabel(family))).toBe(family);
      expect(name(familyFromLabel(FAMILY_LABELS[family]))).toBe(family);
    }
  });

  it('gives the same answer on a repeated label (memoised path)', () => {
    const first = familyFromLabel('Fondation');
    expect(familyFromLabel('Fondation')).toBe(first);
  });
});
