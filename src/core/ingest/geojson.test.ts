import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EssqError } from '../errors';
import { parseQuartiers } from './geojson';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/fixtures/geojson');
const round7 = (v: number): number => Math.round(v * 1e7) / 1e7 + 0;

/** Golden form: rings as plain arrays rounded to 1e-7° (≈1 cm), errors as code + message. */
function goldenOf(text: string, fileName: string): unknown {
  try {
    const r = parseQuartiers(text, { fileName });
    return {
      crs: r.crs,
      crsSource: r.crsSource,
      warnings: r.warnings,
      quartiers: r.quartiers.map((q) => ({
        ...q,
        bbox: q.bbox.map(round7),
        polygons: q.polygons.map((p) => p.map((ring) => Array.from(ring, round7))),
      })),
    };
  } catch (e) {
    if (!(e instanceof EssqError)) throw e;
    // The engine's own wording changes between Node versions; ours must not.
    const details = { ...e.details };
    delete details.engineMessage;
    return { error: { code: e.code, message: e.message, details } };
  }
}

describe('parseQuartiers golden fixtures (REGEN=1 rewrites tests/fixtures/geojson/out)', () => {
  const inputs = readdirSync(path.join(FIXTURES, 'in')).filter((f) => f.endsWith('.geojson'));
  it.each(inputs)('%s', (file) => {
    const actual = goldenOf(readFileSync(path.join(FIXTURES, 'in', file), 'utf8'), file);
    const outFile = path.join(FIXTURES, 'out', file.replace(/\.geojson$/, '.json'));
    if (process.env.REGEN === '1') writeFileSync(outFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
  });
});

type Position = [number, number];
const square = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
function createFeature(properties: Record<string, unknown> | null, coordinates: unknown, type = 'Polygon'): object {
  return { type: 'Feature', properties, geometry: { type, coordinates } };
}
function createCollection(features: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', ...extra, features });
}
function errorOf(run: () => unknown): EssqError {
  try {
    run();
  } catch (e) {
    if (e instanceof EssqError) return e;
    throw e;
  }
  throw new Error('expected an EssqError');
}

describe('parseQuartiers input shapes', () => {
  it('accepts a single Feature', () => {
    const r = parseQuartiers(JSON.stringify(createFeature({ code_qp: 'QP031001' }, [square(1.4, 43.6, 0.01)])));
    expect(r.quartiers.map((q) => q.code)).toEqual(['QP031001']);
  });

  it('rejects a bare geometry, saying a FeatureCollection of quartiers is expected', () => {
    const e = errorOf(() => parseQuartiers(JSON.stringify({ type: 'Polygon', coordinates: [square(1.4, 43.6, 0.01)] })));
    expect(e.code).toBe('not_geojson');
    expect(e.message).toContain('FeatureCollection de quartiers');
  });

  it('rejects a JSON array and a TopoJSON with not_geojson', () => {
    expect(errorOf(() => parseQuartiers('[]')).code).toBe('not_geojson');
    expect(errorOf(() => parseQuartiers('{"type":"Topology","objects":{}}')).message).toContain('TopoJSON');
  });

  it('reports the position, line and column of a JSON syntax error', () => {
    const e = errorOf(() => parseQuartiers('{\n  "type": "FeatureCollection",\n  "features": [1,]\n}'));
    expect(e.code).toBe('invalid_json');
    expect(e.message).toContain('caractère « ] » inattendu à la position 50, ligne 3, colonne 18');
  });

  it('says a truncated file is truncated', () => {
    const e = errorOf(() => parseQuartiers('{"type": "FeatureCollection", "features": [{"type": "Fea'));
    expect(e.message).toContain('tronqué');
  });

  it('accepts a UTF-8 byte order mark', () => {
    const text = `\ufeff${createCollection([createFeature({ code_qp: 'QP031001' }, [square(1.4, 43.6, 0.01)])])}`;
    expect(parseQuartiers(text).quartiers).toHaveLength(1);
  });

  it('uses the polygons of a GeometryCollection', () => {
    const geometry = { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1.4, 43.6] }, { type: 'Polygon', coordinates: [square(1.4, 43.6, 0.01)] }] };
    const r = parseQuartiers(createCollection([{ type: 'Feature', properties: { code_qp: 'QP031001' }, geometry }]));
    expect(r.quartiers[0].polygons).toHaveLength(1);
  });

  it('throws no_polygon for an empty FeatureCollection', () => {
    expect(errorOf(() => parseQuartiers(createCollection([]))).code).toBe('no_polygon');
  });
});

