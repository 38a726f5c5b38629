import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAPS, basemapVisibility } from './basemaps.ts';
import { LAYER, SOURCE } from './ids.ts';
import { MARKER_MAX_ZOOM } from './markers.ts';
import { createBaseStyle } from './style.ts';

describe('createBaseStyle', () => {
  const style = createBaseStyle();

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it('declares every layer and source the controller drives', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...Object.values(LAYER)].sort());
    expect(Object.keys(style.sources).sort()).toEqual([...Object.values(SOURCE)].sort());
  });

  it('works offline: no glyphs, no sprite, and every online layer hidden', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const online = Object.entries(style.sources).filter(([, s]) => 'tiles' in s || 'url' in s).map(([id]) => id);
    expect(online.sort()).toEqual([SOURCE.ign, SOURCE.osm]);
    for (const layer of style.layers.filter((l) => 'source' in l && online.includes(l.source))) {
      expect(layer.layout?.visibility).toBe('none');
    }
  });

  it('draws the quartier fill above the quartier vécu and under the establishments', () => {
    const at = (id: string) => style.layers.findIndex((l) => l.id === id);
    expect(at(LAYER.ringFill)).toBeLessThan(at(LAYER.quartiersFill));
    expect(at(LAYER.quartiersFill)).toBeLessThan(at(LAYER.quartiersHatch));
    expect(at(LAYER.quartiersLine)).toBeLessThan(at(LAYER.points));
  });

  it('draws the regional discs over the clusters and under their counts, up to zoom 11', () => {
    const at = (id: string) => style.layers.findIndex((l) => l.id === id);
    expect(at(LAYER.circles)).toBeLessThan(at(LAYER.clusters));
    expect(at(LAYER.clusters)).toBeLessThan(at(LAYER.markers));
    expect(at(LAYER.markers)).toBeLessThan(at(LAYER.markersSecret));
    expect(at(LAYER.markersSecret)).toBeLessThan(at(LAYER.clusterCount));
    expect(style.layers[at(LAYER.markers)]).toMatchObject({ source: SOURCE.centres, maxzoom: MARKER_MAX_ZOOM });
  });

  it('clusters the establishments', () => {
    expect(style.sources[SOURCE.points]).toMatchObject({ type: 'geojson', cluster: true });
  });
});

describe('basemaps', () => {
  it('show exactly the chosen online basemap', () => {
    expect(basemapVisibility('aucun')).toEqual({ [LAYER.osm]: 'none', [LAYER.ign]: 'none' });
    expect(basemapVisibility('osm')).toEqual({ [LAYER.osm]: 'visible', [LAYER.ign]: 'none' });
    expect(basemapVisibility('ign')).toEqual({ [LAYER.osm]: 'none', [LAYER.ign]: 'visible' });
  });

  it('ask Plan IGN v2 from the Géoplateforme WMTS, with attributions', () => {
    const sources = createBaseStyle().sources;
    const ign = sources[SOURCE.ign] as { tiles: string[]; attribution: string };
    expect(ign.tiles[0]).toMatch(/^https:\/\/data\.geopf\.fr\/wmts\?.*LAYER=GEOGRAPHICALGRIDSYSTEMS\.PLANIGNV2/);
    expect(ign.attribution).toMatch(/IGN/);
    expect((sources[SOURCE.osm] as { attribution: string }).attribution).toMatch(/OpenStreetMap/);
    expect(BASEMAPS.aucun.host).toBeNull();
  });
});
