import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from './scale-bar.ts';

describe('scale bar', () => {
  it('matches the Web Mercator ground resolution at the equator', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerPixel(0, 10)).toBeCloseTo(76.437, 2);
  });

  it('shrinks a pixel by cos(latitude)', () => {
    expect(metresPerPixel(60, 12) / metresPerPixel(0, 12)).toBeCloseTo(0.5, 10);
  });

  it('picks a 1-2-5 length that fits, at several latitudes and zooms', () => {
    for (const [lat, zoom] of [[43.6, 14], [48.85, 12], [-21.1, 15], [16.25, 10]]) {
      const bar = scaleBar(lat, zoom, 150);
      expect(bar.pixels).toBeLessThanOrEqual(150);
      expect(bar.pixels).toBeGreaterThan(150 / 2.5);
      expect(bar.metres * 1).toBeCloseTo(bar.pixels * metresPerPixel(lat, zoom), 6);
      expect(String(bar.metres)).toMatch(/^[125]0*$|^0\.[0-9]*[125]$/);
    }
  });

  it('labels in metres below a kilometre and in kilometres above', () => {
    expect(scaleBar(45, 15, 120).label).toBe('200 m');
    expect(scaleBar(45, 10, 120).label).toBe('5 km');
  });
});
