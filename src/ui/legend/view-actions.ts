/**
 * Store writes of the map panels. They touch only the view (what is drawn, and how), never
 * the engine: the indicators are already computed for every key, so switching is instant.
 */
import { clampClasses } from '../../core/classify/breaks.ts';
import type { IndicatorKey } from '../../core/indicators/catalog.ts';
import { useStore, type Basemap, type Classification } from '../../state/store.ts';

/** Shows another indicator (rates as a choropleth, counts as circles). */
export function setIndicator(indicator: IndicatorKey): void {
  useStore.setState({ indicator });
}

/** Merges a classification change; the number of classes stays within 3–7. */
export function setClassification(partial: Partial<Classification>): void {
  const next = { ...useStore.getState().classification, ...partial };
  useStore.setState({ classification: { ...next, classes: clampClasses(next.classes) } });
}

/** Chooses the basemap; 'osm' and 'ign' make the browser request their tiles. */
export function setBasemap(basemap: Basemap): void {
  useStore.setState({ basemap });
}

/** Shows or hides the ESS establishments. */
export function setShowPoints(showPoints: boolean): void {
  useStore.setState({ showPoints });
}

/** Shows or hides the quartier vécu band (its width is `setRingMetres` in actions.ts). */
export function setShowRing(showRing: boolean): void {
  useStore.setState({ showRing });
}
