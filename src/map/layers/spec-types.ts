/**
 * Style types derived from maplibre-gl's public API (its package does not re-export the
 * style-spec types by name), so the pure layer modules type their output without importing
 * a transitive dependency. Type-only: nothing here loads MapLibre.
 */
import type { MapOptions } from 'maplibre-gl';

export type StyleSpec = Exclude<MapOptions['style'], string | undefined>;
export type LayerSpec = StyleSpec['layers'][number];
export type SourceSpec = StyleSpec['sources'][string];
export type LayerOf<T extends LayerSpec['type']> = Extract<LayerSpec, { type: T }>;

/**
 * A MapLibre expression as plain JSON. Expressions are built as data here and checked by the
 * unit tests and by MapLibre's validation in the browser; the tuple types of the style spec
 * cannot follow variadic expressions such as `step` and `match`.
 */
export type Expr = readonly unknown[];

/** An empty GeoJSON collection, the initial data of every GeoJSON source. */
export const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
