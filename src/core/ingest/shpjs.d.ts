/**
 * The part of shpjs (v6, plain JavaScript, no published types for this version) that the
 * shapefile reader uses: the .shp parser, reprojecting with the .prj's WKT through proj4, and
 * the .dbf parser with an explicit encoding.
 */
declare module 'shpjs' {
  type Bytes = ArrayBuffer | ArrayBufferView | DataView;
  /** Geometries of the .shp in record order (null for a null shape), in WGS84 when `prj` is readable. */
  export function parseShp(shp: Bytes, prj?: string | false): (GeoJSON.Geometry | null)[];
  /** Records of the .dbf; `encoding` is a TextDecoder label or a code page number (`1252`). */
  export function parseDbf(dbf: Bytes, encoding?: string): Record<string, unknown>[];
}
