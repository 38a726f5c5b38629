/**
 * The nomenclature tables in src/core/indicators replayed against INSEE's own lists
 * (../shared/data/insee-nomenclatures, or $ESSQ_SHARED_DATA): every real code must land where
 * the tables say, so a division, a sous-classe or a legal category cannot be forgotten.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { FAMILIES, SECTORS } from '../src/core/types.ts';
import type { Family, Sector } from '../src/core/types.ts';
import { familyForEss, familyFromLegalCategory } from '../src/core/indicators/legal-families.ts';
import { nafDivision, sectorFromNaf } from '../src/core/indicators/naf-sectors.ts';
import { jobsFromTranche } from '../src/core/indicators/tranches.ts';
import { shared } from './shared-data.ts';

function readCsv(file: string, delimiter: string): Record<string, string>[] {
  const where = shared('insee-nomenclatures', file);
  if (!fs.existsSync(where)) {
    throw new Error(`Fichier de nomenclature attendu : ${where} (définir ESSQ_SHARED_DATA), introuvable.`);
  }
  const text = fs.readFileSync(where, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { delimiter, header: true, skipEmptyLines: true }).data;
}

const sectorName = (index: number): Sector => SECTORS[index];
const familyName = (index: number): Family => FAMILIES[index];
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const niveaux = readCsv('naf2008_5_niveaux.csv', ',');
const divisions = [...new Set(niveaux.map((r) => r.NIV2))].sort();
const sectionOf: Record<string, string> = JSON.parse(
  fs.readFileSync(shared('insee-nomenclatures', 'sections_codes_naf.json'), 'utf8'),
);

describe('NAF rév. 2 → sector groups, against INSEE naf2008_5_niveaux.csv', () => {
  it('lists the 88 divisions and 732 sous-classes', () => {
    expect(divisions).toHaveLength(88);
    expect(niveaux).toHaveLength(732);
  });

  it('agrees with the official int_courts_naf_rev_2.csv on divisions and sous-classes', () => {
    const rows = readCsv('int_courts_naf_rev_2.csv', ';');
    const codes = rows.map((r) => (r.Code ?? '').trim());
    expect(codes.filter((c) => /^\d\d$/.test(c)).sort()).toEqual(divisions);
    expect(codes.filter((c) => /^\d\d\.\d\d[A-Z]$/.test(c)).sort()).toEqual(niveaux.map((r) => r.NIV5).sort());
  });

  it('puts every division in a sector other than non_classe', () => {
    const unclassed = divisions.filter((d) => sectorName(sectorFromNaf(d)) === 'non_classe');
    expect(unclassed).toEqual([]);
  });

  it('puts every sous-classe, with and without dot, in the sector of its division', () => {
    const wrong = niveaux.filter((r) => {
      const expected = sectorFromNaf(r.NIV2);
      return (
        sectorFromNaf(r.NIV5) !== expected ||
        sectorFromNaf(r.NIV5.replace('.', '')) !== expected ||
        nafDivision(r.NIV5) !== Number(r.NIV2)
      );
    });
    expect(wrong.map((r) => r.NIV5)).toEqual([]);
  });

  it('reads every sous-classe in its NAF 2025 and lowercase spellings', () => {
    const wrong = niveaux.filter((r) => {
      const expected = sectorFromNaf(r.NIV2);
      return sectorFromNaf(r.NIV5.slice(0, 5) + 'Y') !== expected || sectorFromNaf(r.NIV5.toLowerCase()) !== expected;
    });
    expect(wrong.map((r) => r.NIV5)).toEqual([]);
  });

  it('keeps each sector group inside the NAF sections the observatories cut it from', () => {
    const allowed: Record<Sector, string> = {
      agriculture: 'A',
      industrie_construction: 'BCDEF',
      commerce: 'G',
      hebergement_restauration: 'I',
      finance_assurance: 'K',
      soutien_entreprises: 'MN',
      enseignement: 'P',
      sante: 'Q',
      action_sociale: 'Q',
      arts_spectacles: 'R',
      sports_loisirs: 'R',
      autres_activites: 'HJLORSTU',
      non_classe: '',
    };
    const outside = divisions.filter((d) => !allowed[sectorName(sectorFromNaf(d))].includes(sectionOf[d]));
    expect(outside).toEqual([]);
  });
});

describe('catégories juridiques 2022 → ESS families', () => {
  const categories = readCsv('categories_juridiques_2022.csv', ',');
  const level3 = categories.filter((r) => r.niveau === '3');
  const level2 = categories.filter((r) => r.niveau === '2');

  /** Family the label's own words imply; coop words first ("Association coopérative inscrite"). */
  function familyFromWords(label: string): Family {
    const s = fold(label);
    if (/cooperati(?:ve|f)|\bscop\b|\bcuma\b|credit (?:\w+ )?mutuel\b/.test(s)) return 'cooperative';
    if (/mutuelle|mutualiste/.test(s)) return 'mutuelle';
    if (/fondation/.test(s)) return 'fondation';
    if (/association/.test(s)) return 'association';
    return 'inconnue';
  }

  /** Where the tables depart from the words, each for a stated reason (see legal-families.ts). */
  const DECIDED: Record<string, Family> = {
    '5191': 'cooperative', // caution mutuelle: filed by INSEE with the coop banks (niveau II 51)
    '6100': 'cooperative', // caisses d'épargne: cooperative banks since 1999
    '7321': 'inconnue', // association syndicale autorisée: public body
    '7322': 'inconnue', // association foncière urbaine: public body
    '7323': 'inconnue', // association foncière de remembrement: public body
    '9150': 'inconnue', // association syndicale libre: landowners, not loi 1901
    '9224': 'inconnue', // AARPI: a law firm
    '9223': 'association', // groupement d'employeurs: an association loi 1901 (niveau II 92)
    '9240': 'association', // congrégation: niveau II 92, counted with associations by INSEE
    '61': 'cooperative',
  };

  const expectedFamily = (r: Record<string, string>): Family => DECIDED[r.code] ?? familyFromWords(r.libelle);
  const mentionsFamily = (label: string) => /association|fondation|mutuelle|cooperati(?:ve|f)/.test(fold(label));

  it('reads the 260 niveau III and 39 niveau II codes', () => {
    expect(level3).toHaveLength(260);
    expect(level2).toHaveLength(39);
  });

  it('gives every niveau III code the family its label names, save the stated decisions', () => {
    const wrong = level3
      .map((r) => ({ code: r.code, label: r.libelle, expected: expectedFamily(r) }))
      .filter((r) => familyName(familyFromLegalCategory(r.code)) !== r.expected)
      .map((r) => `${r.code} ${r.label}: attendu ${r.expected}, obtenu ${familyName(familyFromLegalCategory(r.code))}`);
    expect(wrong).toEqual([]);
  });

  it('maps every label mentioning association, fondation, mutuelle or coopérative to the matching family', () => {
    const wrong = level3
      .filter((r) => mentionsFamily(r.libelle) && !(r.code in DECIDED))
      .filter((r) => familyName(familyFromLegalCategory(r.code)) !== familyFromWords(r.libelle))
      .map((r) => `${r.code} ${r.libelle}`);
    expect(wrong).toEqual([]);
  });

  it('gives no family to a niveau III code whose label names none, save the stated decisions', () => {
    const stray = level3
      .filter((r) => expectedFamily(r) === 'inconnue')
      .filter((r) => familyName(familyFromLegalCategory(r.code)) !== 'inconnue')
      .map((r) => `${r.code} ${r.libelle}`);
    expect(stray).toEqual([]);
  });

  it('gives every niveau II code the family its label names, save the stated decisions', () => {
    const wrong = level2
      .filter((r) => familyName(familyFromLegalCategory(r.code)) !== expectedFamily(r))
      .map((r) => `${r.code} ${r.libelle}`);
    expect(wrong).toEqual([]);
  });

  it('counts an ESS-flagged company of any niveau I 5 or 6 form as société commerciale ESS or its family', () => {
    const wrong = level3
      .filter((r) => r.code.startsWith('5') || r.code.startsWith('6'))
      .filter((r) => {
        const own = familyFromLegalCategory(r.code);
        const ess = familyForEss(r.code);
        return familyName(own) === 'inconnue' ? familyName(ess) !== 'societe_commerciale_ess' : ess !== own;
      })
      .map((r) => r.code);
    expect(wrong).toEqual([]);
  });

  it('gives a family to the real ESS-flagged SIRENE units, except the public GIP and nothing else', () => {
    const text = fs.readFileSync(shared('sirene-format-samples', 'unites_legales_ess_flag_numerique.csv'), 'utf8');
    const units = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const counts: Partial<Record<Family, number>> = {};
    const unknown = new Set<string>();
    for (const u of units) {
      const family = familyName(familyForEss(u.categorieJuridiqueUniteLegale));
      counts[family] = (counts[family] ?? 0) + 1;
      if (family === 'inconnue') unknown.add(u.categorieJuridiqueUniteLegale);
    }
    expect(units).toHaveLength(3375);
    expect([...unknown]).toEqual(['7410']);
    expect(counts).toEqual({
      association: 2365,
      cooperative: 208,
      fondation: 4,
      societe_commerciale_ess: 797,
      inconnue: 1,
    });
  });
});

describe('SIRENE tranches d’effectifs, against tranches_effectifs_sirene.csv', () => {
  const tranches = readCsv('tranches_effectifs_sirene.csv', ',');

  it('lists 16 codes', () => {
    expect(tranches.map((r) => r.code)).toHaveLength(16);
  });

  it('agrees on min and max for every code (53 has no max: counted as 10 000)', () => {
    const wrong = tranches.filter((r) => {
      const jobs = jobsFromTranche(r.code);
      const max = r.effectif_max === '' ? Number(r.effectif_min) : Number(r.effectif_max);
      return !jobs.known || jobs.min !== Number(r.effectif_min) || jobs.max !== max;
    });
    expect(wrong.map((r) => r.code)).toEqual([]);
  });

  it('marks exactly NN as non-employer (00: employees during the year, none on 31/12)', () => {
    expect(tranches.filter((r) => !jobsFromTranche(r.code).employer).map((r) => r.code)).toEqual(['NN']);
  });
});
