import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { EssqError } from '../errors';
import {
  LAMBERT93,
  SUPPORTED_CRS,
  WGS84,
  crsFromGeoJsonMember,
  detectCrsFromRange,
  isGeographicCrs,
  makeProjector,
  normalizeCrsName,
  projectFlat,
} from './crs';
import { franceTerritoryAt } from './france';

const named = (name: string) => ({ type: 'name', properties: { name } });

describe('crsFromGeoJsonMember', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::2154', 'EPSG:2154'],
    ['urn:ogc:def:crs:EPSG:6.6:2154', 'EPSG:2154'],
    ['EPSG:2154', 'EPSG:2154'],
    ['epsg:5490', 'EPSG:5490'],
    ['http://www.opengis.net/def/crs/EPSG/0/2975', 'EPSG:2975'],
    ['http://www.opengis.net/gml/srs/epsg.xml#4471', 'EPSG:4471'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', WGS84],
    ['urn:ogc:def:crs:OGC::CRS84', WGS84],
    ['urn:ogc:def:crs:EPSG::4326', WGS84],
    ['RGF93_Lambert_93', LAMBERT93],
    ['EPSG:3035', 'EPSG:3035'],
  ])('reads %s as %s', (name, expected) => {
    expect(crsFromGeoJsonMember(named(name))).toBe(expected);
  });

  it('reads the 2008 { type: "EPSG", properties: { code } } form', () => {
    expect(crsFromGeoJsonMember({ type: 'EPSG', properties: { code: 2972 } })).toBe('EPSG:2972');
  });

  it('returns null when absent or unreadable', () => {
    expect(crsFromGeoJsonMember(undefined)).toBeNull();
    expect(crsFromGeoJsonMember(null)).toBeNull();
    expect(crsFromGeoJsonMember({ type: 'link', properties: { href: 'http://example.org/crs' } })).toBeNull();
    expect(crsFromGeoJsonMember(named('mon système'))).toBeNull();
  });

  it('normalizeCrsName ignores surrounding spaces and accepts a bare code', () => {
    expect(normalizeCrsName('  2154 ')).toBe('EPSG:2154');
    expect(normalizeCrsName('')).toBeNull();
  });
});

describe('detectCrsFromRange', () => {
  /** Extent, in `crs`, of a WGS84 box projected with an independent proj4 converter. */
  function projectedExtent(def: string, [w, s, e, n]: [number, number, number, number]): [number, number, number, number] {
    const corners = [[w, s], [w, n], [e, s], [e, n], [(w + e) / 2, s], [(w + e) / 2, n]].map((p) => proj4(def).forward(p));
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  }

  it('takes anything within ±180/±90 as WGS84', () => {
    expect(detectCrsFromRange(1.4, 43.5, 1.5, 43.7)).toBe(WGS84);
    expect(detectCrsFromRange(-61.1, 14.5, -60.9, 14.7)).toBe(WGS84);
  });

  it('recognises Lambert-93 over metropolitan France and Corsica', () => {
    expect(detectCrsFromRange(574_000, 6_279_000, 576_000, 6_281_000)).toBe(LAMBERT93); // Toulouse
    expect(detectCrsFromRange(1_170_000, 6_040_000, 1_240_000, 6_240_000)).toBe(LAMBERT93); // Corse
  });

  it.each([
    ['Martinique', '+proj=utm +zone=20', [-61.25, 14.38, -60.8, 14.88], 'EPSG:5490'],
    ['Guadeloupe', '+proj=utm +zone=20', [-61.85, 15.83, -61.0, 16.52], 'EPSG:5490'],
    ['Saint-Martin', '+proj=utm +zone=20', [-63.15, 18.0, -62.97, 18.12], 'EPSG:5490'],
    ['Guyane', '+proj=utm +zone=22', [-54.6, 2.11, -51.6, 5.78], 'EPSG:2972'],
    ['La Réunion', '+proj=utm +zone=40 +south', [55.21, -21.39, 55.84, -20.87], 'EPSG:2975'],
    ['Mayotte', '+proj=utm +zone=38 +south', [44.98, -13.0, 45.32, -12.63], 'EPSG:4471'],
  ] as const)('recognises %s in its UTM zone', (_name, utm, box, expected) => {
    const extent = projectedExtent(`${utm} +ellps=GRS80 +units=m +no_defs`, [...box]);
    expect(detectCrsFromRange(...extent)).toBe(expected);
  });

  it('tells the UTM zones apart by northing though their eastings overlap', () => {
    expect(detectCrsFromRange(340_000, 7_650_000, 350_000, 7_660_000)).toBe('EPSG:2975');
    expect(detectCrsFromRange(500_000, 8_580_000, 510_000, 8_590_000)).toBe('EPSG:4471');
    expect(detectCrsFromRange(350_000, 540_000, 360_000, 550_000)).toBe('EPSG:2972');
    expect(detectCrsFromRange(700_000, 1_610_000, 710_000, 1_620_000)).toBe('EPSG:5490');
  });

  it('returns null for ranges it cannot attribute (UTM 31N, Web Mercator, mixed, invalid)', () => {
    expect(detectCrsFromRange(370_000, 4_820_000, 380_000, 4_830_000)).toBeNull();
    expect(detectCrsFromRange(160_000, 5_400_000, 170_000, 5_410_000)).toBeNull();
    expect(detectCrsFromRange(340_000, 1_610_000, 710_000, 7_660_000)).toBeNull();
    expect(detectCrsFromRange(NaN, 0, 1, 1)).toBeNull();
    expect(detectCrsFromRange(Infinity, Infinity, -Infinity, -Infinity)).toBeNull();
  });

  it('documented ambiguity: Lambert II étendu in southern France falls in the Antilles range', () => {
    // Toulouse in EPSG:27572 is about (525 000, 1 845 000).
    expect(detectCrsFromRange(520_000, 1_840_000, 530_000, 1_850_000)).toBe('EPSG:5490');
  });
});

