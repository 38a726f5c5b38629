/**
 * The sentences every export carries (DESIGN §7: everything exported says its sources, date
 * and method): the method line, the sources line, the secret statistique note, the production
 * line, and the alternative text of an exported map.
 */
import { formatFr } from '../indicators/catalog.ts';
import { MIN_ESTABLISHMENTS, DOMINANCE_SHARE } from '../indicators/confidentiality.ts';
import type { Filters } from '../indicators/aggregate.ts';
import { FAMILY_LABELS } from '../indicators/legal-families.ts';
import { SECTOR_LABELS } from '../indicators/naf-sectors.ts';
import { SIZE_LABELS } from '../indicators/tranches.ts';
import { FAMILIES, SECTORS, SIZES, type Jobs } from '../types.ts';
import { SOURCE_LABELS, type SourceKind } from './project-file.ts';

export interface ReportSource {
  kind: SourceKind;
  name: string;
  /** Last modification of the file (ms since epoch), 0 when unknown. */
  lastModified: number;
  /** Who publishes such a file (« INSEE – SIRENE »), when it can be told. */
  producer?: string | null;
}

export interface MethodInputs {
  /** Where the jobs come from; null when no establishments file is loaded. */
  jobsSource: 'headcount' | 'tranche' | 'none' | null;
  /** ESS jobs of all loaded quartiers together, for the range. */
  allJobs: Jobs | null;
  /** How ESS membership was read (« catégorie juridique … »), null when unknown. */
  essBasis?: string | null;
  /** Denominator of the shares: the establishments file itself or the reference table. */
  denominator: 'fichier' | 'reference' | null;
  employerOnly: boolean;
  /** Active filters in words (« familles : association »), null when none. */
  filters: string | null;
  ringMetres: number | null;
  /** « Quantiles, 5 classes », null for counts. */
  classes: string | null;
}

/** A date as French reports write it: « 29/11/2026 ». Paris time, so every export agrees. */
export function formatDateFr(ms: number): string {
  return new Date(ms).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/**
 * The method line: how jobs were estimated (with the range), what was counted, the
 * denominators, the filters, the classes and the quartier vécu band.
 *
 * @example
 * methodLine({ jobsSource: 'tranche', allJobs: { estimate: 2300, min: 1500, max: 3100 }, … })
 * // 'Méthode : emplois estimés à partir des tranches d’effectif SIRENE (centre de chaque tranche), fourchette de 1 500 à 3 100 emplois ESS pour l’ensemble des quartiers ; …'
 */
export function methodLine(m: MethodInputs): string {
  const parts: string[] = [];
  if (m.jobsSource === 'tranche') {
    const range = m.allJobs ? `, fourchette de ${formatFr(m.allJobs.min)} à ${formatFr(m.allJobs.max)} emplois ESS pour l’ensemble des quartiers (estimation ${formatFr(m.allJobs.estimate)})` : '';
    parts.push(`emplois estimés à partir des tranches d’effectif SIRENE (centre de chaque tranche)${range}`);
  } else if (m.jobsSource === 'headcount') {
    parts.push('emplois : effectifs salariés déclarés dans le fichier');
  } else if (m.jobsSource === 'none') {
    parts.push('emplois non estimés (ni tranche ni effectif dans le fichier)');
  }
  if (m.essBasis) parts.push(`ESS identifiée par : ${m.essBasis}`);
  if (m.jobsSource !== null) parts.push(m.employerOnly ? 'établissements employeurs seulement' : 'établissements employeurs et non employeurs');
  if (m.denominator === 'fichier') parts.push('parts rapportées à l’ensemble des établissements et emplois du même fichier');
  else if (m.denominator === 'reference') parts.push('parts rapportées aux données de référence par quartier');
  if (m.filters) parts.push(`filtres : ${m.filters}`);
  if (m.classes) parts.push(`classes : ${m.classes.charAt(0).toLowerCase()}${m.classes.slice(1)}`);
  if (m.ringMetres !== null) parts.push(`quartier vécu : bande de ${formatFr(m.ringMetres)} m autour du quartier`);
  return parts.length > 0 ? `Méthode : ${parts.join(' ; ')}.` : '';
}

/**
 * The sources line: each loaded file with its producer and date, then the other credits
 * (national references, basemap).
 */
export function sourcesLine(sources: readonly ReportSource[], extra: readonly string[] = []): string {
  const files = sources.map((s) => {
    const details = [s.producer, s.lastModified > 0 ? `fichier du ${formatDateFr(s.lastModified)}` : null].filter(Boolean).join(', ');
    return `${SOURCE_LABELS[s.kind]} « ${s.name} »${details ? ` (${details})` : ''}`;
  });
  const all = [...files, ...extra];
  return all.length > 0 ? `Sources : ${all.join(' ; ')}.` : 'Sources : aucun fichier chargé.';
}

const listOf = (indices: readonly number[], keys: readonly string[], labels: Readonly<Record<string, string>>) =>
  indices.map((i) => labels[keys[i]] ?? keys[i]).join(', ');

/**
 * The active category and commune filters in words (« familles : Association, Mutuelle »),
 * null when nothing is filtered. The employer filter is part of the method line.
 */
export function filtersText(f: Filters, communeName: (code: string) => string = (c) => c): string | null {
  const parts: string[] = [];
  if (f.families !== null) parts.push(`familles : ${listOf(f.families, FAMILIES, FAMILY_LABELS)}`);
  if (f.sectors !== null) parts.push(`secteurs : ${listOf(f.sectors, SECTORS, SECTOR_LABELS)}`);
  if (f.sizes !== null) parts.push(`tailles : ${listOf(f.sizes, SIZES, SIZE_LABELS)}`);
  if (f.communes !== null) parts.push(`communes : ${f.communes.map(communeName).join(', ')}`);
  return parts.length > 0 ? parts.join(' ; ') : null;
}

/** What « s » means, as the ranking table says it. */
export const SECRET_NOTE = `« s » : secret statistique (moins de ${MIN_ESTABLISHMENTS} établissements, ou un établissement au-delà de ${formatFr(DOMINANCE_SHARE * 100)} % de la valeur).`;

/** « Réalisé le 29/11/2026 avec ESS Quartiers. » */
export const productionLine = (nowMs: number): string => `Réalisé le ${formatDateFr(nowMs)} avec ESS Quartiers.`;

export interface AltTextInputs {
  title: string;
  indicator: string;
  unit: string;
  territory: string;
  quartiers: number;
  secret: number;
  /** Class labels (« de 5,0 à moins de 10,0 % »), empty for counts. */
  classes: readonly string[];
}

/**
 * Alternative text of an exported map, for screen readers and for the report's own
 * accessibility: what is mapped, where, how it is classed, how many cells are masked.
 */
export function altText(a: AltTextInputs): string {
  const parts = [`Carte « ${a.title} » : ${a.indicator} (${a.unit}) par quartier prioritaire${a.territory ? `, ${a.territory}` : ''}.`];
  parts.push(`${formatFr(a.quartiers)} quartier${a.quartiers > 1 ? 's' : ''} représenté${a.quartiers > 1 ? 's' : ''}.`);
  if (a.classes.length > 0) parts.push(`Classes : ${a.classes.join(' ; ')}.`);
  else parts.push('Valeurs représentées par des cercles proportionnels.');
  if (a.secret > 0) parts.push(`${formatFr(a.secret)} quartier${a.secret > 1 ? 's' : ''} sous secret statistique.`);
  return parts.join(' ');
}
