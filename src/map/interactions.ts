/**
 * Pointer interactions: hover tooltip on quartiers (name and value, `s` for masked cells),
 * click to open a quartier's profile, shift/ctrl/⌘-click to add it to the comparison, click on
 * a cluster to zoom in, click on an establishment for a popup. A quartier's disc at regional
 * scale answers exactly like its polygon. Everything shown is built with `textContent`: names
 * come from user files and are never parsed as HTML.
 */
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import { INDICATORS, formatIndicator } from '../core/indicators/catalog.ts';
import { openProfile, toggleSelection } from '../state/actions.ts';
import { getEngine } from '../state/engine.ts';
import { useStore } from '../state/store.ts';
import { LAYER, SOURCE } from './layers/ids.ts';
import { describePoint, type PointProperties } from './layers/points.ts';

/** Layers whose features are quartiers (id = quartier index): proportional circles, discs, polygons. */
const QUARTIER_LAYERS = [LAYER.circles, LAYER.markers, LAYER.quartiersFill];

/** Tooltip lines for a quartier: its name, then the indicator and its value (or `s`). */
export function tooltipLines(index: number): [string, string] | null {
  const s = useStore.getState();
  const q = s.quartiers[index];
  if (!q) return null;
  const def = INDICATORS[s.indicator];
  const r = s.results?.quartiers[index];
  if (r?.outsideFilter) return [q.name, `${def.short} : hors filtre (autre commune)`];
  const text = r ? formatIndicator(def, r) : '–';
  const unit = def.unit !== '%' && text !== 's' && text !== '–' ? ` ${def.unit}` : '';
  return [q.name, `${def.short} : ${text}${unit}`];
}

function textBlock(lines: readonly string[], className: string): HTMLElement {
  const root = document.createElement('div');
  root.className = className;
  lines.forEach((line, i) => {
    const el = document.createElement(i === 0 ? 'strong' : 'div');
    el.textContent = line;
    root.append(el);
  });
  return root;
}

/**
 * Name and SIRET of the establishment behind a point, asked of the engine (the map's points
 * carry only codes, to stay light); null outside the quartiers, where the engine lists none.
 */
async function establishmentLabel(p: Partial<PointProperties>): Promise<{ name: string; siret: string } | null> {
  if (typeof p.q !== 'number' || p.q < 0 || typeof p.r !== 'number') return null;
  try {
    const list = await getEngine().call('establishments', { quartier: p.q, ring: false, limit: Number.MAX_SAFE_INTEGER });
    return list.find((e) => e.row === p.r) ?? null;
  } catch {
    return null;
  }
}

/** Wires the interactions on a loaded map; returns the function that removes them. */
export function attachInteractions(map: maplibregl.Map): () => void {
  const tooltip = document.createElement('div');
  tooltip.className = 'map-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.style.cssText =
    'position:absolute;pointer-events:none;display:none;z-index:2;background:#fff;color:#1a1a1a;padding:4px 8px;' +
    'border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);font:13px/1.35 system-ui,sans-serif;max-width:260px;';
  map.getContainer().append(tooltip);
  let hovered: number | null = null;

  // Polygon and disc share the quartier index as id: both outlines follow the pointer.
  const setHover = (id: number | null) => {
    if (hovered === id) return;
    for (const source of [SOURCE.quartiers, SOURCE.centres]) {
      if (hovered !== null) map.setFeatureState({ source, id: hovered }, { hover: false });
      if (id !== null) map.setFeatureState({ source, id }, { hover: true });
    }
    hovered = id;
  };

  const onMove = (e: MapLayerMouseEvent) => {
    const id = e.features?.[0]?.id;
    const lines = typeof id === 'number' ? tooltipLines(id) : null;
    if (typeof id !== 'number' || !lines) return onLeave();
    setHover(id);
    tooltip.replaceChildren(textBlock(lines, 'map-tooltip-body'));
    tooltip.style.left = `${e.point.x + 12}px`;
    tooltip.style.top = `${e.point.y + 12}px`;
    tooltip.style.display = 'block';
    map.getCanvas().style.cursor = 'pointer';
  };
  const onLeave = () => {
    setHover(null);
    tooltip.style.display = 'none';
    map.getCanvas().style.cursor = '';
  };

  const onClick = (e: MapMouseEvent) => {
    const hits = map.queryRenderedFeatures(e.point, { layers: [LAYER.points, LAYER.clusters, ...QUARTIER_LAYERS].filter((l) => map.getLayer(l)) });
    const hit = hits[0];
    if (!hit) return;
    if (hit.layer.id === LAYER.clusters) {
      const source = map.getSource(SOURCE.points) as GeoJSONSource | undefined;
      const clusterId = hit.properties?.cluster_id;
      if (source && typeof clusterId === 'number' && hit.geometry.type === 'Point') {
        const center = hit.geometry.coordinates as [number, number];
        void source.getClusterExpansionZoom(clusterId).then((zoom) => map.easeTo({ center, zoom }));
      }
      return;
    }
    if (hit.layer.id === LAYER.points && hit.geometry.type === 'Point') {
      const names = useStore.getState().quartiers;
      const props = hit.properties as Partial<PointProperties>;
      const lines = describePoint(props, (i) => names[i]?.name ?? null);
      const popup = new maplibregl.Popup({ maxWidth: '280px' })
        .setLngLat(hit.geometry.coordinates as [number, number])
        .setDOMContent(textBlock(lines, 'map-popup'))
        .addTo(map);
      void establishmentLabel(props).then((label) => {
        // Name first, then the SIRET, above the family and sector lines.
        if (label && popup.isOpen()) popup.setDOMContent(textBlock([label.name || lines[0], `SIRET ${label.siret}`, ...lines.slice(1)], 'map-popup'));
      });
      return;
    }
    if (typeof hit.id !== 'number') return;
    const o = e.originalEvent;
    if (o.shiftKey || o.ctrlKey || o.metaKey) toggleSelection(hit.id);
    else openProfile(hit.id);
  };

  const pointer = () => (map.getCanvas().style.cursor = 'pointer');
  const noPointer = () => (map.getCanvas().style.cursor = '');
  map.on('mousemove', QUARTIER_LAYERS, onMove);
  map.on('mouseleave', QUARTIER_LAYERS, onLeave);
  map.on('mouseenter', LAYER.clusters, pointer);
  map.on('mouseleave', LAYER.clusters, noPointer);
  map.on('mouseenter', LAYER.points, pointer);
  map.on('mouseleave', LAYER.points, noPointer);
  map.on('click', onClick);
  return () => {
    map.off('mousemove', QUARTIER_LAYERS, onMove);
    map.off('mouseleave', QUARTIER_LAYERS, onLeave);
    map.off('mouseenter', LAYER.clusters, pointer);
    map.off('mouseleave', LAYER.clusters, noPointer);
    map.off('mouseenter', LAYER.points, pointer);
    map.off('mouseleave', LAYER.points, noPointer);
    map.off('click', onClick);
    tooltip.remove();
  };
}
