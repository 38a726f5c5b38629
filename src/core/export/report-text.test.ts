import { describe, expect, it } from 'vitest';
import { SECRET_NOTE, altText, filtersText, formatDateFr, methodLine, productionLine, sourcesLine } from './report-text.ts';

const base = { jobsSource: 'tranche' as const, allJobs: { estimate: 2300, min: 1500, max: 3100 }, denominator: 'fichier' as const, employerOnly: true, filters: null, ringMetres: 300, classes: 'Quantiles, 5 classes' };

describe('report text', () => {
  it('states how jobs were estimated, with the range, and the rest of the method', () => {
    const line = methodLine(base);
    expect(line).toMatch(/^Méthode : emplois estimés à partir des tranches d’effectif SIRENE/);
    expect(line).toContain('fourchette de 1\u202f500 à 3\u202f100 emplois ESS');
    expect(line).toContain('établissements employeurs seulement');
    expect(line).toContain('classes : quantiles, 5 classes');
    expect(line).toContain('bande de 300 m');
    expect(methodLine({ ...base, jobsSource: 'headcount' })).toContain('effectifs salariés déclarés');
    expect(methodLine({ ...base, filters: 'familles : association' })).toContain('filtres : familles : association');
  });

  it('lists each source with its producer and date, then the credits', () => {
    const ms = Date.UTC(2026, 2, 12, 12);
    const line = sourcesLine(
      [
        { kind: 'quartiers', name: 'qp2024.geojson', lastModified: ms, producer: 'ANCT' },
        { kind: 'etablissements', name: 'geo_siret_31.csv', lastModified: 0, producer: null },
      ],
      ['références nationales : ESS France – ANCT, 2022'],
    );
    expect(line).toBe('Sources : contours des quartiers « qp2024.geojson » (ANCT, fichier du 12/03/2026) ; établissements « geo_siret_31.csv » ; références nationales : ESS France – ANCT, 2022.');
    expect(sourcesLine([])).toMatch(/aucun fichier/);
  });

  it('dates in Paris time and explains « s »', () => {
    expect(formatDateFr(Date.UTC(2026, 10, 29, 23, 30))).toBe('30/11/2026');
    expect(productionLine(Date.UTC(2026, 10, 29, 10))).toBe('Réalisé le 29/11/2026 avec ESS Quartiers.');
    expect(SECRET_NOTE).toMatch(/moins de 3 établissements.*85 %/);
  });

  it('describes the map for an alternative text', () => {
    const text = altText({ title: 'L’ESS à Ville-Exemple', indicator: 'Part de l’ESS dans l’emploi', unit: '%', territory: 'Ville-Exemple · 8 quartiers', quartiers: 8, secret: 1, classes: ['moins de 10,0 %', '10,0 % et plus'] });
    expect(text).toBe('Carte « L’ESS à Ville-Exemple » : Part de l’ESS dans l’emploi (%) par quartier prioritaire, Ville-Exemple · 8 quartiers. 8 quartiers représentés. Classes : moins de 10,0 % ; 10,0 % et plus. 1 quartier sous secret statistique.');
  });
});

describe('filters in words', () => {
  it('names the filtered categories and communes, and nothing when unfiltered', () => {
    expect(filtersText({ families: [0, 2], sectors: null, sizes: [4], employerOnly: true, communes: ['31555'] }, (c) => (c === '31555' ? 'Toulouse' : c))).toBe(
      'familles : Association, Mutuelle ; tailles : 50 salariés et plus ; communes : Toulouse',
    );
    expect(filtersText({ families: null, sectors: null, sizes: null, employerOnly: false, communes: null })).toBeNull();
  });
});
