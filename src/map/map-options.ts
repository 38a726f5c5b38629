/**
 * Map display options that are not part of the shared view (they do not change any figure and
 * are not worth a place in the URL): how establishment points are coloured.
 */
import { create } from 'zustand';
import type { PointColorBy } from './layers/points.ts';

export interface MapOptions {
  pointColorBy: PointColorBy;
}

export const useMapOptions = create<MapOptions>()(() => ({ pointColorBy: 'family' }));

/** Colours establishment points by legal family or by sector group. */
export function setPointColorBy(by: PointColorBy): void {
  useMapOptions.setState({ pointColorBy: by });
}
