/**
 * Plane geometry for the demo territory, in local metres (x east, y north) around an origin,
 * plus the conversion to rounded WGS84 longitude/latitude.
 *
 * Math.sin and Math.cos are not required to be correctly rounded, so two engines may
 * disagree in the last bit; the committed files must not depend on that, hence the
 * series below that only use + − × ÷ (exactly specified by IEEE 754).
 */
import type { Rng } from './prng.ts';

export type Pt = readonly [number, number];
/** A closed ring: first position repeated at the end. */
export type Ring = Pt[];
/** A polygon: outer ring (counter-clockwise) then holes (clockwise), as in RFC 7946. */
export type Poly = Ring[];

const TWO_PI = 2 * Math.PI;

/** sin and cos of an angle in radians, identical on every platform. */
export function sinCos(theta: number): [number, number] {
  const x = theta - TWO_PI * Math.round(theta / TWO_PI); // now in [−π, π]
  const x2 = x * x;
  // Taylor series to x^25: error below 1e-14 on [−π, π], far under the 0.1 m we keep.
  let s = 0;
  let c = 0;
  for (let k = 12; k >= 0; k--) {
    const sk = (k % 2 === 0 ? 1 : -1) / factorial(2 * k + 1);
    const ck = (k % 2 === 0 ? 1 : -1) / factorial(2 * k);
    s = s * x2 + sk;
    c = c * x2 + ck;
  }
  return [s * x, c];
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** Rounds to 6 decimals (≈ 0.1 m), the precision of the published files. */
export function round6(v: number): number {
  return Number(v.toFixed(6));
}

/** Equirectangular projection around an origin: plenty for a territory of ten kilometres. */
export interface LocalProjection {
  toLonLat(p: Pt): Pt;
}

export function createProjection(lon0: number, lat0: number): LocalProjection {
  const metresPerDegree = (6_371_000 * Math.PI) / 180;
  const [, cosLat] = sinCos((lat0 * Math.PI) / 180);
  return {
    toLonLat: ([x, y]) => [
      round6(lon0 + x / (metresPerDegree * cosLat)),
      round6(lat0 + y / metresPerDegree),
    ],
  };
}

export interface StarOptions {
  centre: Pt;
  radius: number;
  vertices: number;
  /** Amplitude of the low harmonics that give the outline its lobes (fraction of radius). */
  lobes?: number;
  /** Vertex-to-vertex radial jitter (fraction of radius). */
  jitter?: number;
  /** Radius scale east of the centre (x > 0) and west of it, for lopsided outlines. */
  eastScale?: number;
  westScale?: number;
  /** Vertical semi-axis as a fraction of the horizontal one. */
  flattening?: number;
  /** Angle jitter, so vertices are not evenly spaced (fraction of the angular step). */
  angleJitter?: number;
  /** Squircle (|x/a|⁴ + |y/b|⁴ = 1) instead of an ellipse: fuller corners, as a commune has. */
  squircle?: boolean;
}

/**
 * An irregular closed ring around a centre, counter-clockwise. It is star-shaped (every
 * vertex is seen from the centre at an increasing angle with a positive radius), which
 * makes it simple by construction: no self-intersection to check or repair.
 */
export function starRing(rng: Rng, o: StarOptions): Ring {
  const lobes = o.lobes ?? 0.1;
  const jitter = o.jitter ?? 0.05;
  const angleJitter = o.angleJitter ?? 0.3;
  const harmonics = [2, 3, 5].map((k) => ({ k, a: rng.range(0, lobes), phase: rng.range(0, TWO_PI) }));
  const ring: Pt[] = [];
  for (let i = 0; i < o.vertices; i++) {
    const theta = (TWO_PI * (i + (i === 0 ? 0 : rng.range(-angleJitter, angleJitter)))) / o.vertices;
    let f = 1 + rng.range(-jitter, jitter);
    for (const h of harmonics) f += h.a * sinCos(h.k * theta + h.phase)[1];
    const [s, c] = sinCos(theta);
    const sideScale = c >= 0 ? (o.eastScale ?? 1) : (o.westScale ?? 1);
    const a = o.radius * sideScale;
    const b = o.radius * (o.flattening ?? 1);
    if (o.squircle) {
      const u = (c / a) * (c / a);
      const v = (s / b) * (s / b);
      const r = f / Math.sqrt(Math.sqrt(u * u + v * v));
      ring.push([o.centre[0] + r * c, o.centre[1] + r * s]);
    } else {
      ring.push([o.centre[0] + a * f * c, o.centre[1] + b * f * s]);
    }
  }
  ring.push(ring[0] as Pt);
  return ring;
}

/** Ray casting: is p inside the closed ring? */
export function pointInRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Pt;
    const [xj, yj] = ring[j] as Pt;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPoly(p: Pt, poly: Poly): boolean {
  const [outer, ...holes] = poly;
  if (outer === undefined || !pointInRing(p, outer)) return false;
  return !holes.some((h) => pointInRing(p, h));
}

/** Shortest distance from p to the outline of a ring. */
export function distanceToRing(p: Pt, ring: readonly Pt[]): number {
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    const [ax, ay] = ring[i - 1] as Pt;
    const [bx, by] = ring[i] as Pt;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2));
    const ex = ax + t * dx - p[0];
    const ey = ay + t * dy - p[1];
    best = Math.min(best, Math.sqrt(ex * ex + ey * ey));
  }
  return best;
}

/** Shortest distance from p to any outline (outer or hole) of the polygons. */
export function distanceToPolys(p: Pt, polys: readonly Poly[]): number {
  let best = Infinity;
  for (const poly of polys) for (const ring of poly) best = Math.min(best, distanceToRing(p, ring));
  return best;
}

/** Signed area (shoelace), positive for a counter-clockwise ring. */
export function ringArea(ring: readonly Pt[]): number {
  let a = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1] as Pt;
    const [x1, y1] = ring[i] as Pt;
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

/** Area of polygons, holes subtracted. */
export function polysArea(polys: readonly Poly[]): number {
  let a = 0;
  for (const [outer, ...holes] of polys) {
    if (outer !== undefined) a += Math.abs(ringArea(outer));
    for (const h of holes) a -= Math.abs(ringArea(h));
  }
  return a;
}

/** [minX, minY, maxX, maxY] of the outer rings. */
export function bboxOf(polys: readonly Poly[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [outer] of polys) {
    for (const [x, y] of outer ?? []) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}
