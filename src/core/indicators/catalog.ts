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
  /** Label under the observatories' convention (employer establishments only, the default). */
  label: string;
  short: string;
  /** The same when non-employers are counted in, for the indicators that count establishments. */
  labelAll?: string;
  shortAll?: string;
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
    secret: (i) => i.secret.jobShare,
    digits: 1,
  },
  essEstablishmentShare: {
    key: 'essEstablishmentShare',
    label: 'Part de l’ESS dans les établissements employeurs',
    short: 'Part ESS étab. employeurs',
    labelAll: 'Part de l’ESS dans les établissements (employeurs ou non)',
    shortAll: 'Part ESS étab.',
    unit: '%',
    kind: 'rate',
    value: (i) => pct(i.essEstablishmentShare),
    secret: (i) => i.secret.establishmentShare,
    digits: 1,
  },
  densityPer1000: {
    key: 'densityPer1000',
    label: 'Établissements employeurs de l’ESS pour 1 000 habitants',
    short: 'Densité (employeurs)',
    labelAll: 'Établissements de l’ESS (employeurs ou non) pour 1 000 habitants',
    shortAll: 'Densité',
    unit: 'pour 1 000 hab.',
    kind: 'rate',
    value: (i) => i.densityPer1000,
    secret: (i) => i.secret.establishments,
    digits: 2,
  },
  establishments: {
    key: 'establishments',
    label: 'Établissements employeurs de l’ESS',
    short: 'Étab. ESS employeurs',
    labelAll: 'Établissements de l’ESS (employeurs ou non)',
    shortAll: 'Établissements ESS',
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

/** What the figures of a result count, for the labels. */
export interface CountScope {
  employerOnly: boolean;
  /** Where the shares' denominators come from (a reference `nbetab` counts every establishment). */
  denominator?: 'fichier' | 'reference' | null;
}

/**
 * The label that says what is counted: employer establishments only (the default) or all of
 * them; the establishment share over a reference `nbetab` counts all ESS establishments.
 */
export function indicatorLabel(def: IndicatorDef, scope: CountScope, form: 'label' | 'short' = 'label'): string {
  const all = !scope.employerOnly || (def.key === 'essEstablishmentShare' && scope.denominator === 'reference');
  if (!all) return def[form];
  return (form === 'label' ? def.labelAll : def.shortAll) ?? def[form];
}

/** The scope of a result: its employer filter and its denominators' source. */
export const scopeOf = (r: { employerOnly: boolean; allQuartiers: Indicators }): CountScope => ({
  employerOnly: r.employerOnly,
  denominator: r.allQuartiers.denominatorSource,
});

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

const plainFormatters = new Map<number, Intl.NumberFormat>();

/**
 * `v` rounded exactly as {@link formatFr} shows it (same Intl rounding, not Math.round on the
 * binary value), so a figure exported to a spreadsheet is the figure read on screen.
 */
export function roundAsShown(v: number, digits = 0): number {
  let f = plainFormatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits });
    plainFormatters.set(digits, f);
  }
  return Number(f.format(v));
}

/** "12,5 %" or "s" or "–". */
export function formatIndicator(def: IndicatorDef, i: Indicators): string {
  if (def.secret(i)) return 's';
  const v = def.value(i);
  if (v === null) return '–';
  return def.unit === '%' ? `${formatFr(v, def.digits)} %` : formatFr(v, def.digits);
}
