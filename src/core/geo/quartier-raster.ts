/**
 * Per-quartier fine rasters for the point-in-polygon join. Each quartier's bbox is cut into at
 * most 256 × 256 cells classified once as outside (0), inside (1) or boundary (2). A point in an
 * outside or inside cell is answered by one byte read; only boundary cells pay for ray casting,
 * and then only against the edges spanning that cell's row, so the answer is exactly the one a
 * full even-odd ray cast over all rings would give.
 */
import type { Quartier } from '../types.ts';

export const CELL_OUTSIDE = 0;
export const CELL_INSIDE = 1;
export const CELL_BOUNDARY = 2;

/** Layout of one quartier's record in `params` (one flat array keeps a lookup in one cache line). */
export const P_MIN_X = 0, P_MIN_Y = 1, P_MAX_X = 2, P_MAX_Y = 3, P_INV_X = 4, P_INV_Y = 5;
export const P_NX = 6, P_NY = 7, P_CELLS = 8, P_ROWS = 9, P_STRIDE = 10;

/** Fine rasters of all quartiers, packed in flat typed arrays. */
export interface QuartierRasters {
  /** `P_STRIDE` numbers per quartier: bbox, cells per degree, raster size and offsets. */
  params: Float64Array;
  /** Cell classes, row-major, quartier after quartier. */
  cells: Uint8Array;
  /** Per quartier `ny + 1` offsets into `rowEdges` (in edges), starting at `params[P_ROWS]`. */
  rowStart: Int32Array;
  /** Edges (x1, y1, x2, y2) copied into every row band they span. */
  rowEdges: Float64Array;
  /** Edges of quartier q (x1, y1, x2, y2, all rings) are `edges[4*edgeStart[q]] … [4*edgeStart[q+1]]`. */
  edgeStart: Int32Array;
  edges: Float64Array;
}

/** Margin (in cells) so that rounding in the degree → cell mapping never hides an edge. */
const EPS = 1e-6;
/**
 * Distance (degrees, about 2 cm) under which a point counts as lying on an edge, hence inside.
 * Boundaries published to 4 decimals hold many parcel points exactly on an edge, and files
 * reprojected from Lambert-93 rounded to the centimetre move them by up to a centimetre to
 * either side: a 2 cm band makes both CRS give the same answer, far below geocoding precision.
 */
export const ON_EDGE = 2e-7;
/**
 * Cells per edge: boundary cells are ~9 % of the cells on the Occitanie quartiers; 64 brings
 * that to ~6 % but doubles the memory (12 MB for 1 600 quartiers) for no measurable speed-up.
 */
const CELLS_PER_EDGE = 32;
const MAX_SIDE = 256;

/**
 * Flat edge list (x1, y1, x2, y2) of every ring of every polygon of a quartier; rings may be
 * closed (last vertex = first) or not. Throws on a ring with an odd number of coordinates.
 */
export function quartierEdges(q: Quartier): Float64Array {
  const out: number[] = [];
  q.polygons.forEach((rings, p) => rings.forEach((ring, r) => {
    if (ring.length % 2 !== 0) {
      throw new Error(`Quartier ${q.code} : l'anneau ${r} du polygone ${p} a ${ring.length} coordonnées, un nombre pair était attendu.`);
    }
    let m = ring.length >> 1;
    if (m > 1 && ring[0] === ring[2 * m - 2] && ring[1] === ring[2 * m - 1]) m--;
    for (let i = 0; i < m; i++) {
      const j = (i + 1) % m;
      out.push(ring[2 * i], ring[2 * i + 1], ring[2 * j], ring[2 * j + 1]);
    }
  }));
  return Float64Array.from(out);
}

/** Builds the packed fine rasters of all quartiers (inputs are not modified). */
export function buildQuartierRasters(quartiers: readonly Quartier[]): QuartierRasters {
  const n = quartiers.length;
  const params = new Float64Array(n * P_STRIDE);
  const edgeLists = quartiers.map(quartierEdges);
  const edgeStart = new Int32Array(n + 1);
  edgeLists.forEach((e, q) => { edgeStart[q + 1] = edgeStart[q] + e.length / 4; });
  const edges = new Float64Array(edgeStart[n] * 4);
  edgeLists.forEach((e, q) => edges.set(e, edgeStart[q] * 4));

  const parts = edgeLists.map((e, q) => rasterise(e, params, q * P_STRIDE));
  let cellCount = 0, rowCount = 0, rowEdgeCount = 0;
  parts.forEach((part, q) => {
    params[q * P_STRIDE + P_CELLS] = cellCount;
    params[q * P_STRIDE + P_ROWS] = rowCount;
    cellCount += part.cells.length;
    rowCount += part.rowStart.length;
    rowEdgeCount += part.rowEdges.length / 4;
  });
  const cells = new Uint8Array(cellCount);
  const rowStart = new Int32Array(rowCount);
  const rowEdges = new Float64Array(rowEdgeCount * 4);
  let edgeBase = 0;
  parts.forEach((part, q) => {
    cells.set(part.cells, params[q * P_STRIDE + P_CELLS]);
    const r0 = params[q * P_STRIDE + P_ROWS];
    for (let r = 0; r < part.rowStart.length; r++) rowStart[r0 + r] = part.rowStart[r] + edgeBase;
    rowEdges.set(part.rowEdges, edgeBase * 4);
    edgeBase += part.rowEdges.length / 4;
  });
  return { params, cells, rowStart, rowEdges, edgeStart, edges };
}

interface RasterPart { cells: Uint8Array; rowStart: Int32Array; rowEdges: Float64Array }

