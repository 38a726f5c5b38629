/**
 * Spatial join benchmark: our grid + raster join against turf, on the real Occitanie quartiers
 * and on ~1 600 copies spread over metropolitan France, 1 M seeded points (~20 % inside).
 *
 * Run alone with `npx tsx bench/spatial-join.bench.ts`; bench/run.ts calls run().
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, featureCollection, point, pointsWithinPolygon, polygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { createQuartierIndex, joinPoints, locatePoint } from '../src/core/geo/spatial-join.ts';
import { assignRing } from '../src/core/geo/quartier-vecu.ts';
import type { Quartier } from '../src/core/types.ts';
import { mulberry32, randomInt, uniform } from './seed.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const sharedData = process.env.ESSQ_SHARED_DATA ?? path.resolve(here, '../../shared/data');
const POINTS = 1_000_000;
const TURF_BBOX_POINTS = 100_000;
const TURF_WITHIN_POINTS = 10_000;
export const FRANCE = [-4.5, 42.5, 8, 51] as const;

/** Polygons of the real file as Quartier objects (a bench-local reader, no ingest dependency). */
export function loadRealQuartiers(): Quartier[] {
  const file = path.join(sharedData, 'occitanie-qpv-2015/qp.geojson');
  const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: Record<string, unknown>; geometry: Polygon }[] };
  return fc.features.map((f) => makeQuartier(String(f.properties.code_qp), f.geometry.coordinates, 0, 0));
}

function makeQuartier(code: string, rings: number[][][], dx: number, dy: number): Quartier {
  const flat = rings.map((r) => Float64Array.from(r.flatMap(([x, y]) => [x + dx, y + dy])));
  const xs = flat[0].filter((_, i) => i % 2 === 0), ys = flat[0].filter((_, i) => i % 2 === 1);
  return {
    code, name: code, communes: [], communeNames: [], polygons: [flat], population: null, properties: {},
    bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
  };
}

/** ~1 600 quartiers: the real ones copied to seeded random places over metropolitan France. */
export function spreadOverFrance(real: Quartier[], total: number): Quartier[] {
  const random = mulberry32(1600);
  return Array.from({ length: total }, (_, k) => {
    const src = real[k % real.length];
    const rings = src.polygons[0].map((r) => Array.from({ length: r.length / 2 }, (_, i) => [r[2 * i], r[2 * i + 1]]));
    const dx = uniform(random, FRANCE[0], FRANCE[2] - 0.05) - src.bbox[0];
    const dy = uniform(random, FRANCE[1], FRANCE[3] - 0.05) - src.bbox[1];
    return makeQuartier(`${src.code}-${k}`, rings, dx, dy);
  });
}

/** Plain even-odd ray cast, used only to draw the "inside" points independently of our index. */
function inRing(ring: Float64Array, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const yi = ring[i + 1], yj = ring[j + 1];
    if (yi > y !== yj > y && x < ((ring[j] - ring[i]) * (y - yi)) / (yj - yi) + ring[i]) inside = !inside;
  }
  return inside;
}

/** 20 % drawn inside a random quartier, 40 % within ~1 km of one (towns), 40 % anywhere in `area`. */
export function makePoints(quartiers: Quartier[], area: readonly number[], seed: number) {
  const random = mulberry32(seed);
  const lon = new Float64Array(POINTS), lat = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) {
    const kind = random();
    if (kind < 0.6) {
      const q = quartiers[randomInt(random, quartiers.length)];
      const pad = kind < 0.2 ? 0 : 0.012;
      let x: number, y: number;
      do {
        x = uniform(random, q.bbox[0] - pad, q.bbox[2] + pad);
        y = uniform(random, q.bbox[1] - pad, q.bbox[3] + pad);
      } while (kind < 0.2 && !inRing(q.polygons[0][0], x, y));
      lon[i] = x; lat[i] = y;
    } else {
      lon[i] = uniform(random, area[0], area[2]);
      lat[i] = uniform(random, area[1], area[3]);
    }
  }
  return { lon, lat };
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Best of three, after the first call has warmed the JIT. */
function best<T>(fn: () => T): { ms: number; value: T } {
  let result = time(fn);
  for (let k = 0; k < 3; k++) {
    const next = time(fn);
    if (next.ms < result.ms) result = next;
  }
  return result;
}

const rate = (points: number, ms: number) =>
  points / ms >= 100 ? `${(points / ms / 1000).toFixed(2)} M pts/s` : `${(points / ms).toFixed(1)} k pts/s`;

