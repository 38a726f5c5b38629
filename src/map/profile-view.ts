/**
 * Keeps the quartier whose profile is open in view: the profile sheet slides over the map's
 * right side, and a quartier under it would vanish the moment the user clicked it. When it
 * would be hidden, the map pans (same zoom) to put it in the middle of the part left visible:
 * between the cards and the sheet, or below the cards when that band is too narrow.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useStore } from '../state/store.ts';

/** Room kept between the quartier and the sheet's edge, in pixels. */
const MARGIN = 32;

/**
 * Horizontal pan, in pixels, that brings a quartier spanning `left`–`right` (pixels from the
 * map's left edge) into the visible band `bandLeft`–`bandRight`; 0 when it is already inside.
 */
export function panIntoBand(left: number, right: number, bandLeft: number, bandRight: number): number {
  if (right <= bandRight - MARGIN && left >= bandLeft) return 0;
  return Math.round((left + right) / 2 - (bandLeft + bandRight) / 2);
}

export function keepProfileInView(map: MaplibreMap): () => void {
  let frame = 0;
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.profile === prev.profile || s.profile === null) return;
    const q = s.quartiers[s.profile];
    if (!q) return;
    cancelAnimationFrame(frame);
    // After React has drawn the sheet, so its edge can be measured.
    frame = requestAnimationFrame(() => {
      const container = map.getContainer().getBoundingClientRect();
      const sheet = document.querySelector('.profile-sheet')?.getBoundingClientRect();
      // The cards themselves (their column runs the map's full height).
      const boxes = [...document.querySelectorAll('.map-overlay > *')].map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0);
      const cards = boxes.length > 0 ? { right: Math.max(...boxes.map((r) => r.right)), bottom: Math.max(...boxes.map((r) => r.bottom)) } : null;
      if (!sheet) return;
      const bandRight = sheet.left - container.left;
      // Beside the cards when there is room there, else anywhere left of the sheet.
      const besideCards = cards ? cards.right - container.left + MARGIN : MARGIN;
      const bandLeft = bandRight - besideCards >= 120 ? besideCards : MARGIN;
      if (bandRight - bandLeft < 60) return;
      const [w, , e] = q.bbox;
      const a = map.project([w, q.bbox[1]]);
      const b = map.project([e, q.bbox[3]]);
      const dx = panIntoBand(Math.min(a.x, b.x), Math.max(a.x, b.x), bandLeft, bandRight);
      // Left of the sheet but in the cards' column: below the cards, then.
      const top = cards && bandLeft === MARGIN ? cards.bottom - container.top + MARGIN : MARGIN;
      const dy = dx !== 0 && top < container.height - 120 ? panIntoBand(Math.min(a.y, b.y), Math.max(a.y, b.y), top, container.height) : 0;
      if (dx !== 0 || dy !== 0) map.panBy([dx, dy], { duration: 300 });
    });
  });
  return () => {
    cancelAnimationFrame(frame);
    unsubscribe();
  };
}
