/**
 * The side panel beside the map: one width across tabs, resizable with its handle (pointer,
 * or arrow keys on the focused handle, as a WAI-ARIA window splitter) and collapsible, so the
 * map can take the whole window. The map follows its container's size by itself, and the
 * camera fits the quartiers again when a resize happens before anything else moved it.
 */
import { useEffect, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { PANEL_MIN, clampPanelWidth, defaultPanelWidth, maxPanelWidth, savePanelWidth, savedPanelWidth, widePanelWidth } from './panel-width.ts';

const KEY_STEP = 32;

export interface SidePanelProps {
  id: string;
  collapsed: boolean;
  /** Widened for the ranking's columns; the map keeps the rest (over 40 % of the window). */
  wide: boolean;
  children: ReactNode;
}

function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}

export function SidePanel({ id, collapsed, wide, children }: SidePanelProps) {
  const windowWidth = useWindowWidth();
  const [chosen, setChosen] = useState<number | null>(() => savedPanelWidth());
  const normal = clampPanelWidth(chosen ?? defaultPanelWidth(windowWidth), windowWidth);
  const width = wide ? clampPanelWidth(Math.max(normal, widePanelWidth(windowWidth)), windowWidth) : normal;

  const choose = (w: number) => {
    const next = clampPanelWidth(w, window.innerWidth);
    setChosen(next);
    savePanelWidth(next);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const handle = e.currentTarget;
    const left = handle.parentElement?.getBoundingClientRect().left ?? 0;
    handle.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => choose(ev.clientX - left);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowLeft' ? width - KEY_STEP
      : e.key === 'ArrowRight' ? width + KEY_STEP
      : e.key === 'Home' ? PANEL_MIN
      : e.key === 'End' ? maxPanelWidth(window.innerWidth)
      : e.key === 'Enter' ? defaultPanelWidth(window.innerWidth)
      : null;
    if (next === null) return;
    e.preventDefault();
    choose(next);
  };

  return (
    <aside id={id} className="side-panel" aria-label="Panneaux" hidden={collapsed} style={{ width }}>
      {children}
      <div
        className="panel-resizer"
        role="separator"
        aria-orientation="vertical"
        aria-label="Largeur du panneau (flèches gauche et droite ; Entrée : largeur par défaut)"
        aria-controls={id}
        aria-valuemin={PANEL_MIN}
        aria-valuemax={maxPanelWidth(windowWidth)}
        aria-valuenow={width}
        aria-valuetext={`${width} pixels`}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onDoubleClick={() => choose(defaultPanelWidth(window.innerWidth))}
      />
    </aside>
  );
}

export interface PanelToggleProps {
  panelId: string;
  collapsed: boolean;
  wide: boolean;
  onCollapsedChange(collapsed: boolean): void;
  onWideChange(wide: boolean): void;
}

/** Buttons on the map's left edge: fold the panel away (and back), widen it for the tables. */
export function PanelToggle({ panelId, collapsed, wide, onCollapsedChange, onWideChange }: PanelToggleProps) {
  const label = collapsed ? 'Afficher le panneau' : 'Masquer le panneau';
  const wideLabel = wide ? 'Rétrécir le panneau' : 'Élargir le panneau';
  return (
    <div className="panel-toggles">
      <button
        type="button"
        className="panel-toggle"
        aria-controls={panelId}
        aria-expanded={!collapsed}
        title={collapsed ? label : `${label} pour agrandir la carte`}
        onClick={() => onCollapsedChange(!collapsed)}
      >
        <span aria-hidden="true">{collapsed ? '»' : '«'}</span>
        <span className="visually-hidden">{label}</span>
      </button>
      {!collapsed && (
        <button
          type="button"
          className="panel-toggle"
          aria-controls={panelId}
          aria-pressed={wide}
          title={wide ? wideLabel : `${wideLabel} pour voir toutes les colonnes des tableaux`}
          onClick={() => onWideChange(!wide)}
        >
          <span aria-hidden="true">{wide ? '⇤' : '⇥'}</span>
          <span className="visually-hidden">{wideLabel}</span>
        </button>
      )}
    </div>
  );
}
