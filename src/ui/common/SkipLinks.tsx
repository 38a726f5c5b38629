/**
 * Skip links, first in the Tab order and shown only when focused: a keyboard user reaches
 * the map or the ranking table without tabbing through the header and the panel.
 */
import type { MouseEvent } from 'react';

/** Focuses the first element matching `selector` once React has drawn the tab just opened. */
function focusSoon(selector: string): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    el?.focus();
    // Optional call: jsdom, under the component tests, has no scrollIntoView.
    el?.scrollIntoView?.({ block: 'nearest' });
  });
}

export function SkipLinks({ onTable }: { onTable(): void }) {
  const toMap = (e: MouseEvent) => {
    e.preventDefault();
    // MapLibre's canvas is focusable and takes the arrow keys and +/- to move the map.
    focusSoon('canvas.maplibregl-canvas');
  };
  const toTable = (e: MouseEvent) => {
    e.preventDefault();
    onTable();
    focusSoon('[role="tabpanel"]:not([hidden]) .ranking .table-scroll');
  };
  return (
    <nav className="skip-links" aria-label="Accès rapide">
      <a href="#carte" onClick={toMap}>
        Aller à la carte
      </a>
      <a href="#classement" onClick={toTable}>
        Aller au classement
      </a>
    </nav>
  );
}
