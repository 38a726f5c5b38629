/**
 * The fictitious territory: two communes sharing a wiggly border, and eight quartiers with
 * the shapes an importer must cope with (lobed outlines, a park as a hole, a quartier in two
 * parts, one straddling the commune border). Built in local metres; every invariant the
 * demo relies on is checked here so a change of seed or layout fails loudly.
 */
import { createRng, deriveSeed } from './prng.ts';
import type { Rng } from './prng.ts';
import { bboxOf, distanceToRing, pointInPoly, pointInRing, sinCos, starRing } from './geometry.ts';
import type { Poly, Pt, Ring } from './geometry.ts';

export interface CommuneShape {
  code: string;
  name: string;
  ring: Ring;
}

export interface QuartierShape {
  code: string;
  name: string;
  /** "des Hauts-de-Sorbiers": the form used inside establishment names. */
  complement: string;
  communes: CommuneShape[];
  polys: Poly[];
  /** Residents per km², to derive a plausible pop_mun. */
  density: number;
}

export interface Territory {
  communes: CommuneShape[];
  quartiers: QuartierShape[];
  /** Points where establishments cluster outside quartiers: town centres, business park. */
  hubs: { centre: Pt; sigma: number; weight: number }[];
  /** A point inside the park that is the hole of a quartier. */
  park: { centre: Pt; quartierCode: string };
}

interface QuartierSpec {
  code: string;
  name: string;
  complement: string;
  parts: { centre: Pt; radius: number; vertices: number }[];
  hole?: { offset: Pt; radius: number; vertices: number };
  straddles?: boolean;
  density: number;
}

/** Semi-axes of the outline of both communes, around the southern end of their border. */
const WEST_EXTENT = 5600;
const EAST_EXTENT = 3300;
const NS_EXTENT = 3400;

/** Border x as a function of y: the same function places the straddling quartier. */
function borderX(y: number, phase: number): number {
  const taper = Math.max(0, 1 - (y / NS_EXTENT) ** 2);
  return 240 * taper * sinCos(y / 1400 + phase)[0];
}

function buildCommunes(rng: Rng, phase: number): { communes: CommuneShape[]; outline: Ring } {
  const n = 96; // divisible by 4: vertices n/4 and 3n/4 sit due north and due south
  const outline = starRing(rng, {
    centre: [0, 0],
    radius: NS_EXTENT,
    vertices: n,
    lobes: 0.06,
    jitter: 0.025,
    angleJitter: 0,
    squircle: true,
    eastScale: EAST_EXTENT / NS_EXTENT,
    westScale: WEST_EXTENT / NS_EXTENT,
  });
  const north = outline[n / 4] as Pt;
  const south = outline[(3 * n) / 4] as Pt;
  // The shared border runs from the southern to the northern outline vertex, so both
  // communes hold exactly the same border vertices and tile without gap or overlap.
  const steps = 16;
  const border: Pt[] = [south];
  for (let i = 1; i < steps; i++) {
    const y = south[1] + ((north[1] - south[1]) * i) / steps;
    border.push([borderX(y, phase) + rng.range(-40, 40), y]);
  }
  border.push(north);
  const west: Pt[] = [...outline.slice(n / 4, (3 * n) / 4), ...border.slice(0, -1), north];
  // The reversed border ends on the southern vertex, which also opens the ring: closed.
  const east: Pt[] = [...outline.slice((3 * n) / 4, n), ...outline.slice(0, n / 4), ...[...border].reverse()];
  return {
    communes: [
      { code: '99001', name: 'Ville-Exemple', ring: west },
      { code: '99002', name: 'Bourg-Voisin', ring: east },
    ],
    outline,
  };
}

function quartierSpecs(phase: number): QuartierSpec[] {
  return [
    { code: 'QN99901N', name: 'Les Hauts-de-Sorbiers', complement: 'des Hauts-de-Sorbiers', density: 9500,
      parts: [{ centre: [-3300, 1400], radius: 600, vertices: 34 }] },
    { code: 'QN99902M', name: 'Val-des-Ormeaux', complement: 'du Val-des-Ormeaux', density: 8000,
      parts: [{ centre: [-1500, 2000], radius: 480, vertices: 28 }] },
    { code: 'QN99903M', name: 'La Pépinière-Haute', complement: 'de la Pépinière-Haute', density: 7000,
      parts: [{ centre: [-2500, -700], radius: 720, vertices: 38 }],
      hole: { offset: [60, 40], radius: 210, vertices: 18 } },
    { code: 'QN99904I', name: 'Les Coteaux-du-Moulin', complement: 'des Coteaux-du-Moulin', density: 8500,
      parts: [
        { centre: [-4000, -1300], radius: 400, vertices: 24 },
        { centre: [-3300, -2200], radius: 330, vertices: 22 },
      ] },
    { code: 'QN99905N', name: 'Clos-des-Aubépines', complement: 'du Clos-des-Aubépines', density: 9000,
      parts: [{ centre: [borderX(600, phase), 600], radius: 520, vertices: 32 }], straddles: true },
    { code: 'QN99906M', name: 'Les Terrasses-du-Canal', complement: 'des Terrasses-du-Canal', density: 8000,
      parts: [{ centre: [-900, -1900], radius: 500, vertices: 30 }] },
    { code: 'QN99907I', name: 'Faubourg-des-Tanneurs', complement: 'du Faubourg-des-Tanneurs', density: 12000,
      parts: [{ centre: [-1300, 500], radius: 320, vertices: 22 }] },
    { code: 'QN99908N', name: 'Plaine-des-Vergers', complement: 'de la Plaine-des-Vergers', density: 7500,
      parts: [{ centre: [-4100, 100], radius: 450, vertices: 26 }] },
  ];
}

