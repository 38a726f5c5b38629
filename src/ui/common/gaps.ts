/**
 * Gaps of a quartier to its surroundings, the way INSEE presents sub-commune figures: the
 * quartier's rate next to the rest of its commune and to national references, the gap in
 * percentage points. A gap is masked (`s`) whenever either side is secret, since it would
 * otherwise let a reader recompute the masked value.
 */
import type { CommuneResult, DiagnosticResult, QuartierResult } from '../../core/diagnostic.ts';
import type { Indicators } from '../../core/indicators/indicators.ts';
import { NATIONAL_REFERENCES } from '../../core/indicators/references.ts';
import { formatGapPts, formatPct } from './format.ts';

export interface GapRow {
  key: string;
  /** Row heading that does not depend on the quartier (comparison table). */
  heading: string;
  /** What the quartier is compared with, e.g. « Reste de la commune (Toulouse) ». */
  against: string;
  indicator: string;
  /** The reference value, formatted, and a short name for it (« Toulouse », « France »). */
  reference: string;
  referenceName: string;
  /** « +3,2 pts », « s » or « – ». */
  gap: string;
  source?: string;
}

/** Rest of the commune the quartier lies in (its first commune when it spans several). */
export function communeOf(q: QuartierResult, results: DiagnosticResult): CommuneResult | null {
  const code = q.communes[0];
  return code ? (results.communes.find((c) => c.code === code) ?? null) : null;
}

const jobShare = (i: Indicators) => (i.secret.jobShare ? 'secret' : i.essJobShare);
const estShare = (i: Indicators) => (i.secret.establishmentShare ? 'secret' : i.essEstablishmentShare);

function gap(a: number | null | 'secret', b: number | null | 'secret'): string {
  if (a === 'secret' || b === 'secret') return 's';
  return formatGapPts(a, b);
}

const ref = (v: number | null | 'secret') => (v === 'secret' ? 's' : formatPct(v));

/** The gap rows shown in the comparison and the profile, in reading order. */
export function quartierGaps(q: QuartierResult, results: DiagnosticResult, communeName?: string): GapRow[] {
  const commune = communeOf(q, results);
  const communeShort = commune ? communeName || commune.code : 'commune';
  const where = commune ? `Reste de la commune (${communeShort})` : 'Reste de la commune';
  const france = NATIONAL_REFERENCES.essJobShareFrance;
  const qpv = NATIONAL_REFERENCES.essJobShareQpv;
  return [
    {
      key: 'commune-jobs',
      heading: 'Part de l’ESS dans l’emploi : écart au reste de la commune',
      against: where,
      indicator: 'Part de l’ESS dans l’emploi',
      referenceName: communeShort,
      reference: commune ? ref(jobShare(commune)) : '–',
      gap: commune ? gap(jobShare(q), jobShare(commune)) : '–',
    },
    {
      key: 'commune-establishments',
      heading: 'Part de l’ESS dans les établissements : écart au reste de la commune',
      against: where,
      indicator: 'Part de l’ESS dans les établissements',
      referenceName: communeShort,
      reference: commune ? ref(estShare(commune)) : '–',
      gap: commune ? gap(estShare(q), estShare(commune)) : '–',
    },
    {
      key: 'quartiers-jobs',
      heading: 'Part de l’ESS dans l’emploi : écart à l’ensemble des quartiers chargés',
      against: 'Ensemble des quartiers chargés',
      indicator: 'Part de l’ESS dans l’emploi',
      referenceName: 'Quartiers chargés',
      reference: ref(jobShare(results.allQuartiers)),
      gap: gap(jobShare(q), jobShare(results.allQuartiers)),
    },
    {
      key: 'france-jobs',
      heading: 'Part de l’ESS dans l’emploi : écart à la France entière',
      against: 'France entière',
      indicator: 'Part de l’ESS dans l’emploi',
      referenceName: 'France',
      reference: formatPct(france.value),
      gap: gap(jobShare(q), france.value),
      source: france.source,
    },
    {
      key: 'qpv-jobs',
      heading: 'Part de l’ESS dans l’emploi : écart à l’ensemble des QPV',
      against: 'Ensemble des QPV',
      indicator: 'Part de l’ESS dans l’emploi',
      referenceName: 'QPV',
      reference: formatPct(qpv.value),
      gap: gap(jobShare(q), qpv.value),
      source: qpv.source,
    },
  ];
}
