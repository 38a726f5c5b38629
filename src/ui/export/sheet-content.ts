/**
 * What a quartier sheet says, as data: the key indicators with their ranges for the quartier,
 * its quartier vécu, the rest of its commune and all loaded quartiers; the gaps to the commune
 * and to the national references; the family, sector and size mixes; the confidentiality
 * flags. Same formatting as the on-screen sheet (formatWithRange, quartierGaps).
 */
import type { DiagnosticResult } from '../../core/diagnostic.ts';
import { INDICATORS, INDICATOR_KEYS, formatFr, indicatorLabel, scopeOf } from '../../core/indicators/catalog.ts';
import type { Indicators, MixCell } from '../../core/indicators/indicators.ts';
import { FAMILY_LABELS } from '../../core/indicators/legal-families.ts';
import { SECTOR_LABELS } from '../../core/indicators/naf-sectors.ts';
import { SIZE_LABELS } from '../../core/indicators/tranches.ts';
import { FAMILIES, SECTORS, SIZE_ORDER } from '../../core/types.ts';
import type { QuartierSummary } from '../../worker/protocol.ts';
import { formatPct, formatWithRange, splitRange } from '../common/format.ts';
import { communeOf, quartierGaps, type GapRow } from '../common/gaps.ts';
import { communeNameMap } from '../common/territory.ts';
import { communeNamesText } from '../../core/ingest/geojson-fields.ts';

export interface SheetCell {
  value: string;
  range: string | null;
}

export interface MixBar {
  label: string;
  /** Share of the mix's total (0–1); 0 for a masked cell, which gets no bar. */
  share: number;
  text: string;
  secret: boolean;
}

export interface SheetMix {
  title: string;
  bars: MixBar[];
}

export interface SheetContent {
  code: string;
  name: string;
  communes: string;
  columns: string[];
  rows: { label: string; cells: SheetCell[] }[];
  gaps: GapRow[];
  mixes: SheetMix[];
  /** Confidentiality flags in words; a single « aucune case masquée » when there is none. */
  flags: string[];
  nonEmployer: string | null;
}

function mix(title: string, keys: readonly string[], labels: Readonly<Record<string, string>>, cells: Record<string, MixCell>, measure: 'establishments' | 'jobs'): SheetMix {
  const total = keys.reduce((sum, k) => sum + (cells[k]?.[measure] ?? 0), 0);
  const bars = keys
    .filter((k) => (cells[k]?.[measure] ?? 0) > 0 || cells[k]?.secret)
    .map((k) => {
      const c = cells[k];
      const share = total > 0 && !c.secret ? c[measure] / total : 0;
      return { label: labels[k] ?? k, share, secret: c.secret, text: c.secret ? 's' : `${formatFr(c[measure])} (${formatPct(share, 0)})` };
    });
  return { title: `${title} (${measure === 'jobs' ? 'emplois' : 'établissements'})`, bars };
}

function flagsOf(r: Indicators): string[] {
  const flags: string[] = [];
  if (r.secret.establishments) flags.push('nombre d’établissements ESS et densité masqués (s)');
  else if (r.secret.establishmentShare) flags.push('part de l’ESS dans les établissements masquée (s)');
  if (r.secret.jobs) flags.push('emplois et part de l’ESS dans l’emploi masqués (s)');
  else if (r.secret.jobShare) flags.push('part de l’ESS dans l’emploi masquée (s)');
  if (r.secret.nonEmployer) flags.push('nombre d’établissements ESS non employeurs masqué (s)');
  const cells = [r.families, r.sectors, r.sizes].flatMap((m) => Object.values(m)).filter((c) => c.secret).length;
  if (cells > 0) flags.push(`${formatFr(cells)} case${cells > 1 ? 's' : ''} des répartitions masquée${cells > 1 ? 's' : ''} (s)`);
  return flags.length > 0 ? flags : ['aucune case masquée'];
}

/** The sheet of quartier `index`; null when its results are not computed. */
export function sheetContent(index: number, quartiers: readonly QuartierSummary[], results: DiagnosticResult | null, ringMetres: number): SheetContent | null {
  const q = quartiers[index];
  const r = results?.quartiers[index];
  if (!q || !r || !results) return null;
  const commune = communeOf(r, results);
  const communeName = commune ? (communeNameMap(quartiers).get(commune.code) ?? commune.code) : '';
  const territories: { label: string; data: Indicators | null }[] = [
    { label: 'Quartier', data: r },
    { label: `Quartier vécu (${formatFr(ringMetres)} m)`, data: r.ring },
    { label: `Reste de la commune${communeName ? ` (${communeName})` : ''}`, data: commune },
    { label: 'Ensemble des quartiers', data: results.allQuartiers },
  ];
  const n = r.nonEmployerEstablishments;
  return {
    code: q.code,
    name: q.name,
    communes: communeNamesText(q.communes, q.communeNames),
    columns: territories.map((t) => t.label),
    rows: INDICATOR_KEYS.map((k) => ({
      label: indicatorLabel(INDICATORS[k], scopeOf(results), 'label'),
      cells: territories.map((t) => (t.data ? splitRange(formatWithRange(INDICATORS[k], t.data)) : { value: '–', range: null })),
    })),
    gaps: quartierGaps(r, results, communeName),
    mixes: [
      mix('Familles', FAMILIES, FAMILY_LABELS, r.families, 'establishments'),
      mix('Tailles', SIZE_ORDER, SIZE_LABELS, r.sizes, 'establishments'),
      mix('Secteurs', SECTORS, SECTOR_LABELS, r.sectors, 'jobs'),
    ],
    flags: flagsOf(r),
    nonEmployer: !results.employerOnly
      ? null
      : r.secret.nonEmployer
        ? 'Et des établissements ESS non employeurs (tranche NN), comptés à part : nombre sous secret statistique (s).'
        : n > 0
          ? `Et ${formatFr(n)} établissement${n > 1 ? 's' : ''} ESS non employeur${n > 1 ? 's' : ''} (tranche NN), compté${n > 1 ? 's' : ''} à part.`
          : null,
  };
}
