import { describe, expect, it } from 'vitest';
import { metresPerPixel } from './scale-bar.ts';
import { bboxIntersects, fitMercator, geometryBBox, projectRings, sheetScaleBar } from './sheet-map.ts';

const frame = { x: 10, y: 20, width: 100, height: 80 };

describe('sheet map projection', () => {
  it('centres the box in the frame and keeps north up', () => {
    const p = fitMercator([1.4, 43.58, 1.45, 43.62], frame);
    const [cx, cy] = p.project(1.425, (43.58 + 43.62) / 2);
    expect(cx).toBeCloseTo(60, 6);
    expect(cy).toBeCloseTo(60, 1);
    expect(p.project(1.425, 43.62)[1]).toBeLessThan(p.project(1.425, 43.58)[1]);
  });

  it('keeps everything inside the frame and widens the shown box to its aspect', () => {
    const p = fitMercator([2.3, 48.85, 2.31, 48.9], frame, 0);
    for (const [lon, lat] of [[2.3, 48.85], [2.31, 48.9]]) {
      const [x, y] = p.project(lon, lat);
      expect(x).toBeGreaterThanOrEqual(frame.x - 1e-9);
      expect(x).toBeLessThanOrEqual(frame.x + frame.width + 1e-9);
      expect(y).toBeGreaterThanOrEqual(frame.y - 1e-9);
      expect(y).toBeLessThanOrEqual(frame.y + frame.height + 1e-9);
    }
    expect(p.bbox[3] - p.bbox[1]).toBeCloseTo(0.05, 3);
    expect(p.bbox[2] - p.bbox[0]).toBeGreaterThan(0.01);
  });

  it('gives a zoom whose ground resolution matches the page scale, for the scale bar', () => {
    for (const lat of [-21.1, 16.25, 43.6, 48.85]) {
      const p = fitMercator([1, lat - 0.01, 1.02, lat + 0.01], frame);
      const groundPerUnit = Math.cos((lat * Math.PI) / 180) / p.scale;
      expect(metresPerPixel(lat, p.zoom)).toBeCloseTo(groundPerUnit, 3);
      const bar = sheetScaleBar(p, 30);
      expect(bar.pixels).toBeLessThanOrEqual(30);
      expect(bar.pixels).toBeGreaterThan(30 / 2.5);
    }
  });

  it('reads boxes and projects rings with their holes', () => {
    const g: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 0]], [[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 0.5]]] };
    expect(geometryBBox(g)).toEqual([0, 0, 2, 2]);
    expect(bboxIntersects([0, 0, 2, 2], [1, 1, 3, 3])).toBe(true);
    expect(bboxIntersects([0, 0, 1, 1], [2, 2, 3, 3])).toBe(false);
    expect(projectRings(g, fitMercator([0, 0, 2, 2], frame))).toHaveLength(2);
  });
});
