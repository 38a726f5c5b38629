/**
 * What is drawn under and over the quartiers: the basemap (offline by default; the online ones
 * say where they send requests), the ESS establishments and their colouring, and the quartier
 * vécu band with its width.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatFr } from '../../core/indicators/catalog.ts';
import { BASEMAPS, BASEMAP_KEYS } from '../../map/layers/basemaps.ts';
import type { PointColorBy } from '../../map/layers/points.ts';
import { setPointColorBy, useMapOptions } from '../../map/map-options.ts';
import { setRingMetres } from '../../state/actions.ts';
import { useStore } from '../../state/store.ts';
import { setBasemap, setShowPoints, setShowRing } from './view-actions.ts';

export const RING_MIN = 100;
export const RING_MAX = 1000;
export const RING_STEP = 50;
/** The engine re-assigns every establishment to the band: wait for the slider to settle. */
const RING_COMMIT_MS = 250;

function RingWidth() {
  const id = useId();
  const stored = useStore((s) => s.ringMetres);
  const [draft, setDraft] = useState(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Follow changes made elsewhere (filters panel, link) when not dragging.
  useEffect(() => {
    if (!timer.current) setDraft(stored);
  }, [stored]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const change = (metres: number) => {
    setDraft(metres);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void setRingMetres(metres);
    }, RING_COMMIT_MS);
  };

  return (
    <div className="field">
      <label htmlFor={`${id}-ring`}>Largeur du quartier vécu : {formatFr(draft)} m</label>
      <input
        id={`${id}-ring`}
        type="range"
        min={RING_MIN}
        max={RING_MAX}
        step={RING_STEP}
        value={draft}
        aria-valuetext={`${formatFr(draft)} mètres`}
        onChange={(e) => change(Number(e.target.value))}
      />
    </div>
  );
}

/** Basemap, establishments and quartier vécu controls of the map. */
export function MapLayersControls() {
  const id = useId();
  const basemap = useStore((s) => s.basemap);
  const showPoints = useStore((s) => s.showPoints);
  const showRing = useStore((s) => s.showRing);
  const pointColorBy = useMapOptions((s) => s.pointColorBy);

  return (
    <div className="map-layers-controls">
      <fieldset aria-describedby={`${id}-basemap-note`}>
        <legend>Fond de carte</legend>
        <div className="inline-choices">
          {BASEMAP_KEYS.map((key) => (
            <label key={key} className="radio">
              <input type="radio" name={`${id}-basemap`} value={key} checked={basemap === key} onChange={() => setBasemap(key)} /> {BASEMAPS[key].label}
            </label>
          ))}
        </div>
        <p className="muted small" id={`${id}-basemap-note`}>
          OpenStreetMap et Plan IGN viennent d’Internet : leurs serveurs (tile.openstreetmap.org, data.geopf.fr) voient la zone
          affichée, jamais vos fichiers.
        </p>
      </fieldset>

      <fieldset>
        <legend>Établissements ESS</legend>
        <label className="switch">
          <input type="checkbox" checked={showPoints} onChange={(e) => setShowPoints(e.target.checked)} /> Afficher les établissements
        </label>
        <div role="radiogroup" aria-label="Couleur des établissements" className="inline-choices">
          <span className="muted" aria-hidden="true">
            Couleur :
          </span>
          {(
            [
              ['family', 'Couleur par famille'],
              ['sector', 'Couleur par secteur'],
            ] as [PointColorBy, string][]
          ).map(([by, label]) => (
            // « Couleur par » is said once, visibly, before the two choices; screen readers hear it in each.
            <label key={by} className="radio">
              <input
                type="radio"
                name={`${id}-colour`}
                value={by}
                checked={pointColorBy === by}
                disabled={!showPoints}
                onChange={() => setPointColorBy(by)}
              />{' '}
              <span className="visually-hidden">{label.slice(0, label.lastIndexOf(' ') + 1)}</span>
              {label.slice(label.lastIndexOf(' ') + 1)}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>Quartier vécu</legend>
        <label className="switch">
          <input type="checkbox" checked={showRing} onChange={(e) => setShowRing(e.target.checked)} /> Afficher le quartier vécu
        </label>
        <RingWidth />
      </fieldset>
    </div>
  );
}
