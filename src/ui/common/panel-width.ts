/**
 * Width of the side panel: one width for every tab (changing tabs never moves the map), chosen
 * by the user with the resize handle (or widened for the ranking's columns) and kept in this browser. The default leaves the map at
 * least 60 % of the window on a laptop; whatever the user drags, the map keeps 35 %.
 */

/** localStorage key of the chosen width, in CSS pixels. */
export const PANEL_WIDTH_KEY = 'essq:panel-width';
export const PANEL_MIN = 360;
/** The map keeps at least this share of the window, however wide the panel is dragged. */
const MAP_MIN_SHARE = 0.35;

/** Default width for a window `windowWidth` pixels wide: 32 % of it, between 360 and 600 px. */
export function defaultPanelWidth(windowWidth: number): number {
  return Math.round(Math.min(600, Math.max(360, windowWidth * 0.32)));
}

/** Width of the widened panel (the ranking's columns side by side): 60 % of the window, up to 1100 px. */
export function widePanelWidth(windowWidth: number): number {
  return Math.round(Math.min(1100, windowWidth * 0.6));
}

/** Largest width the panel may take in a window `windowWidth` pixels wide. */
export function maxPanelWidth(windowWidth: number): number {
  return Math.max(PANEL_MIN, Math.floor(windowWidth * (1 - MAP_MIN_SHARE)));
}

/** `width` brought between {@link PANEL_MIN} and {@link maxPanelWidth}. */
export function clampPanelWidth(width: number, windowWidth: number): number {
  return Math.round(Math.min(maxPanelWidth(windowWidth), Math.max(PANEL_MIN, width)));
}

/** The width saved in this browser, or null (none saved, unreadable, or storage refused). */
export function savedPanelWidth(): number | null {
  try {
    const value = Number(localStorage.getItem(PANEL_WIDTH_KEY));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function savePanelWidth(width: number): void {
  try {
    localStorage.setItem(PANEL_WIDTH_KEY, String(Math.round(width)));
  } catch {
    // Storage refused (private mode, quota): the width simply is not kept.
  }
}