/** Rasterises one quartier; writes its bbox and raster geometry into `params` at `o`. */
function rasterise(edges: Float64Array, params: Float64Array, o: number): RasterPart {
  const m = edges.length / 4;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < edges.length; k += 2) {
    minX = Math.min(minX, edges[k]); maxX = Math.max(maxX, edges[k]);
    minY = Math.min(minY, edges[k + 1]); maxY = Math.max(maxY, edges[k + 1]);
  }
  if (m === 0) {
    // No geometry: an empty bbox that no point satisfies (NaN comparisons fail).
    params.set([NaN, NaN, NaN, NaN, 0, 0, 1, 1], o);
    return { cells: new Uint8Array(1), rowStart: new Int32Array(2), rowEdges: new Float64Array(0) };
  }
  const w = Math.max(maxX - minX, 1e-12), h = Math.max(maxY - minY, 1e-12);
  // Cells roughly square on the ground: a degree of longitude is cos(lat) degrees of latitude.
  const aspect = (w * Math.cos((((minY + maxY) / 2) * Math.PI) / 180)) / h;
  const target = Math.min(MAX_SIDE * MAX_SIDE, Math.max(256, m * CELLS_PER_EDGE));
  const nx = Math.min(MAX_SIDE, Math.max(1, Math.round(Math.sqrt(target * aspect))));
  const ny = Math.min(MAX_SIDE, Math.max(1, Math.round(target / nx)));
  const invX = nx / w, invY = ny / h;
  // Cells within ON_EDGE of an edge must ray-cast too, so the margin covers that band.
  const epsU = EPS + ON_EDGE * invX, epsV = EPS + ON_EDGE * invY;
  params.set([minX, minY, maxX, maxY, invX, invY, nx, ny], o);

  const cells = new Uint8Array(nx * ny);
  const rowCount = new Int32Array(ny + 1);
  const clampX = (c: number) => (c < 0 ? 0 : c >= nx ? nx - 1 : c);
  const clampY = (r: number) => (r < 0 ? 0 : r >= ny ? ny - 1 : r);
  for (let e = 0; e < m; e++) {
    const u1 = (edges[4 * e] - minX) * invX, v1 = (edges[4 * e + 1] - minY) * invY;
    const u2 = (edges[4 * e + 2] - minX) * invX, v2 = (edges[4 * e + 3] - minY) * invY;
    const vlo = Math.min(v1, v2), vhi = Math.max(v1, v2);
    const r0 = clampY(Math.floor(vlo - epsV)), r1 = clampY(Math.floor(vhi + epsV));
    for (let r = r0; r <= r1; r++) {
      rowCount[r + 1]++;
      // Mark every cell the edge touches, the cell widened by EPS: such cells go to ray casting.
      let ua = Math.min(u1, u2), ub = Math.max(u1, u2);
      if (v1 !== v2) {
        const ta = (Math.max(vlo, r - epsV) - v1) / (v2 - v1), tb = (Math.min(vhi, r + 1 + epsV) - v1) / (v2 - v1);
        const xa = u1 + (u2 - u1) * ta, xb = u1 + (u2 - u1) * tb;
        ua = Math.max(Math.min(xa, xb), ua);
        ub = Math.min(Math.max(xa, xb), ub);
      }
      for (let c = clampX(Math.floor(ua - epsU)), c1 = clampX(Math.floor(ub + epsU)); c <= c1; c++) {
        cells[r * nx + c] = CELL_BOUNDARY;
      }
    }
  }
  for (let r = 0; r < ny; r++) rowCount[r + 1] += rowCount[r];
  const rowEdges = new Float64Array(rowCount[ny] * 4);
  const fill = rowCount.slice(0, ny);
  for (let e = 0; e < m; e++) {
    const v1 = (edges[4 * e + 1] - minY) * invY, v2 = (edges[4 * e + 3] - minY) * invY;
    // Horizontal edges never change the even-odd parity, but a point may lie on one.
    const r0 = clampY(Math.floor(Math.min(v1, v2) - epsV)), r1 = clampY(Math.floor(Math.max(v1, v2) + epsV));
    for (let r = r0; r <= r1; r++) rowEdges.set(edges.subarray(4 * e, 4 * e + 4), 4 * fill[r]++);
  }
  classifyClearCells(cells, rowCount, rowEdges, params, o);
  return { cells, rowStart: rowCount, rowEdges };
}

/**
 * Cells no edge touches are entirely inside or entirely outside: classify each row by sweeping
 * the ray crossings at the row's mid-height, the same crossing rule as the point test.
 */
function classifyClearCells(cells: Uint8Array, rowStart: Int32Array, rowEdges: Float64Array, params: Float64Array, o: number): void {
  const [minX, minY, , , invX, invY, nx, ny] = params.subarray(o, o + P_STRIDE);
  for (let r = 0; r < ny; r++) {
    const y = minY + (r + 0.5) / invY;
    const xs: number[] = [];
    for (let k = 4 * rowStart[r]; k < 4 * rowStart[r + 1]; k += 4) {
      const x1 = rowEdges[k], y1 = rowEdges[k + 1], x2 = rowEdges[k + 2], y2 = rowEdges[k + 3];
      if (y1 > y !== y2 > y) xs.push(((x2 - x1) * (y - y1)) / (y2 - y1) + x1);
    }
    xs.sort((a, b) => a - b);
    let k = 0;
    for (let c = 0; c < nx; c++) {
      const x = minX + (c + 0.5) / invX;
      while (k < xs.length && xs[k] <= x) k++;
      // Even-odd: inside when an odd number of crossings lie to the right of the point.
      if (cells[r * nx + c] !== CELL_BOUNDARY) cells[r * nx + c] = (xs.length - k) & 1;
    }
  }
}
