/**
 * French wording of the import step: what was detected in a file, how ESS membership and jobs
 * were read. Kept apart from the components so the summary and the mapping dialog agree.
 */
import type { MappingResult } from '../../core/ingest/column-mapping.ts';
import type { LoadReport, Progress } from '../../worker/protocol.ts';
import type { LoadState } from '../../state/store.ts';
import { ESS_BASIS_LABELS } from '../../core/ingest/establishments.ts';
import { formatFr } from '../../core/indicators/catalog.ts';
import { NNBSP } from '../common/format.ts';

export const LAYOUT_LABELS: Record<MappingResult['layout'], string> = {
  sirene: 'stock SIRENE de l’INSEE',
  'geo-sirene': 'SIRENE géolocalisé',
  'sirene-lambert': 'SIRENE avec coordonnées Lambert-93',
  opendatasoft: 'export OpenDataSoft',
  observatoire: 'export d’observatoire (libellés en français)',
  inconnu: 'format non reconnu : vérifiez chaque colonne',
};

export const PHASE_LABELS: Record<Progress['phase'], string> = {
  lecture: 'Lecture',
  jointure: 'Jointure spatiale',
  calcul: 'Calcul',
};

export const WHAT_LABELS: Record<LoadState['what'], string> = {
  quartiers: 'contours des quartiers',
  etablissements: 'établissements',
  reference: 'données de référence',
  communes: 'contours des communes',
};

export const JOBS_SOURCE_LABELS = {
  headcount: 'effectif salarié exact',
  tranche: 'tranches d’effectif SIRENE (estimation au centre de la tranche, avec fourchette)',
  none: 'aucune colonne d’effectif : les emplois ne sont pas estimés',
} as const;

export const ENCODING_LABELS = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252 (Latin-1)', 'utf-16le': 'UTF-16 LE (Texte Unicode)', 'utf-16be': 'UTF-16 BE (Texte Unicode)' } as const;

/** Confidence (0–1) in words, for a mapped field. */
export function confidenceLabel(c: number | undefined): { text: string; level: 'high' | 'medium' | 'low' } | null {
  if (c === undefined) return null;
  if (c >= 0.9) return { text: 'sûre', level: 'high' };
  if (c >= 0.6) return { text: 'probable', level: 'medium' };
  return { text: 'incertaine', level: 'low' };
}

/** A column as the user knows it: its full header, or « Colonne 3 » when the header is blank. */
export const columnName = (header: string | undefined, index: number): string =>
  header === undefined || header.trim() === '' ? `Colonne ${index + 1}` : header;

const n = (v: number) => formatFr(v);
const rowsOf = (v: number) => `${n(v)} ligne${v > 1 ? 's' : ''}`;

/**
 * How ESS membership was read, with the rows whose flag was empty and what became of them:
 * « colonne d’appartenance à l’ESS (O/N) ; 1 630 lignes sans valeur : 1 164 décidées d’après
 * la catégorie juridique (12 ESS), 466 sans catégorie comptées hors ESS ».
 */
export function essBasisText(report: Pick<LoadReport, 'essBasis' | 'essFlagBlank' | 'accepted'>): string {
  const base = ESS_BASIS_LABELS[report.essBasis];
  const b = report.essFlagBlank;
  if (report.essBasis !== 'flag' || !b || b.rows === 0) return base;
  const parts = [
    b.byFamily > 0 ? `${n(b.byFamily)} décidée${b.byFamily > 1 ? 's' : ''} par la colonne « famille » (comptées ESS)` : null,
    b.byLegalCategory > 0 ? `${n(b.byLegalCategory)} décidée${b.byLegalCategory > 1 ? 's' : ''} d’après la catégorie juridique (${n(b.essByLegalCategory)} ESS)` : null,
    b.notEss > 0 ? `${n(b.notEss)} sans catégorie juridique, comptée${b.notEss > 1 ? 's' : ''} hors ESS` : null,
  ].filter(Boolean);
  const share = report.accepted > 0 ? ` (${formatFr((b.rows / report.accepted) * 100, 1)}${NNBSP}% des lignes placées)` : '';
  return `${base} ; ${rowsOf(b.rows)} sans valeur lisible${share} : ${parts.join(', ')}`;
}

/** Where the jobs come from, with the rows of each source when both columns are mapped. */
export function jobsSourceText(report: Pick<LoadReport, 'jobsSource' | 'jobsFromHeadcount' | 'accepted' | 'mapping'>): string {
  if (report.jobsSource !== 'headcount') return JOBS_SOURCE_LABELS[report.jobsSource];
  const exact = report.jobsFromHeadcount ?? report.accepted;
  const others = report.accepted - exact;
  if (others <= 0) return `${JOBS_SOURCE_LABELS.headcount} (${rowsOf(exact)})`;
  const rest = report.mapping.mapping.tranche !== undefined ? 'tranche d’effectif pour les autres' : 'aucun effectif pour les autres (0 emploi)';
  return `${JOBS_SOURCE_LABELS.headcount} pour ${rowsOf(exact)}, ${rest} (${rowsOf(others)})`;
}