describe('parseQuartiers field names', () => {
  const one = (properties: Record<string, unknown>) =>
    parseQuartiers(createCollection([createFeature(properties, [square(1.4, 43.6, 0.01)])])).quartiers[0];

  it('matches field names whatever their case', () => {
    const q = one({ Code_Qp: 'QP031001', LIB_QP: 'Reynerie', Insee_Com: '31555' });
    expect([q.code, q.name, q.communes]).toEqual(['QP031001', 'Reynerie', ['31555']]);
  });

  it('reads COMMUNE_QP as INSEE codes when it holds codes', () => {
    const q = one({ CODE_QP: 'QP031001', COMMUNE_QP: '31555, 31069' });
    expect(q.communes).toEqual(['31555', '31069']);
    expect(q.communeNames).toEqual([]);
  });

  it('reads COMMUNE_QP as names when it holds names, splitting "Séméac, Tarbes"', () => {
    const q = one({ CODE_QP: 'QP065003', COMMUNE_QP: 'Séméac, Tarbes' });
    expect(q.communeNames).toEqual(['Séméac', 'Tarbes']);
    expect(q.communes).toEqual([]);
  });

  it('prefers the full nom_commune list over the main commune_qp', () => {
    const q = one({ code_qp: 'QP065003', commune_qp: 'Tarbes', nom_commune: 'Séméac, Tarbes', code_commune: '65440' });
    expect(q.communeNames).toEqual(['Séméac', 'Tarbes']);
    expect(q.communes).toEqual(['65440']);
  });

  it('restores the leading zero of a commune code stored as a number, and keeps Corsican codes', () => {
    expect(one({ code_qp: 'QP001001', insee_com: 1053 }).communes).toEqual(['01053']);
    expect(one({ code_qp: 'QP02B001', insee_com: ['2b033'] }).communes).toEqual(['2B033']);
  });

  it('reads a numeric population, a French-formatted one, and ignores a non-numeric one', () => {
    expect(one({ code_qp: 'QP031001', pop_mun: 5120 }).population).toBe(5120);
    expect(one({ code_qp: 'QP031001', population: '12 345' }).population).toBe(12345);
    expect(one({ code_qp: 'QP031001', pop: 'n.d.' }).population).toBeNull();
  });

  it('turns a numeric code into a string and keeps all original properties', () => {
    const properties = { code: 31001, nom: 'Test', extra: { nested: true }, insee_dep: '31' };
    const q = one(properties);
    expect(q.code).toBe('31001');
    expect(q.properties).toEqual(properties);
  });
});

