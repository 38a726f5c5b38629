import { describe, expect, it } from 'vitest';
import { panIntoBand } from './profile-view.ts';

describe('keeping the profiled quartier in view', () => {
  it('does not move a quartier already clear of the sheet', () => {
    expect(panIntoBand(400, 500, 300, 700)).toBe(0);
  });

  it('pans a quartier under the sheet to the middle of the visible band', () => {
    // Centre 850, band centre 500: the map moves 350 px so the quartier comes left.
    expect(panIntoBand(800, 900, 300, 700)).toBe(350);
  });

  it('pans a quartier hidden under the cards to the right', () => {
    expect(panIntoBand(50, 150, 300, 700)).toBe(-400);
  });
});
