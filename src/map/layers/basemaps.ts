/**
 * Basemaps. The default one is offline: a plain background under the commune and quartier
 * outlines, so a strict network sees no request. The two online ones — OpenStreetMap tiles and
 * IGN's Plan IGN v2 from the Géoplateforme WMTS — are declared as hidden raster layers and only
 * made visible when the user chooses them: MapLibre requests no tile for a source whose layers
 * are all hidden.
 */
import type { Basemap } from '../../state/store.ts';
import { LAYER, SOURCE } from './ids.ts';
import type { LayerSpec, SourceSpec } from './spec-types.ts';

export interface BasemapInfo {
  label: string;
  /** Host that receives requests when the basemap is on (null for the offline one). */
  host: string | null;
}

export const BASEMAPS: Readonly<Record<Basemap, BasemapInfo>> = {
  aucun: { label: 'Aucun (hors ligne)', host: null },
  osm: { label: 'OpenStreetMap', host: 'tile.openstreetmap.org' },
  ign: { label: 'Plan IGN', host: 'data.geopf.fr' },
};

export const BASEMAP_KEYS = Object.keys(BASEMAPS) as Basemap[];

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** Géoplateforme WMTS, Plan IGN v2 in Web Mercator (tile matrix set PM). */
const IGN_TILES =
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0' +
  '&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png' +
  '&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';

/** Raster sources of the online basemaps, with the attribution their licences require. */
export function basemapSources(): Record<string, SourceSpec> {
  return {
    [SOURCE.osm]: {
      type: 'raster',
      tiles: [OSM_TILES],
      tileSize: 256,
      maxzoom: 19,
      attribution: '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">les contributeurs d’OpenStreetMap</a>',
    },
    [SOURCE.ign]: {
      type: 'raster',
      tiles: [IGN_TILES],
      tileSize: 256,
      maxzoom: 19,
      attribution: '© <a href="https://www.ign.fr/" target="_blank" rel="noopener">IGN</a> – Plan IGN',
    },
  };
}

/** Raster layers of the online basemaps, hidden until chosen. */
export function basemapLayers(): LayerSpec[] {
  return [
    { id: LAYER.osm, type: 'raster', source: SOURCE.osm, layout: { visibility: 'none' } },
    { id: LAYER.ign, type: 'raster', source: SOURCE.ign, layout: { visibility: 'none' } },
  ];
}

/** Visibility of each basemap layer for the chosen basemap. */
export function basemapVisibility(basemap: Basemap): Record<string, 'visible' | 'none'> {
  return {
    [LAYER.osm]: basemap === 'osm' ? 'visible' : 'none',
    [LAYER.ign]: basemap === 'ign' ? 'visible' : 'none',
  };
}

/** Quartier fills are lighter over a basemap, so streets stay readable under them. */
export function quartierFillOpacity(basemap: Basemap): number {
  return basemap === 'aucun' ? 0.85 : 0.65;
}
