/**
 * The indicators a user can map, rank and export: their French label, unit, how to read them
 * from a territory's results, and whether they are counts (proportional circles) or rates
 * (choropleth).
 */
import type { Indicators } from './indicators.ts';

export const INDICATOR_KEYS = ['essJobShare', 'essEstablishmentShare', 'densityPer1000', 'establishments', 'jobs'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export interface IndicatorDef {
  key: IndicatorKey;
  label: string;
  short: string;
  unit: string;
  kind: 'count' | 'rate';
  /** Value in display units (percentages for shares), null when not computable. */
  value(i: Indicators): number | null;
  /** Range in display units, when the indicator has one. */
  range?(i: Indicators): { min: number; max: number } | null;
  secret(i: Indicators): boolean;
  /** Digits shown. */
  digits: number;
}

const pct = (v: number | null) => (v === null ? null : v * 100);

export const INDICATORS: Record<IndicatorKey, IndicatorDef> = {
  essJobShare: {
    key: 'essJobShare',
    label: 'Part de l’ESS dans l’emploi',
    short: 'Part ESS emploi',
    unit: '%',
    kind: 'rate',
    value: (i) => pct(i.essJobShare),
    range: (i) => (i.essJobShareRange ? { min: i.essJobShareRange.min * 100, max: i.essJobShareRange.max * 100 } : null),
    secret: (i) => i.secret.jobs,
    digits: 1,
  },
  essEstablishmentShare: {
    key: 'essEstablishmentShare',
    label: 'Part de l’ESS dans les établissements',
    short: 'Part ESS étab.',
    unit: '%',
    kind: 'rate',
    value: (i) => pct(i.essEstablishmentShare),
    secret: (i) => i.secret.establishments,
    digits: 1,
  },
  densityPer1000: {
    key: 'densityPer1000',
    label: 'Établissements ESS pour 1 000 habitants',
    short: 'Densité',
    unit: 'pour 1 000 hab.',
    kind: 'rate',
    value: (i) => i.densityPer1000,
    secret: (i) => i.secret.establishments,
    digits: 2,
  },
  establishments: {
    key: 'establishments',
    label: 'Établissements employeurs de l’ESS',
    short: 'Établissements ESS',
    unit: 'établissements',
    kind: 'count',
    value: (i) => i.establishments,
    secret: (i) => i.secret.establishments,
    digits: 0,
  },
  jobs: {
    key: 'jobs',
    label: 'Emplois de l’ESS (estimation)',
    short: 'Emplois ESS',
    unit: 'emplois',
    kind: 'count',
    value: (i) => i.jobs.estimate,
    range: (i) => ({ min: i.jobs.min, max: i.jobs.max }),
    secret: (i) => i.secret.jobs,
    digits: 0,
  },
};

// One formatter per number of digits: toLocaleString builds a new one on every call, and the
// tables format thousands of cells.
const formatters = new Map<number, Intl.NumberFormat>();

/** French number formatting (narrow no-break space for thousands, decimal comma). */
export function formatFr(v: number | null, digits = 0): string {
  if (v === null || !Number.isFinite(v)) return '–';
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f.format(v);
}

/** "12,5 %" or "s" or "–". */
export function formatIndicator(def: IndicatorDef, i: Indicators): string {
  if (def.secret(i)) return 's';
  const v = def.value(i);
  if (v === null) return '–';
  return def.unit === '%' ? `${formatFr(v, def.digits)} %` : formatFr(v, def.digits);
}
