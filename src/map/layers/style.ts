/**
 * The map's one style, built once: every source and layer exists from the start (empty data,
 * hidden layers), and the controller only changes data, paint, filters and visibility. No
 * `glyphs` URL: MapLibre then draws labels with the browser's local fonts, which works offline.
 */
import { CIRCLE_COLOR, NO_DATA_COLOR } from '../../core/classify/palettes.ts';
import { basemapLayers, basemapSources, quartierFillOpacity } from './basemaps.ts';
import { HATCH_OPACITY } from './choropleth.ts';
import { contextLayers, contextSources, townLabelLayer } from './context.ts';
import { HATCH_IMAGE, LAYER, SOURCE } from './ids.ts';
import {
  HATCH_DISC_IMAGE,
  MARKER_MAX_ZOOM,
  MARKER_OPACITY,
  MARKER_RADIUS,
  MARKER_STROKE_COLOR,
  MARKER_STROKE_WIDTH,
  SECRET_MARKER_FILTER,
} from './markers.ts';
import { pointColorExpression } from './points.ts';
import { EMPTY_COLLECTION, type Expr, type LayerSpec, type StyleSpec } from './spec-types.ts';

/** Local font stack: a CSS generic family, resolved by the browser without any download. */
export const LABEL_FONT = ['sans-serif'];
/** Background of the offline basemap (paper white, so white fills and labels stay visible). */
export const PAPER = '#f7f5f0';
/** Colour of the quartier vécu band (fill at low opacity, dashed outline). */
export const RING_COLOR = '#5e3c99';

const state = (key: string): Expr => ['boolean', ['feature-state', key], false];

/** Outline width and colour: selected quartiers (comparison) thickest, then the open profile, then hover. */
const OUTLINE_WIDTH: Expr = ['case', state('selected'), 3.5, state('profile'), 2.5, state('hover'), 2, 0.7];
const OUTLINE_COLOR: Expr = ['case', state('selected'), '#111111', state('profile'), '#111111', state('hover'), '#222222', '#5a5a5a'];

/** Cluster circles grow with the number of establishments they hold, kept small so the quartier's colour shows around them. */
const CLUSTER_RADIUS: Expr = ['step', ['get', 'point_count'], 8, 10, 10, 50, 13, 200, 17];
/** See-through enough that the choropleth under a cluster stays readable. */
export const CLUSTER_OPACITY = 0.55;

const COMMUNE_NAME: Expr = ['coalesce', ['get', 'nom_commune'], ['get', 'nom'], ['get', 'libelle'], ['get', 'NOM'], ['get', 'name'], ''];

