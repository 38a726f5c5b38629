import { describe, expect, it } from 'vitest';
import { FIT_MARGIN, fitPadding } from './fit-padding.ts';

/** About the 105 Occitanie quartiers: 5° wide, 1.5° high. */
const REGION: [[number, number], [number, number]] = [[-0.1, 42.5], [4.9, 44.0]];
/** About an agglomeration: 6 km square. */
const CITY: [[number, number], [number, number]] = [[1.40, 43.57], [1.48, 43.63]];
const PANELS = { right: 282, bottom: 620 };

describe('fitPadding', () => {
  it('keeps a region beside the panels on a wide map', () => {
    expect(fitPadding(1180, 940, PANELS, REGION)).toEqual({ top: FIT_MARGIN, right: FIT_MARGIN, bottom: FIT_MARGIN, left: 306 });
  });

  it('puts an agglomeration below the panels on a narrow map, where it shows larger', () => {
    expect(fitPadding(560, 940, { right: 282, bottom: 460 }, CITY)).toEqual({ top: 484, right: 40, bottom: 40, left: 40 });
  });

  it('stays beside the panels when below leaves no room', () => {
    expect(fitPadding(1180, 700, PANELS, CITY).left).toBe(306);
  });

  it('uses the plain margin without panels, or when neither side leaves room', () => {
    expect(fitPadding(1180, 940, null, REGION)).toEqual({ top: 40, right: 40, bottom: 40, left: 40 });
    expect(fitPadding(300, 300, { right: 282, bottom: 280 }, CITY)).toEqual({ top: 37, right: 37, bottom: 37, left: 37 });
  });

  it('shrinks the margin on a tiny map', () => {
    expect(fitPadding(200, 160, null)).toEqual({ top: 20, right: 20, bottom: 20, left: 20 });
  });
});