function fail(message: string): never {
  throw new Error(`Territoire de démonstration incohérent : ${message}`);
}

/** Builds and checks the territory for a seed. */
export function buildTerritory(seed: number): Territory {
  const rng = createRng(deriveSeed(seed, 'territory'));
  const phase = rng.range(0, 2 * Math.PI);
  const { communes, outline } = buildCommunes(rng, phase);
  const [ville, bourg] = communes as [CommuneShape, CommuneShape];
  // Quartiers keep clear of the outer edge so their 300 m "quartier vécu" stays on land we
  // generate establishments on; the inner border between the communes does not matter.
  const wellInside = (p: Pt) => pointInRing(p, outline) && distanceToRing(p, outline) > 400;

  const quartiers: QuartierShape[] = quartierSpecs(phase).map((spec) => {
    const polys: Poly[] = spec.parts.map((part) => [
      starRing(rng, { centre: part.centre, radius: part.radius, vertices: part.vertices, lobes: 0.12, jitter: 0.06 }),
    ]);
    if (spec.hole) {
      const part = spec.parts[0] as QuartierSpec['parts'][number];
      const centre: Pt = [part.centre[0] + spec.hole.offset[0], part.centre[1] + spec.hole.offset[1]];
      const hole = starRing(rng, { centre, radius: spec.hole.radius, vertices: spec.hole.vertices, lobes: 0.08, jitter: 0.04 });
      const outer = (polys[0] as Poly)[0] as Ring;
      if (!hole.every((p) => pointInRing(p, outer) && distanceToRing(p, outer) > 150)) fail(`le parc de ${spec.code} déborde`);
      // RFC 7946: holes turn clockwise.
      (polys[0] as Poly).push([...hole].reverse());
    }
    const vertices = polys.flatMap((poly) => poly[0] as Ring);
    if (!vertices.every(wellInside)) fail(`${spec.code} sort des communes ou frôle leur limite extérieure`);
    const inVille = vertices.filter((p) => pointInRing(p, ville.ring)).length;
    const inBourg = vertices.filter((p) => pointInRing(p, bourg.ring)).length;
    if (spec.straddles ? inVille < 5 || inBourg < 5 : inBourg > 0) fail(`${spec.code} mal placé par rapport à la limite communale`);
    return {
      code: spec.code,
      name: spec.name,
      complement: spec.complement,
      communes: spec.straddles ? [ville, bourg] : [ville],
      polys,
      density: spec.density,
    };
  });

  checkApart(quartiers);
  const pepiniere = quartiers.find((q) => q.code === 'QN99903M') ?? fail('quartier au parc absent');
  const hole = (pepiniere.polys[0] as Poly)[1] as Ring;
  const [hx0, hy0, hx1, hy1] = bboxOf([[hole]]);
  const parkCentre: Pt = [(hx0 + hx1) / 2, (hy0 + hy1) / 2];
  if (pointInPoly(parkCentre, pepiniere.polys[0] as Poly)) fail('le centre du parc tombe dans le quartier');

  return {
    communes,
    quartiers,
    hubs: [
      { centre: [-1500, 300], sigma: 900, weight: 0.35 }, // centre-ville de Ville-Exemple
      { centre: [1700, -300], sigma: 500, weight: 0.15 }, // centre-bourg de Bourg-Voisin
      { centre: [-4900, -700], sigma: 280, weight: 0.1 }, // zone d'activités
    ],
    park: { centre: parkCentre, quartierCode: pepiniere.code },
  };
}

/**
 * Quartiers of the real file never overlap; ours keep at least 150 m apart (vertex to outline,
 * both ways), which also rules out crossing edges between these star-shaped outlines.
 */
function checkApart(quartiers: QuartierShape[]): void {
  for (const a of quartiers) {
    for (const b of quartiers) {
      if (a === b) continue;
      for (const p of a.polys.flatMap((poly) => poly[0] as Ring)) {
        for (const q of b.polys) {
          const outer = q[0] as Ring;
          if (pointInRing(p, outer) || distanceToRing(p, outer) < 150) fail(`${a.code} trop proche de ${b.code}`);
        }
      }
    }
  }
}
