/**
 * What an export says about itself, read from the store: the default title and subtitle, the
 * sources with their producers and dates, the method line, the secret statistique note and
 * the production date. The map snapshot, the sheets and the tables all take it from here.
 */
import { ESS_BASIS_LABELS } from '../../core/ingest/establishments.ts';
import { INDICATORS } from '../../core/indicators/catalog.ts';
import { NATIONAL_REFERENCES } from '../../core/indicators/references.ts';
import { SECRET_NOTE, filtersText, methodLine, productionLine, sourcesLine, type ReportSource } from '../../core/export/report-text.ts';
import { indicatorView } from '../../map/layers/choropleth.ts';
import type { AppState } from '../../state/store.ts';
import { territoryLabel } from '../common/territory.ts';
import { classificationText } from './legend-model.ts';

const OFFICIAL_CODE = /^Q[PN][0-9A-Z]{6}$/i;

const LAYOUT_PRODUCERS: Record<string, string> = {
  sirene: 'INSEE – base SIRENE',
  'sirene-lambert': 'INSEE – base SIRENE',
  'geo-sirene': 'INSEE – base SIRENE géolocalisée (Etalab)',
  opendatasoft: 'INSEE – base SIRENE, export OpenDataSoft',
  observatoire: 'observatoire de l’ESS (CRESS)',
};

const BASEMAP_CREDITS: Record<AppState['basemap'], string | null> = {
  aucun: null,
  osm: 'fond de carte © les contributeurs d’OpenStreetMap',
  ign: 'fond de carte © IGN – Plan IGN',
};

/** The loaded sources, each with the producer its layout or codes reveal. */
export function reportSources(s: AppState): ReportSource[] {
  const demo = s.demo ? 'données fictives de démonstration' : null;
  // The demo files are fetched at start-up: their « date » would be today's, which says nothing.
  const dated = (info: { name: string; size: number; lastModified: number }) => (s.demo ? { ...info, lastModified: 0 } : info);
  const out: ReportSource[] = [];
  if (s.quartiersSource) {
    const official = s.quartiers.length > 0 && s.quartiers.every((q) => OFFICIAL_CODE.test(q.code));
    out.push({ kind: 'quartiers', ...dated(s.quartiersSource), producer: demo ?? (official ? 'ANCT – géographie prioritaire' : null) });
  }
  if (s.establishmentsSource) {
    out.push({ kind: 'etablissements', ...dated(s.establishmentsSource), producer: demo ?? LAYOUT_PRODUCERS[s.report?.mapping.layout ?? ''] ?? null });
  }
  if (s.referenceSource) {
    const insee = Object.values(s.referenceInfo?.columns ?? {}).some((c) => typeof c === 'string' && /^(pop_mun|nbetab|nb_etab)$/i.test(c));
    out.push({ kind: 'reference', ...dated(s.referenceSource), producer: demo ?? (insee ? 'INSEE – données par quartier' : null) });
  }
  if (s.communesSource) out.push({ kind: 'communes', ...dated(s.communesSource), producer: demo });
  return out;
}

export interface ReportOptions {
  /** The export shows national references (quartier sheets, comparison). */
  references?: boolean;
  /** The export shows the quartier vécu (sheets), whether or not the map draws it. */
  ring?: boolean;
}

export function communeNamer(s: Pick<AppState, 'quartiers'>): (code: string) => string {
  const names = new Map<string, string>();
  for (const q of s.quartiers) q.communes.forEach((c, i) => names.set(c, q.communeNames[i] || c));
  return (code) => names.get(code) ?? code;
}

export function reportSourcesLine(s: AppState, options: ReportOptions = {}): string {
  const extra: string[] = [];
  if (options.references) extra.push(`références nationales : ${NATIONAL_REFERENCES.essJobShareQpv.source} ; ${NATIONAL_REFERENCES.essJobShareFrance.source}`);
  const credit = BASEMAP_CREDITS[s.basemap];
  if (credit) extra.push(credit);
  return sourcesLine(reportSources(s), extra);
}

export function reportMethodLine(s: AppState, options: ReportOptions = {}): string {
  const view = indicatorView(s);
  return methodLine({
    jobsSource: s.report?.jobsSource ?? null,
    essBasis: s.report ? ESS_BASIS_LABELS[s.report.essBasis] : null,
    allJobs: s.results?.allQuartiers.jobs ?? null,
    denominator: s.results?.allQuartiers.denominatorSource ?? null,
    employerOnly: s.filters.employerOnly,
    filters: filtersText(s.filters, communeNamer(s)),
    ringMetres: options.ring || s.showRing ? s.ringMetres : null,
    classes: options.ring ? null : classificationText(view, s.classification.method),
  });
}

/** Method, sources, « s » and date: the footer paragraphs of every exported page. */
export function reportFooter(s: AppState, nowMs: number, options: ReportOptions = {}): string[] {
  return [reportMethodLine(s, options), reportSourcesLine(s, options), `${SECRET_NOTE} ${productionLine(nowMs)}`].filter(Boolean);
}

/** Title and subtitle the export form starts with: the indicator, then the territory. */
export function defaultTitles(s: AppState): { title: string; subtitle: string } {
  const def = INDICATORS[s.indicator];
  const filters = filtersText(s.filters, communeNamer(s));
  const territory = territoryLabel(s.quartiers);
  return {
    title: `${def.label} dans les quartiers prioritaires`,
    subtitle: [territory, filters ? `filtres : ${filters}` : null].filter(Boolean).join(' · '),
  };
}
