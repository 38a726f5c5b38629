import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { comparisonCsv, rankingCsv } from './tables-csv.ts';
import { createCommune, createDiagnostic, createQuartierResult } from './test-results.ts';

const parse = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: false }).data;
};

const izards = createQuartierResult('QN03101A', 'Les Izards', ['31555', '31069'], {
  establishments: 8, jobs: [64, 45.5, 82], essJobShare: 0.3149, essJobShareRange: [0.2, 0.41], essEstablishmentShare: 0.0667, densityPer1000: 1.9048,
  families: { association: { establishments: 5, jobs: 20 }, cooperative: { establishments: 3, jobs: 44, secret: true } },
}, {}, ['Toulouse', 'Blagnac']);
const evil = createQuartierResult('QN03102B', '=HYPERLINK("http://x")', ['31555'], { establishments: 2, secretEstablishments: true, secretJobs: true });
const results = createDiagnostic([izards, evil], [createCommune('31555', { essJobShare: 0.1, essEstablishmentShare: 0.05 })], { essJobShare: 0.2 });

describe('ranking CSV', () => {
  it('has the rank, French headers and the figures as the table rounds them', () => {
    const rows = parse(rankingCsv([izards, evil], { decimalComma: true }));
    const header = rows[0];
    expect(header.slice(0, 5)).toEqual(['Rang', 'Code quartier', 'Nom du quartier', 'Communes', 'Codes INSEE des communes']);
    const col = (name: string) => header.indexOf(name);
    expect(rows[1].slice(3, 5)).toEqual(['Toulouse, Blagnac', '31555, 31069']);
    expect(rows[1][col('Part ESS des emplois (%)')]).toBe('31,5');
    // Jobs to the unit, as the table shows « 64 (46–82) ».
    expect(rows[1].slice(col('Emplois ESS (estimation)'), col('Emplois ESS (max)') + 1)).toEqual(['64', '46', '82']);
    expect(rows[1][col('Établissements employeurs de l’ESS')]).toBe('8');
    expect(rows[1][0]).toBe('1');
  });

  it('writes masked cells as s and neutralises a formula in a name', () => {
    const rows = parse(rankingCsv([izards, evil], { decimalComma: true }));
    const header = rows[0];
    expect(rows[2][header.indexOf('Nom du quartier')]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[2][header.indexOf('Établissements employeurs de l’ESS')]).toBe('s');
    expect(rows[2][header.indexOf('Part ESS des emplois (%)')]).toBe('s');
  });

  it('writes decimal points when asked, and notes under the table', () => {
    const rows = parse(rankingCsv([izards], { decimalComma: false, notes: ['Sources : x', '-1 note'] }));
    expect(rows[1][rows[0].indexOf('Part ESS des emplois (%)')]).toBe('31.5');
    expect(rows.slice(2, 5)).toEqual([[''], ['Sources : x'], ["'-1 note"]]);
  });
});

describe('comparison CSV', () => {
  const rows = parse(comparisonCsv([izards, evil], results, { decimalComma: true }));
  const row = (label: string) => rows.find((r) => r[0] === label)!;

  it('has one column per quartier and one row per indicator, with ranges', () => {
    expect(rows[0]).toEqual(['Indicateur', 'Les Izards (QN03101A)', '\'=HYPERLINK("http://x") (QN03102B)']);
    expect(row('Part de l’ESS dans l’emploi (%)').slice(1)).toEqual(['31,5', 's']);
    expect(row('Part de l’ESS dans l’emploi, minimum (%)')[1]).toBe('20');
    expect(row('Emplois de l’ESS (estimation)')[1]).toBe('64');
    expect(row('Emplois de l’ESS (estimation), minimum')[1]).toBe('46');
    expect(row('Établissements employeurs de l’ESS pour 1 000 habitants')[1]).toBe('1,9');
    expect(row('Communes')[1]).toBe('Toulouse, Blagnac');
    expect(row('Codes INSEE des communes')[1]).toBe('31555, 31069');
  });

  it('gives the gaps in points, masked when a side is secret', () => {
    expect(row('Écart au reste de la commune, part de l’ESS dans l’emploi (points)').slice(1)).toEqual(['21,5', 's']);
    expect(row('Écart à la France entière, part de l’ESS dans l’emploi (points)')[1]).toBe('17,2');
    expect(row('Écart à l’ensemble des QPV, part de l’ESS dans l’emploi (points)')[1]).toBe('14,5');
    expect(row('Reste de la commune : part de l’ESS dans l’emploi (%)')[1]).toBe('10');
  });

  it('lists the mixes with masked cells as s', () => {
    expect(row('Famille : Association (établissements)')[1]).toBe('5');
    expect(row('Famille : Coopérative (emplois)')[1]).toBe('s');
  });
});
