/**
 * The map legend: indicator title with its unit and the classification method, one entry per
 * class (colour, bounds, number of quartiers) or circle sizes for counts, the no-data and
 * masked (`s`) entries when the map has such quartiers, and the establishment colours.
 * Reads the same {@link indicatorView} as the map, so both always agree. It folds under its
 * title (open by default), to uncover the quartiers it floats over.
 */
import { useId, useMemo } from 'react';
import { classOf } from '../../core/classify/breaks.ts';
import { CIRCLE_COLOR, NO_DATA_COLOR, SECRET_COLOR, SECRET_HATCH_COLOR } from '../../core/classify/palettes.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { circleLegendValues, circleRadius, indicatorView } from '../../map/layers/choropleth.ts';
import { MARKER_MAX_ZOOM, establishmentsMinZoom } from '../../map/layers/markers.ts';
import { pointLegend } from '../../map/layers/points.ts';
import { useMapOptions } from '../../map/map-options.ts';
import { useStore } from '../../state/store.ts';
import { METHOD_LABELS, classLabels, titleUnit } from './class-labels.ts';

const HATCH_CSS = `repeating-linear-gradient(135deg, ${SECRET_HATCH_COLOR} 0 1.5px, ${SECRET_COLOR} 1.5px 5px)`;

function Swatch({ background, round = false }: { background: string; round?: boolean }) {
  return <span className="legend-swatch" aria-hidden="true" style={{ display: 'inline-block', width: 18, height: round ? 10 : 12, borderRadius: round ? '50%' : 2, border: '1px solid #777', background, marginRight: 6, verticalAlign: 'middle' }} />;
}

/** The number of quartiers of a class, in its own column: the class label keeps its line. */
function Count({ n }: { n: number }) {
  return (
    <span className="legend-count">
      {formatFr(n)}
      <span className="visually-hidden"> quartier{n > 1 ? 's' : ''}</span>
    </span>
  );
}

function CircleSizes({ values, max, unit }: { values: number[]; max: number; unit: string }) {
  const rMax = circleRadius(max, max);
  const size = 2 * rMax + 2;
  return (
    <div className="legend-circles" style={{ display: 'flex', alignItems: 'flex-end', gap: 8 }}>
      <svg width={size} height={size} aria-hidden="true" focusable="false">
        {values.map((v) => {
          const r = circleRadius(v, max);
          return <circle key={v} cx={size / 2} cy={size - 1 - r} r={r} fill={CIRCLE_COLOR} fillOpacity={0.25} stroke={CIRCLE_COLOR} />;
        })}
      </svg>
      <ul className="legend-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {values.map((v) => (
          <li key={v}>
            {formatFr(v, v < 10 && !Number.isInteger(v) ? 1 : 0)} {unit}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The legend of the map; renders nothing until quartiers are loaded. */
export function Legend() {
  const quartiers = useStore((s) => s.quartiers);
  const results = useStore((s) => s.results);
  const indicator = useStore((s) => s.indicator);
  const classification = useStore((s) => s.classification);
  const showPoints = useStore((s) => s.showPoints);
  const pointsId = useStore((s) => s.pointsId);
  const showRing = useStore((s) => s.showRing);
  const ringMetres = useStore((s) => s.ringMetres);
  const pointColorBy = useMapOptions((s) => s.pointColorBy);
  const zoom = useStore((s) => s.mapPosition?.zoom ?? null);
  const titleId = useId();

  const view = useMemo(
    () => indicatorView({ quartiers, results, indicator, classification }),
    [quartiers, results, indicator, classification],
  );
  if (quartiers.length === 0) return null;

  const { def, breaks, colors } = view;
  const rate = def.kind === 'rate';
  const secretCount = view.secret.filter(Boolean).length;
  const noDataCount = view.values.filter((v, i) => v === null && !view.secret[i] && !view.outside[i]).length;
  const outsideCount = view.outside.filter(Boolean).length;
  const perClass = colors.map(() => 0);
  for (const v of view.values) {
    const c = classOf(v, breaks);
    if (c >= 0) perClass[c]++;
  }
  const labels = classLabels(breaks, def.digits, def.unit === '%' ? '%' : '');
  // Said only once the map has reported its zoom: before that the legend cannot know.
  const discs = rate && zoom !== null && zoom < MARKER_MAX_ZOOM;
  const pointsLater = zoom !== null && zoom < establishmentsMinZoom(quartiers.length);

  return (
    <section className="legend" aria-labelledby={titleId}>
      <details className="legend-fold" open>
        <summary title="Replier ou déplier la légende">
          <h3 id={titleId} className="legend-title">
            {def.label} {titleUnit(def) && <span className="legend-unit">({titleUnit(def)})</span>}
          </h3>
        </summary>
        {rate && results && (
          <p className="legend-method muted small">
            {METHOD_LABELS[classification.method]}, {colors.length} classe{colors.length > 1 ? 's' : ''}
            <span className="legend-count-head" aria-hidden="true">
              quartiers
            </span>
          </p>
        )}
        <ul className="legend-list legend-classes" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rate &&
            breaks.count > 0 &&
            labels.map((label, i) => (
              <li key={i} className="legend-class">
                <Swatch background={colors[i]} />
                <span className="legend-label">{label}</span> <Count n={perClass[i]} />
              </li>
            ))}
          {noDataCount > 0 && (
            <li className="legend-nodata">
              <Swatch background={NO_DATA_COLOR} />
              <span className="legend-label">Donnée non disponible</span> <Count n={noDataCount} />
            </li>
          )}
          {outsideCount > 0 && (
            <li className="legend-outside">
              <Swatch background={NO_DATA_COLOR} />
              <span className="legend-label">Hors filtre (autres communes)</span> <Count n={outsideCount} />
            </li>
          )}
          {secretCount > 0 && (
            <li className="legend-secret">
              <Swatch background={HATCH_CSS} />
              <span className="legend-label">s : secret statistique</span> <Count n={secretCount} />
            </li>
          )}
        </ul>
        {discs && (
          <p className="legend-note muted small">Vue d’ensemble : un disque par quartier, à la couleur de sa classe. Zoomez pour voir les contours.</p>
        )}
        {!rate && view.maxValue !== null && <CircleSizes values={circleLegendValues(view.maxValue)} max={view.maxValue} unit={def.unit} />}
        {showRing && (
          <p className="legend-ring">
            <Swatch background="rgba(94, 60, 153, 0.15)" />
            Quartier vécu ({formatFr(ringMetres)} m autour du quartier)
          </p>
        )}
        {showPoints && pointsId !== null && (
          <>
            <h4 className="legend-subtitle">Établissements ESS, par {pointColorBy === 'family' ? 'famille' : 'secteur'}</h4>
            {pointsLater && (
              <p className="legend-note muted small">Affichés en zoomant sur une agglomération, pour laisser lire les quartiers.</p>
            )}
            <ul className="legend-list legend-points" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {pointLegend(pointColorBy).map((e) => (
                <li key={e.label}>
                  <Swatch background={e.color} round />
                  {e.label}
                </li>
              ))}
              <li className="legend-cluster-entry">
                <span className="legend-cluster" aria-hidden="true">
                  12
                </span>
                Groupe d’établissements proches (leur nombre)
              </li>
            </ul>
          </>
        )}
      </details>
    </section>
  );
}