function benchCase(label: string, quartiers: Quartier[], area: readonly number[], seed: number): string[] {
  const lines = [`## ${label}: ${quartiers.length} quartiers, ${POINTS.toLocaleString('en')} points`];
  const { lon, lat } = makePoints(quartiers, area, seed);
  const build = time(() => createQuartierIndex(quartiers));
  const index = build.value;
  lines.push(`index build: ${build.ms.toFixed(1)} ms (${(index.cells.length / 1024).toFixed(0)} KiB of raster cells)`);

  const ours = best(() => joinPoints(index, lon, lat));
  const inside = ours.value.reduce((n, q) => n + (q >= 0 ? 1 : 0), 0);
  lines.push(`ours joinPoints: ${ours.ms.toFixed(1)} ms for 1M = ${rate(POINTS, ours.ms)} (${((100 * inside) / POINTS).toFixed(1)} % inside)`);
  const streamed = best(() => {
    const out = new Int32Array(POINTS);
    for (let i = 0; i < POINTS; i++) out[i] = locatePoint(index, lon[i], lat[i]);
    return out;
  });
  lines.push(`ours locatePoint one by one: ${streamed.ms.toFixed(1)} ms for 1M = ${rate(POINTS, streamed.ms)}`);

  // Peer 1: what a careful user writes with turf, a bbox pre-check then booleanPointInPolygon.
  const features = quartiers.map((q) => polygon(q.polygons[0].map((r) => Array.from({ length: r.length / 2 }, (_, i) => [r[2 * i], r[2 * i + 1]]))));
  const boxes = quartiers.map((q) => q.bbox);
  const peer = time(() => {
    const out = new Int32Array(TURF_BBOX_POINTS).fill(-1);
    for (let i = 0; i < TURF_BBOX_POINTS; i++) {
      const x = lon[i], y = lat[i];
      for (let q = 0; q < boxes.length; q++) {
        const b = boxes[q];
        if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && booleanPointInPolygon([x, y], features[q])) { out[i] = q; break; }
      }
    }
    return out;
  });
  const peerMs = (peer.ms * POINTS) / TURF_BBOX_POINTS;
  let disagree = 0;
  peer.value.forEach((q, i) => { if (q !== ours.value[i]) disagree++; });
  lines.push(`peer turf booleanPointInPolygon + bbox pre-check: measured on ${TURF_BBOX_POINTS.toLocaleString('en')} points (${peer.ms.toFixed(0)} ms), extrapolated ${peerMs.toFixed(0)} ms for 1M = ${rate(POINTS, peerMs)}; ours/peer = ${(peerMs / ours.ms).toFixed(1)}× faster; ${disagree} different assignments`);

  const pointsFc = featureCollection(Array.from({ length: TURF_WITHIN_POINTS }, (_, i) => point([lon[i], lat[i]])));
  const within = time(() => pointsWithinPolygon(pointsFc, featureCollection<Polygon>(features as Feature<Polygon>[])));
  const withinMs = (within.ms * POINTS) / TURF_WITHIN_POINTS;
  lines.push(`peer turf pointsWithinPolygon: measured on ${TURF_WITHIN_POINTS.toLocaleString('en')} points (${within.ms.toFixed(0)} ms), extrapolated ${(withinMs / 1000).toFixed(1)} s for 1M = ${rate(POINTS, withinMs)}; ours/peer = ${(withinMs / ours.ms).toFixed(0)}× faster`);

  const ringFirst = time(() => assignRing(index, lon, lat, ours.value, 300));
  const ringNext = best(() => assignRing(index, lon, lat, ours.value, 300));
  const inRingCount = ringNext.value.reduce((n, q) => n + (q >= 0 ? 1 : 0), 0);
  lines.push(`ours assignRing 300 m: ${ringFirst.ms.toFixed(1)} ms first call (builds the edge R-tree), ${ringNext.ms.toFixed(1)} ms after = ${rate(POINTS, ringNext.ms)} (${((100 * inRingCount) / POINTS).toFixed(1)} % in a ring)`);
  return lines;
}

/** Runs both cases and returns the printed lines. */
export function run(): string[] {
  const real = loadRealQuartiers();
  const occitanie = [-0.5, 42.3, 4.9, 45.1];
  return [
    ...benchCase('(a) real Occitanie quartiers', real, occitanie, 105),
    ...benchCase('(b) copies over metropolitan France', spreadOverFrance(real, 1600), FRANCE, 1600),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const line of run()) console.log(line);
}
