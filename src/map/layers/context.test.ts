import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contextSources, contextVisibility } from './context.ts';
import { LAYER, SOURCE } from './ids.ts';

const read = (name: string) => JSON.parse(fs.readFileSync(new URL(`../../../public/basemap/${name}`, import.meta.url), 'utf8')) as GeoJSON.FeatureCollection;

describe('offline basemap context', () => {
  it('names Toulouse, Montpellier and Béziers from the regional zoom (50 000 inhabitants and more)', () => {
    const towns = read('villes.geojson').features;
    for (const [name, lon, lat] of [['Toulouse', 1.44, 43.6], ['Montpellier', 3.88, 43.61], ['Béziers', 3.21, 43.34]] as const) {
      const town = towns.find((f) => f.properties?.nom === name);
      expect(town?.properties?.population, name).toBeGreaterThanOrEqual(50_000);
      const [x, y] = (town!.geometry as GeoJSON.Point).coordinates;
      expect(Math.abs(x - lon) + Math.abs(y - lat), name).toBeLessThan(0.05);
    }
  });

  it('stays a few hundred kilobytes', () => {
    const bytes = ['france.geojson', 'villes.geojson'].reduce((n, f) => n + fs.statSync(new URL(`../../../public/basemap/${f}`, import.meta.url)).size, 0);
    expect(bytes).toBeLessThan(400 * 1024);
  });

  it('credits its sources and shows only under the offline basemap', () => {
    expect(JSON.stringify(contextSources()[SOURCE.france])).toMatch(/Natural Earth.*GeoNames \(CC BY 4\.0\)/);
    expect(contextVisibility(true)).toEqual({ [LAYER.franceLine]: 'visible', [LAYER.townsLabel]: 'visible' });
    expect(contextVisibility(false)).toEqual({ [LAYER.franceLine]: 'none', [LAYER.townsLabel]: 'none' });
  });
});
