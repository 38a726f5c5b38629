/**
 * Uniform grid of candidate lists over a set of boxes. The join uses it to answer "which
 * quartiers could contain this point?" with two array reads, and to send most points outside
 * every quartier to -1 without touching any polygon.
 */

/** A uniform grid whose cells list the boxes overlapping them (CSR layout, plain typed arrays). */
export interface CellGrid {
  minX: number;
  minY: number;
  /** Cells per degree along x and y. */
  invCellX: number;
  invCellY: number;
  nx: number;
  ny: number;
  /** Items of cell c are `items[start[c]] … items[start[c + 1] - 1]`, in increasing order. */
  start: Uint32Array;
  items: Int32Array;
}

/** Upper bound on the cell count, so a grid over France stays around 4 MB. */
const MAX_CELLS = 1 << 20;

/**
 * Builds a grid over the union of `boxes` (4 numbers per item: minX, minY, maxX, maxY) with
 * square cells of about `cellSize` degrees, enlarged when the grid would exceed ~1 M cells.
 * Item lists are in increasing item order, so "first match wins" means "lowest index wins".
 * Boxes with NaN bounds (items without geometry) are left out of every cell.
 */
export function buildCellGrid(boxes: Float64Array, cellSize: number): CellGrid {
  const n = boxes.length >> 2;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!isValidBox(boxes, i)) continue;
    minX = Math.min(minX, boxes[4 * i]);
    minY = Math.min(minY, boxes[4 * i + 1]);
    maxX = Math.max(maxX, boxes[4 * i + 2]);
    maxY = Math.max(maxY, boxes[4 * i + 3]);
  }
  if (!(minX <= maxX)) {
    return { minX: 0, minY: 0, invCellX: 0, invCellY: 0, nx: 0, ny: 0, start: new Uint32Array(1), items: new Int32Array(0) };
  }
  const w = Math.max(maxX - minX, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  let size = Math.max(cellSize, 1e-9);
  if ((w / size) * (h / size) > MAX_CELLS) size = Math.sqrt((w * h) / MAX_CELLS);
  const nx = Math.max(1, Math.ceil(w / size));
  const ny = Math.max(1, Math.ceil(h / size));
  const grid: CellGrid = {
    minX, minY, invCellX: nx / w, invCellY: ny / h, nx, ny,
    start: new Uint32Array(nx * ny + 1), items: new Int32Array(0),
  };

  // Two passes (count, then fill) keep the lists in one flat array with no per-cell objects.
  const counts = grid.start;
  forEachCell(grid, boxes, (_, c) => { counts[c + 1]++; });
  for (let c = 0; c < nx * ny; c++) counts[c + 1] += counts[c];
  const items = new Int32Array(counts[nx * ny]);
  const fill = counts.slice(0, nx * ny);
  forEachCell(grid, boxes, (i, c) => { items[fill[c]++] = i; });
  grid.items = items;
  return grid;
}

function forEachCell(grid: CellGrid, boxes: Float64Array, visit: (item: number, cell: number) => void): void {
  const n = boxes.length >> 2;
  for (let i = 0; i < n; i++) {
    if (!isValidBox(boxes, i)) continue;
    // The same monotone formula as cellOf(): a point inside the box always maps to one of
    // these cells, whatever the rounding.
    const x0 = clampIndex(Math.floor((boxes[4 * i] - grid.minX) * grid.invCellX), grid.nx);
    const y0 = clampIndex(Math.floor((boxes[4 * i + 1] - grid.minY) * grid.invCellY), grid.ny);
    const x1 = clampIndex(Math.floor((boxes[4 * i + 2] - grid.minX) * grid.invCellX), grid.nx);
    const y1 = clampIndex(Math.floor((boxes[4 * i + 3] - grid.minY) * grid.invCellY), grid.ny);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) visit(i, y * grid.nx + x);
    }
  }
}

/** An item without geometry has NaN bounds and is left out of every cell. */
function isValidBox(boxes: Float64Array, i: number): boolean {
  return boxes[4 * i] <= boxes[4 * i + 2] && boxes[4 * i + 1] <= boxes[4 * i + 3];
}

function clampIndex(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/**
 * Cell of a point, or -1 when the point is outside the grid or a coordinate is NaN.
 * The comparisons are written so that NaN fails them.
 */
export function cellOf(grid: CellGrid, x: number, y: number): number {
  const u = (x - grid.minX) * grid.invCellX;
  const v = (y - grid.minY) * grid.invCellY;
  if (!(u >= 0 && v >= 0 && u <= grid.nx && v <= grid.ny)) return -1;
  const ix = u < grid.nx ? u | 0 : grid.nx - 1;
  const iy = v < grid.ny ? v | 0 : grid.ny - 1;
  return iy * grid.nx + ix;
}