describe('makeProjector', () => {
  const project = (crs: string, x: number, y: number): number[] => {
    const out = [0, 0];
    makeProjector(crs)(x, y, out);
    return out;
  };

  it.each([
    // Reference pairs from shared/data SOURCE.md, cross-checked there against proj4js.
    [700_000, 6_600_000, 3, 46.5],
    [652_469.02, 6_862_035.26, 2.3522, 48.8566],
    [574_357.82, 6_279_642.97, 1.4442, 43.6047],
  ])('projects Lambert-93 (%d, %d) to (%d, %d)', (x, y, lon, lat) => {
    const [pLon, pLat] = project(LAMBERT93, x, y);
    expect(Math.abs(pLon - lon)).toBeLessThan(1e-7);
    expect(Math.abs(pLat - lat)).toBeLessThan(1e-7);
  });

  it.each([
    // On the central meridian at the equator a UTM position is (500 000, false northing).
    ['EPSG:5490', 500_000, 0, -63, 0, 1e-9],
    ['EPSG:2975', 500_000, 10_000_000, 57, 0, 1e-9],
    ['EPSG:4471', 500_000, 10_000_000, 45, 0, 1e-9],
    // RGFG95 carries a 2 m shift to WGS84 (EPSG transformation 1907).
    ['EPSG:2972', 500_000, 0, -51, 0, 1e-4],
    // CC zones: origin (1 700 000, (zone − 41) × 1 000 000 + 200 000) at (3°E, zone°N).
    ['EPSG:3943', 1_700_000, 2_200_000, 3, 43, 1e-9],
    ['EPSG:3949', 1_700_000, 8_200_000, 3, 49, 1e-9],
    // Lambert II étendu: origin on the Paris meridian at 46.8°N, shifted tens of metres by the NTF datum.
    ['EPSG:27572', 600_000, 2_200_000, 2.33722917, 46.8, 2e-3],
  ])('puts the projection origin of %s where its definition says', (crs, x, y, lon, lat, tolerance) => {
    const [pLon, pLat] = project(crs, x, y);
    expect(Math.abs(pLon - lon)).toBeLessThan(tolerance);
    expect(Math.abs(pLat - lat)).toBeLessThan(tolerance);
  });

  it.each([
    ['EPSG:5490', 710_000, 1_615_000, 'Martinique'],
    ['EPSG:5490', 650_000, 1_800_000, 'Guadeloupe'],
    ['EPSG:2972', 355_000, 545_000, 'Guyane'],
    ['EPSG:2975', 340_000, 7_690_000, 'La Réunion'],
    ['EPSG:4471', 525_000, 8_585_000, 'Mayotte'],
  ])('lands %s (%d, %d) in %s', (crs, x, y, territory) => {
    const [lon, lat] = project(crs, x, y);
    expect(franceTerritoryAt(lon, lat)).toBe(territory);
  });

  it('passes WGS84 through and builds each converter once', () => {
    expect(project(WGS84, 1.5, 43.5)).toEqual([1.5, 43.5]);
    expect(makeProjector(LAMBERT93)).toBe(makeProjector(LAMBERT93));
  });

  it('writes NaN for non-finite input instead of throwing', () => {
    expect(project(LAMBERT93, NaN, 6_600_000)).toEqual([NaN, NaN]);
    expect(project(LAMBERT93, 700_000, Infinity)).toEqual([NaN, NaN]);
  });

  it('throws unknown_crs for an unsupported CRS', () => {
    expect(() => makeProjector('EPSG:3035')).toThrow(EssqError);
    try {
      makeProjector('EPSG:3035');
    } catch (e) {
      expect((e as EssqError).code).toBe('unknown_crs');
    }
  });

  it('supports every listed CRS, each geographic one by identity', () => {
    for (const crs of SUPPORTED_CRS) {
      const out = [0, 0];
      expect(() => makeProjector(crs)(0, 0, out)).not.toThrow();
      if (isGeographicCrs(crs)) expect(out).toEqual([0, 0]);
    }
  });
});

describe('projectFlat', () => {
  it('projects a copy and leaves the input untouched', () => {
    const input = new Float64Array([700_000, 6_600_000, 652_469.02, 6_862_035.26]);
    const out = projectFlat(LAMBERT93, input);
    expect(Array.from(input)).toEqual([700_000, 6_600_000, 652_469.02, 6_862_035.26]);
    expect(out).not.toBe(input);
    expect(out[0]).toBeCloseTo(3, 9);
    expect(out[3]).toBeCloseTo(48.8566, 7);
  });

  it('returns a copy for WGS84 too', () => {
    const input = new Float64Array([1, 2]);
    const out = projectFlat(WGS84, input);
    expect(out).not.toBe(input);
    expect(Array.from(out)).toEqual([1, 2]);
  });
});
