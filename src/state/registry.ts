/**
 * Big arrays live here, keyed by dataset id, not inside the zustand state: the store holds
 * the id, and the map reads the columns from the registry when the id changes.
 */
import type { PointColumns } from '../worker/protocol.ts';

const points = new Map<string, PointColumns>();
let counter = 0;

export function registerPoints(p: PointColumns): string {
  const id = `points-${++counter}`;
  points.clear();
  points.set(id, p);
  return id;
}

export function getPoints(id: string | null): PointColumns | null {
  return id ? (points.get(id) ?? null) : null;
}

export function clearRegistry(): void {
  points.clear();
}