describe('parseQuartiers codes', () => {
  it('names the feature numbers that lack a code', () => {
    const e = errorOf(() =>
      parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [square(1.4, 43.6, 0.01)]), createFeature({ nom_qp: 'Sans code' }, [square(1.5, 43.6, 0.01)])])),
    );
    expect(e.code).toBe('missing_code');
    expect(e.message).toContain('L’entité n° 2 (sur 2)');
    expect(e.details).toEqual({ features: [2] });
  });

  it('does not ask a code of a skipped non-polygon feature', () => {
    const r = parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [square(1.4, 43.6, 0.01)]), createFeature({ label: 'x' }, [1.4, 43.6], 'Point')]));
    expect(r.quartiers).toHaveLength(1);
    expect(r.warnings[0]).toContain('Point : 1');
  });

  it('merges features sharing a code and a name into one multipolygon quartier', () => {
    const r = parseQuartiers(
      createCollection([
        createFeature({ code_qp: 'QN03101M', lib_qp: 'Les Izards', insee_com: '31555', pop_mun: 900 }, [square(1.4, 43.6, 0.01)]),
        createFeature({ code_qp: 'QN03101M', lib_qp: 'les  izards', insee_com: '31069', pop_mun: 900 }, [[square(1.5, 43.6, 0.01)], [square(1.6, 43.6, 0.01)]], 'MultiPolygon'),
      ]),
    );
    expect(r.quartiers).toHaveLength(1);
    const q = r.quartiers[0];
    expect(q.polygons).toHaveLength(3);
    expect(q.communes).toEqual(['31555', '31069']);
    expect(q.population).toBe(900);
    expect(q.bbox.map((v) => +v.toFixed(6))).toEqual([1.4, 43.6, 1.61, 43.61]);
    expect(r.warnings.join(' ')).toContain('QN03101M (entités n° 1 et 2)');
  });

  it('drops the population of a merged quartier whose parts disagree, with a warning', () => {
    const r = parseQuartiers(
      createCollection([
        createFeature({ code_qp: 'QN03101M', lib_qp: 'A', pop_mun: 900 }, [square(1.4, 43.6, 0.01)]),
        createFeature({ code_qp: 'QN03101M', lib_qp: 'A', pop_mun: 400 }, [square(1.5, 43.6, 0.01)]),
      ]),
    );
    expect(r.quartiers[0].population).toBeNull();
    expect(r.warnings.join(' ')).toContain('Population ignorée pour QN03101M');
  });

  it('throws duplicate_code naming the code and both names when the names differ', () => {
    const e = errorOf(() =>
      parseQuartiers(
        createCollection([
          createFeature({ code_qp: 'QP031001', nom_qp: 'Reynerie' }, [square(1.4, 43.6, 0.01)]),
          createFeature({ code_qp: 'QP031001', nom_qp: 'Bellefontaine' }, [square(1.5, 43.6, 0.01)]),
        ]),
      ),
    );
    expect(e.code).toBe('duplicate_code');
    expect(e.message).toContain('QP031001 sur les entités n° 1 (« Reynerie ») et n° 2 (« Bellefontaine »)');
  });
});

describe('parseQuartiers geometry', () => {
  it('keeps holes as the following rings of their polygon', () => {
    const r = parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [square(1.4, 43.6, 0.03), square(1.41, 43.61, 0.01)])]));
    const [outer, hole] = r.quartiers[0].polygons[0];
    expect(Array.from(outer.slice(0, 4))).toEqual([1.4, 43.6, 1.43, 43.6]);
    expect(Array.from(hole.slice(0, 2))).toEqual([1.41, 43.61]);
  });

  it('skips a ring with an infinite coordinate (1e999), never throwing a TypeError', () => {
    // JSON.parse reads 1e999 as Infinity; JSON.stringify cannot write it, hence the literal text.
    const bad = '[[[[1.4, 43.6], [1e999, 43.6], [1.41, 43.61], [1.4, 43.6]]]]';
    const good = JSON.stringify([square(1.5, 43.6, 0.01)]);
    const text = `{"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"code_qp": "QP031001"}, "geometry": {"type": "MultiPolygon", "coordinates": ${bad}}},
      {"type": "Feature", "properties": {"code_qp": "QP031002"}, "geometry": {"type": "Polygon", "coordinates": ${good}}}]}`;
    const r = parseQuartiers(text);
    expect(r.quartiers.map((q) => q.code)).toEqual(['QP031002']);
    expect(r.warnings.join(' ')).toContain('1 anneau invalide ignoré');
    expect(r.warnings.join(' ')).toContain('1 entité ignorée faute de contour utilisable : n° 1');
  });

  it('gives the same vertices for the Lambert-93 fixture as for its WGS84 original, within 2e-7° (1 cm rounding)', () => {
    const read = (f: string) => parseQuartiers(readFileSync(path.join(FIXTURES, 'in', f), 'utf8')).quartiers[0].polygons[0];
    const wgs84 = read('wgs84-square-hole.geojson');
    const lambert = read('lambert93-square-hole.geojson');
    expect(lambert.map((r) => r.length)).toEqual(wgs84.map((r) => r.length));
    lambert.forEach((ring, r) => ring.forEach((v, i) => expect(Math.abs(v - wgs84[r][i])).toBeLessThan(2e-7)));
  });
});

