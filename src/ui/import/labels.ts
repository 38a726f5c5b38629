/**
 * French wording of the import step: what was detected in a file, how ESS membership and jobs
 * were read. Kept apart from the components so the summary and the mapping dialog agree.
 */
import type { MappingResult } from '../../core/ingest/column-mapping.ts';
import type { Progress } from '../../worker/protocol.ts';
import type { LoadState } from '../../state/store.ts';

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
