/**
 * Where establishments go: inside a quartier, in its 300 m "quartier vécu" band, in the
 * park that is a quartier's hole, or anywhere in the communes with clusters around the town
 * centres and the business park. All by rejection sampling in local metres.
 */
import type { Rng } from './prng.ts';
import { bboxOf, distanceToPolys, pointInPoly, pointInRing } from './geometry.ts';
import type { Poly, Pt, Ring } from './geometry.ts';
import type { CommuneShape, QuartierShape, Territory } from './territory.ts';

/** Width of the "quartier vécu" band (DESIGN.md §2). */
export const VECU_METRES = 300;

const MAX_TRIES = 100_000;

function sample(rng: Rng, box: [number, number, number, number], accept: (p: Pt) => boolean, what: string): Pt {
  for (let i = 0; i < MAX_TRIES; i++) {
    const p: Pt = [rng.range(box[0], box[2]), rng.range(box[1], box[3])];
    if (accept(p)) return p;
  }
  throw new Error(`Impossible de placer un établissement ${what} après ${MAX_TRIES} essais`);
}

export function inQuartier(p: Pt, q: QuartierShape): boolean {
  return q.polys.some((poly) => pointInPoly(p, poly));
}

/** In the park that is a quartier's hole: only the park's own establishments go there. */
export function inPark(p: Pt, t: Territory): boolean {
  return t.quartiers.some((q) => q.polys.some((poly) => poly.slice(1).some((hole) => pointInRing(p, hole))));
}

export function communeAt(p: Pt, communes: readonly CommuneShape[]): CommuneShape | undefined {
  return communes.find((c) => pointInRing(p, c.ring));
}

/**
 * A point inside the quartier, at least `margin` metres from its outlines so rounding
 * the coordinates to 6 decimals cannot move it out.
 */
export function sampleInside(rng: Rng, q: QuartierShape, margin = 2): Pt {
  return sample(rng, bboxOf(q.polys), (p) => inQuartier(p, q) && distanceToPolys(p, q.polys) > margin, `dans ${q.code}`);
}

/** A point within VECU_METRES of the quartier, outside every quartier, inside a commune. */
export function sampleVecu(rng: Rng, q: QuartierShape, t: Territory): Pt {
  const [x0, y0, x1, y1] = bboxOf(q.polys);
  const box: [number, number, number, number] = [x0 - VECU_METRES, y0 - VECU_METRES, x1 + VECU_METRES, y1 + VECU_METRES];
  return sample(
    rng,
    box,
    (p) =>
      communeAt(p, t.communes) !== undefined &&
      !t.quartiers.some((other) => inQuartier(p, other)) &&
      !inPark(p, t) &&
      distanceToPolys(p, q.polys) <= VECU_METRES - 2,
    `autour de ${q.code}`,
  );
}

/** A point inside the park (the hole of a quartier), clear of its edge. */
export function sampleInPark(rng: Rng, q: QuartierShape): Pt {
  const hole = (q.polys[0] as Poly)[1] as Ring;
  const holePoly: Poly[] = [[hole]];
  return sample(rng, bboxOf(holePoly), (p) => pointInRing(p, hole) && distanceToPolys(p, holePoly) > 20, `dans le parc de ${q.code}`);
}

/** Anywhere in the communes but the park: 60 % around the hubs, the rest uniformly. */
export function sampleElsewhere(rng: Rng, t: Territory): Pt {
  const box = bboxOf(t.communes.map((c) => [c.ring]));
  const inCommunes = (p: Pt) => communeAt(p, t.communes) !== undefined && !inPark(p, t);
  if (rng.chance(0.4)) return sample(rng, box, inCommunes, 'dans les communes');
  const hub = rng.weighted(t.hubs.map((h) => [h, h.weight] as const));
  for (let i = 0; i < MAX_TRIES; i++) {
    const p: Pt = [hub.centre[0] + hub.sigma * rng.normalish(), hub.centre[1] + hub.sigma * rng.normalish()];
    if (inCommunes(p)) return p;
  }
  throw new Error('Impossible de placer un établissement autour d’un pôle de la commune');
}