describe('parseQuartiers CRS', () => {
  // (700000, 6600000) is the Lambert-93 origin at (3°E, 46.5°N).
  const lambertSquare = square(700_000, 6_600_000, 1000);

  it('reads a Lambert-93 file declared in its crs member', () => {
    const r = parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [lambertSquare])], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } } }));
    expect([r.crs, r.crsSource]).toEqual(['EPSG:2154', 'member']);
    expect(r.quartiers[0].polygons[0][0][0]).toBeCloseTo(3, 9);
    expect(r.quartiers[0].polygons[0][0][1]).toBeCloseTo(46.5, 9);
  });

  it('detects Lambert-93 without a crs member and says so in a warning', () => {
    const r = parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [lambertSquare])]));
    expect([r.crs, r.crsSource]).toEqual(['EPSG:2154', 'detected']);
    expect(r.warnings[0]).toContain('Lambert-93');
  });

  it('trusts the coordinates over a crs member claiming CRS84 for Lambert-93 numbers', () => {
    const r = parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [lambertSquare])], { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } }));
    expect([r.crs, r.crsSource]).toEqual(['EPSG:2154', 'detected']);
    expect(r.warnings[0]).toContain('déclare WGS 84');
  });

  it('throws unknown_crs for a declared CRS it cannot reproject', () => {
    const e = errorOf(() => parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [lambertSquare])], { crs: { type: 'name', properties: { name: 'EPSG:3035' } } })));
    expect(e.code).toBe('unknown_crs');
    expect(e.message).toContain('EPSG:3035');
  });

  it('throws unknown_crs, quoting the ranges, when undeclared coordinates match no known CRS', () => {
    const e = errorOf(() => parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [square(400_000, 5_000_000, 1000)])])));
    expect(e.code).toBe('unknown_crs');
    expect(e.message).toMatch(/x de 400\s000 à 401\s000/);
  });

  it('swaps (lat, lon) coordinates back, with a warning', () => {
    const r = parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [square(43.6, 1.4, 0.01)])]));
    expect(Array.from(r.quartiers[0].polygons[0][0].slice(0, 2))).toEqual([1.4, 43.6]);
    expect(r.warnings[0]).toContain('permutées');
  });

  it('warns about a contour that crosses itself and says how the join reads it', () => {
    const bowTie: Position[] = [[1.4, 43.6], [1.42, 43.62], [1.42, 43.6], [1.4, 43.62], [1.4, 43.6]];
    const r = parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [bowTie]), createFeature({ code_qp: 'QP031002' }, [square(1.5, 43.6, 0.01)])]));
    expect(r.warnings).toEqual([expect.stringMatching(/^1 quartier a un contour qui se recoupe \(QP031001\) : .*règle pair-impair.*Réparer les géométries/)]);
  });

  it('warns about quartiers that end up outside France', () => {
    const r = parseQuartiers(createCollection([createFeature({ code_qp: 'QP031001' }, [square(13.4, 52.5, 0.01)])]));
    expect(r.warnings[0]).toContain('hors de France (QP031001)');
  });
});