function overlayLayers(): LayerSpec[] {
  const layers: unknown[] = [
    { id: LAYER.communesLine, type: 'line', source: SOURCE.communes, paint: { 'line-color': '#8c8c8c', 'line-width': 1, 'line-dasharray': [3, 2] } },
    { id: LAYER.ringFill, type: 'fill', source: SOURCE.ring, layout: { visibility: 'none' }, paint: { 'fill-color': RING_COLOR, 'fill-opacity': 0.12 } },
    { id: LAYER.ringLine, type: 'line', source: SOURCE.ring, layout: { visibility: 'none' }, paint: { 'line-color': RING_COLOR, 'line-width': 1.2, 'line-dasharray': [2, 2] } },
    { id: LAYER.quartiersFill, type: 'fill', source: SOURCE.quartiers, paint: { 'fill-color': NO_DATA_COLOR, 'fill-opacity': quartierFillOpacity('aucun') } },
    { id: LAYER.quartiersHatch, type: 'fill', source: SOURCE.quartiers, paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': HATCH_OPACITY } },
    { id: LAYER.quartiersLine, type: 'line', source: SOURCE.quartiers, paint: { 'line-color': OUTLINE_COLOR, 'line-width': OUTLINE_WIDTH } },
    {
      id: LAYER.circles, type: 'circle', source: SOURCE.centres, layout: { visibility: 'none', 'circle-sort-key': ['-', 0, ['to-number', ['get', 'v'], 0]] },
      paint: { 'circle-radius': 0, 'circle-color': CIRCLE_COLOR, 'circle-opacity': 0.75, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.2 },
    },
    {
      id: LAYER.clusters, type: 'circle', source: SOURCE.points, filter: ['has', 'point_count'],
      // Light discs with a dark rim: the choropleth under them stays readable.
      paint: { 'circle-radius': CLUSTER_RADIUS, 'circle-color': '#ffffff', 'circle-opacity': CLUSTER_OPACITY, 'circle-stroke-color': '#3d3d3d', 'circle-stroke-width': 1 },
    },
    // Regional scale: one disc per quartier in its class colour, over the establishment clusters
    // (the quartiers read first) and under their counts.
    {
      id: LAYER.markers, type: 'circle', source: SOURCE.centres, maxzoom: MARKER_MAX_ZOOM,
      paint: {
        'circle-radius': MARKER_RADIUS, 'circle-color': NO_DATA_COLOR, 'circle-opacity': MARKER_OPACITY,
        'circle-stroke-color': MARKER_STROKE_COLOR, 'circle-stroke-width': MARKER_STROKE_WIDTH, 'circle-stroke-opacity': MARKER_OPACITY,
      },
    },
    {
      id: LAYER.markersSecret, type: 'symbol', source: SOURCE.centres, maxzoom: MARKER_MAX_ZOOM, filter: SECRET_MARKER_FILTER,
      layout: { 'icon-image': HATCH_DISC_IMAGE, 'icon-size': 1, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
      paint: { 'icon-opacity': MARKER_OPACITY },
    },
    {
      id: LAYER.clusterCount, type: 'symbol', source: SOURCE.points, filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': LABEL_FONT, 'text-size': 10, 'text-allow-overlap': true },
      // The halo keeps a count readable over a quartier's disc.
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
    {
      id: LAYER.points, type: 'circle', source: SOURCE.points, filter: ['!', ['has', 'point_count']],
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 3, 16, 6], 'circle-color': pointColorExpression('family'), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.8 },
    },
    {
      id: LAYER.quartiersLabel, type: 'symbol', source: SOURCE.centres, minzoom: 12,
      layout: { 'text-field': ['get', 'name'], 'text-font': LABEL_FONT, 'text-size': 12, 'text-max-width': 10, 'text-offset': [0, 1.6] },
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
    {
      id: LAYER.communesLabel, type: 'symbol', source: SOURCE.communes, maxzoom: 13,
      layout: { 'text-field': COMMUNE_NAME, 'text-font': LABEL_FONT, 'text-size': 13, 'text-transform': 'uppercase', 'text-letter-spacing': 0.08 },
      paint: { 'text-color': '#6b6b6b', 'text-halo-color': PAPER, 'text-halo-width': 1.5 },
    },
    townLabelLayer(),
  ];
  // Expressions are plain JSON here (see spec-types.ts); MapLibre validates the style on load.
  return layers as LayerSpec[];
}

/**
 * The initial style: paper background, hidden online basemaps, France's outline, then communes, quartier vécu,
 * quartiers (fill, hatching of masked cells, outline), proportional circles, establishment
 * clusters, the quartiers' discs at regional scale, then the cluster counts, single
 * establishments and labels. GeoJSON sources start empty; quartiers and centres carry
 * numeric feature ids (quartier index) for feature-state.
 */
export function createBaseStyle(): StyleSpec {
  const geojson = (extra: Record<string, unknown> = {}) => ({ type: 'geojson' as const, data: EMPTY_COLLECTION, ...extra });
  return {
    version: 8,
    name: 'ESS Quartiers',
    sources: {
      ...basemapSources(),
      ...contextSources(),
      [SOURCE.communes]: geojson(),
      [SOURCE.ring]: geojson(),
      [SOURCE.quartiers]: geojson(),
      [SOURCE.centres]: geojson(),
      [SOURCE.points]: geojson({ cluster: true, clusterRadius: 32, clusterMaxZoom: 14 }),
    },
    layers: [{ id: LAYER.background, type: 'background', paint: { 'background-color': PAPER } }, ...basemapLayers(), ...contextLayers(), ...overlayLayers()],
  };
}
