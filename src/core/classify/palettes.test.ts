import { describe, expect, it } from 'vitest';
import { FAMILIES, SECTORS } from '../types.ts';
import {
  FAMILY_COLOR_LIST,
  NO_DATA_COLOR,
  PALETTE_NAMES,
  SECRET_COLOR,
  SECTOR_COLOR_LIST,
  hatchPattern,
  isPaletteName,
  paletteColors,
} from './palettes.ts';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('paletteColors', () => {
  it('gives n hex colours for every palette and every class count 3–7', () => {
    for (const name of PALETTE_NAMES) {
      for (let n = 3; n <= 7; n++) {
        const colours = paletteColors(name, n);
        expect(colours).toHaveLength(n);
        expect(colours.every((c) => /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
        expect(new Set(colours).size).toBe(n);
      }
    }
  });

  it('runs from light (low values) to dark (high values)', () => {
    for (const name of PALETTE_NAMES) {
      const colours = paletteColors(name, 5);
      expect(luminance(colours[0])).toBeGreaterThan(luminance(colours[4]));
    }
  });

  it('uses the ColorBrewer scheme of the right size', () => {
    expect(paletteColors('blues', 3)).toEqual(['#deebf7', '#9ecae1', '#3182bd']);
  });

  it('falls back to viridis for an unknown name', () => {
    expect(paletteColors('arc-en-ciel', 4)).toEqual(paletteColors('viridis', 4));
    expect(isPaletteName('arc-en-ciel')).toBe(false);
    expect(isPaletteName('cividis')).toBe(true);
  });

  it('handles one or two classes', () => {
    expect(paletteColors('viridis', 1)).toHaveLength(1);
    expect(paletteColors('purples', 2)).toHaveLength(2);
  });

  it('keeps no-data and secret colours out of the palettes', () => {
    for (const name of PALETTE_NAMES) {
      const colours = paletteColors(name, 7).map((c) => c.toLowerCase());
      expect(colours).not.toContain(NO_DATA_COLOR);
      expect(colours).not.toContain(SECRET_COLOR);
    }
  });
});

describe('hatchPattern', () => {
  it('is an opaque RGBA tile with both colours, periodic along the diagonal', () => {
    const p = hatchPattern(8);
    expect(p.data).toHaveLength(8 * 8 * 4);
    const px = (x: number, y: number) => Array.from(p.data.slice((y * 8 + x) * 4, (y * 8 + x) * 4 + 4));
    expect(px(7, 0)).toEqual(px(0, 7));
    expect(px(0, 0)).not.toEqual(px(7, 0));
    for (let i = 3; i < p.data.length; i += 4) expect(p.data[i]).toBe(255);
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(() => hatchPattern(8, 'red')).toThrow(/#rrggbb/);
  });
});

describe('categorical colours', () => {
  it('give one distinct colour per family and per sector code', () => {
    expect(FAMILY_COLOR_LIST).toHaveLength(FAMILIES.length);
    expect(new Set(FAMILY_COLOR_LIST).size).toBe(FAMILIES.length);
    expect(SECTOR_COLOR_LIST).toHaveLength(SECTORS.length);
    expect(new Set(SECTOR_COLOR_LIST).size).toBe(SECTORS.length);
  });
});
