/**
 * The exported legend, from the same {@link indicatorView} as the map and the on-screen legend:
 * indicator and unit, classification, one swatch per class with its bounds and count, no-data
 * and `s` entries, circle sizes for counts, the quartier vécu band and the establishment colours.
 */
import { classOf } from '../../core/classify/breaks.ts';
import { CIRCLE_COLOR, NO_DATA_COLOR, SECRET_COLOR } from '../../core/classify/palettes.ts';
import type { LegendItem } from '../../core/export/legend-layout.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { COUNT_FILL_COLOR, circleLegendValues, circleRadius, indicatorView, type IndicatorView } from '../../map/layers/choropleth.ts';
import { pointLegend, type PointColorBy } from '../../map/layers/points.ts';
import { RING_COLOR } from '../../map/layers/style.ts';
import type { AppState } from '../../state/store.ts';
import { METHOD_LABELS, classLabels, titleUnit } from '../legend/class-labels.ts';

export type LegendInputs = Pick<AppState, 'quartiers' | 'results' | 'indicator' | 'classification' | 'showRing' | 'ringMetres' | 'showPoints' | 'pointsId'>;

const quartiersCount = (n: number) => `${formatFr(n)} quartier${n > 1 ? 's' : ''}`;

/** Class labels of a rate indicator (« de 5,0 à moins de 10,0 % »), empty for counts. */
export function exportedClassLabels(view: IndicatorView): string[] {
  if (view.def.kind !== 'rate' || view.breaks.count === 0) return [];
  return classLabels(view.breaks, view.def.digits, view.def.unit === '%' ? '%' : '');
}

/** « Quantiles, 5 classes », or null for counts. */
export function classificationText(view: IndicatorView, method: AppState['classification']['method']): string | null {
  if (view.def.kind !== 'rate') return null;
  return `${METHOD_LABELS[method]}, ${view.colors.length} classe${view.colors.length > 1 ? 's' : ''}`;
}

export function legendItems(s: LegendInputs, pointColorBy: PointColorBy): LegendItem[] {
  const view = indicatorView(s);
  const { def, breaks, colors } = view;
  const unit = titleUnit(def);
  const items: LegendItem[] = [{ kind: 'title', text: unit ? `${def.label} (${unit})` : def.label }];
  const classes = classificationText(view, s.classification.method);
  if (classes && s.results) items.push({ kind: 'note', text: classes });
  if (def.kind === 'rate') {
    const perClass = colors.map(() => 0);
    for (const v of view.values) {
      const c = classOf(v, breaks);
      if (c >= 0) perClass[c]++;
    }
    exportedClassLabels(view).forEach((label, i) => {
      items.push({ kind: 'swatch', shape: 'box', fill: colors[i], text: `${label} (${quartiersCount(perClass[i])})` });
    });
  } else {
    items.push({ kind: 'swatch', shape: 'box', fill: COUNT_FILL_COLOR, text: 'Quartier prioritaire' });
    const max = view.maxValue;
    if (max !== null) {
      items.push({
        kind: 'circles',
        fill: CIRCLE_COLOR,
        entries: circleLegendValues(max).map((v) => ({ radius: circleRadius(v, max), text: `${formatFr(v, v < 10 && !Number.isInteger(v) ? 1 : 0)} ${def.unit}` })),
      });
    }
  }
  const secret = view.secret.filter(Boolean).length;
  const noData = view.values.filter((v, i) => v === null && !view.secret[i] && !view.outside[i]).length;
  const outside = view.outside.filter(Boolean).length;
  if (noData > 0 && def.kind === 'rate') items.push({ kind: 'swatch', shape: 'box', fill: NO_DATA_COLOR, text: `Donnée non disponible (${quartiersCount(noData)})` });
  if (outside > 0) items.push({ kind: 'swatch', shape: 'box', fill: NO_DATA_COLOR, text: `Hors filtre, autres communes (${quartiersCount(outside)})` });
  if (secret > 0) items.push({ kind: 'swatch', shape: 'hatch', fill: SECRET_COLOR, text: `s : secret statistique (${quartiersCount(secret)})` });
  if (s.showRing) items.push({ kind: 'swatch', shape: 'band', fill: RING_COLOR, text: `Quartier vécu (${formatFr(s.ringMetres)} m autour du quartier)` });
  if (s.showPoints && s.pointsId !== null) {
    items.push({ kind: 'subtitle', text: `Établissements ESS, par ${pointColorBy === 'family' ? 'famille' : 'secteur'}` });
    for (const e of pointLegend(pointColorBy)) items.push({ kind: 'swatch', shape: 'dot', fill: e.color, text: e.label });
  }
  return items;
}
