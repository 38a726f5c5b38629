import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../indicators/aggregate.ts';
import { filtersFromNames, filtersToNames, mappingFromNames, mappingToNames, readProjectView } from './project-view.ts';

describe('project view', () => {
  it('writes filters by category name and reads them back', () => {
    const f = { ...DEFAULT_FILTERS, families: [0, 2], sizes: [4], employerOnly: false, communes: ['31555'] };
    const named = filtersToNames(f);
    expect(named.families).toEqual(['association', 'mutuelle']);
    expect(named.sizes).toEqual(['50+']);
    expect(filtersFromNames(named)).toEqual(f);
    expect(filtersFromNames({ ...named, families: ['association', 'inconnu-ici'] }).families).toEqual([0]);
  });

  it('keeps the well-formed settings and drops the rest', () => {
    const v = readProjectView({
      indicator: 'jobs',
      classification: { method: 'jenks', classes: 12, manualBreaks: [1, 'x', 3], palette: 'arc-en-ciel' },
      selection: ['QN03101A', 7],
      ringMetres: 500,
      basemap: 'ign',
      map: { center: [1.44, 43.6], zoom: 13 },
      showRing: 'oui',
    });
    expect(v.indicator).toBe('jobs');
    expect(v.classification).toEqual({ method: 'jenks', classes: 7, manualBreaks: [1, 3], palette: 'viridis' });
    expect(v.selection).toEqual(['QN03101A']);
    expect(v.ringMetres).toBe(500);
    expect(v.basemap).toBe('ign');
    expect(v.map).toEqual({ center: [1.44, 43.6], zoom: 13 });
    expect(v.showRing).toBeUndefined();
    expect(readProjectView({ indicator: 'inconnu', map: { center: [500, 0], zoom: 3 }, ringMetres: -1 })).toEqual({});
  });

  it('maps columns by name, and says which named columns a file lacks', () => {
    const header = ['siret', 'nom', 'longitude', 'latitude'];
    const names = mappingToNames({ siret: 0, lon: 2, lat: 3 }, header);
    expect(names).toEqual({ siret: 'siret', lon: 'longitude', lat: 'latitude' });
    expect(mappingFromNames(names, ['latitude', 'longitude', 'siret'])).toEqual({ mapping: { siret: 2, lon: 1, lat: 0 }, missing: [] });
    expect(mappingFromNames(names, ['x', 'y', 'siret']).missing).toEqual(['longitude', 'latitude']);
  });
});
