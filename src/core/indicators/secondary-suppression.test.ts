import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EstablishmentTableBuilder } from '../ingest/establishment-table.ts';
import { computeDiagnostic, type DiagnosticResult } from '../diagnostic.ts';
import { DEFAULT_FILTERS, type Filters } from './aggregate.ts';
import type { Indicators, MixCell } from './indicators.ts';
import { jobsFromHeadcount, jobsFromTranche, sizeClassFromJobs } from './tranches.ts';
import { FAMILIES, SECTORS, type Quartier } from '../types.ts';

interface Row {
  quartier: number;
  ess: boolean;
  family: number;
  sector: number;
  /** A SIRENE bracket, or an exact headcount. */
  tranche: string | number;
}

const COMMUNE = '31555';

function createQuartiers(n: number): Quartier[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `QN0310${i}A`, name: `Quartier ${i}`, communes: [COMMUNE], communeNames: ['Toulouse'], polygons: [],
    bbox: [0, 0, 0, 0], population: 1000 + i, properties: {},
  }));
}

/** Runs the real aggregation on rows placed directly in their quartier (no join needed). */
function diagnose(n: number, rows: Row[], filters: Filters = DEFAULT_FILTERS): DiagnosticResult {
  const b = new EstablishmentTableBuilder(8);
  for (const r of rows) {
    const i = b.addRow();
    const jobs = typeof r.tranche === 'number' ? jobsFromHeadcount(r.tranche) : jobsFromTranche(r.tranche);
    b.ess[i] = r.ess ? 1 : 0;
    b.family[i] = r.family;
    b.sector[i] = r.sector;
    b.size[i] = sizeClassFromJobs(jobs, jobs.employer, jobs.known);
    b.employer[i] = jobs.employer ? 1 : 0;
    b.jobsEstimate[i] = jobs.estimate;
    b.jobsMin[i] = jobs.min;
    b.jobsMax[i] = jobs.max;
    b.commune[i] = b.communeId(COMMUNE);
    b.labelIndex[i] = -1;
  }
  const table = b.finish();
  const placement = { quartier: Int32Array.from(rows.map((r) => r.quartier)), ring: new Int32Array(rows.length).fill(-1) };
  const fileHasAll = rows.some((r) => !r.ess);
  return computeDiagnostic(createQuartiers(n), table, placement, filters, { fileHasAll, reference: null });
}

const ess = (quartier: number, family: number, tranche: string | number, sector = 0): Row => ({ quartier, ess: true, family, sector, tranche });
const other = (quartier: number, tranche: string | number = '02'): Row => ({ quartier, ess: false, family: 5, sector: 6, tranche });
const times = (k: number, row: Row): Row[] => Array.from({ length: k }, () => row);

type Mix = 'families' | 'sectors' | 'sizes';
const MIXES: Mix[] = ['families', 'sectors', 'sizes'];

/**
 * The lines a reader can subtract along: each mix of a territory against its total (in
 * establishments and in jobs), and each figure across the quartiers against all quartiers.
 * Returns the lines where exactly one member is masked and all others are published: that
 * member is their difference.
 */
function recoverable(r: DiagnosticResult): string[] {
  const found: string[] = [];
  const check = (name: string, members: { secret: boolean; value: number }[]) => {
    const masked = members.filter((m) => m.secret && m.value !== 0);
    if (masked.length === 1 && members.filter((m) => m.secret).length === 1) found.push(name);
  };
  const territories: [string, Indicators][] = [
    ...r.quartiers.map((q): [string, Indicators] => [q.code, q]),
    ...r.quartiers.map((q): [string, Indicators] => [`${q.code} vécu`, q.ring]),
    ...r.communes.map((c): [string, Indicators] => [`reste ${c.code}`, c]),
    ['ensemble', r.allQuartiers],
  ];
  for (const [name, t] of territories) {
    for (const mix of MIXES) {
      const cells = Object.values(t[mix]) as MixCell[];
      check(`${name} ${mix} établissements`, [...cells.map((c) => ({ secret: c.secret, value: c.establishments })), { secret: t.secret.establishments, value: t.establishments }]);
      check(`${name} ${mix} emplois`, [...cells.map((c) => ({ secret: c.secret, value: c.jobs })), { secret: t.secret.jobs, value: t.jobs.estimate }]);
    }
  }
  const column = (name: string, pick: (i: Indicators) => { secret: boolean; value: number }) =>
    check(`colonne ${name}`, [...r.quartiers.map(pick), pick(r.allQuartiers)]);
  column('établissements', (i) => ({ secret: i.secret.establishments, value: i.establishments }));
  column('emplois', (i) => ({ secret: i.secret.jobs, value: i.jobs.estimate }));
  column('non employeurs', (i) => ({ secret: i.secret.nonEmployer, value: i.nonEmployerEstablishments }));
  column('tous établissements', (i) => ({ secret: i.secret.allEstablishments, value: i.allEstablishments ?? 0 }));
  column('tous emplois', (i) => ({ secret: i.secret.allJobs, value: i.allJobs ?? 0 }));
  for (const mix of MIXES) {
    for (const key of Object.keys(r.allQuartiers[mix])) column(`${mix} ${key}`, (i) => ({ secret: i[mix][key].secret, value: i[mix][key].establishments }));
  }
  return found;
}

describe('secondary suppression', () => {
  it('masks a second cell of a mix when one cell alone is masked and the total is published', () => {
    // 10 associations and 1 coopérative: the coopérative is masked, so is the smallest other cell.
    const r = diagnose(1, [...times(10, ess(0, 0, '02')), ess(0, 1, '02'), ...times(4, ess(0, 3, '02'))]);
    const q = r.quartiers[0];
    expect(q.families.cooperative.secret).toBe(true);
    expect(q.families.fondation.secret).toBe(true);
    expect(q.families.association.secret).toBe(false);
    expect(q.secret.establishments).toBe(false);
    expect(recoverable(r)).toEqual([]);
  });

  it('masks another quartier when one quartier is masked and the all-quartiers total is published', () => {
    const r = diagnose(3, [...times(2, ess(0, 0, '02')), ...times(5, ess(1, 0, '02')), ...times(8, ess(2, 0, '02'))]);
    expect(r.quartiers.map((q) => q.secret.establishments)).toEqual([true, true, false]);
    expect(r.allQuartiers.secret.establishments).toBe(false);
    expect(recoverable(r)).toEqual([]);
  });

  it('masks the denominators and the shares when the non-ESS remainder is under 3 establishments', () => {
    const r = diagnose(2, [...times(6, ess(0, 0, '02')), ...times(2, other(0)), ...times(6, ess(1, 0, '02')), ...times(10, other(1))]);
    const [a, b] = r.quartiers;
    expect(a.secret).toMatchObject({ establishments: false, allEstablishments: true, establishmentShare: true, jobShare: true });
    // The other quartier's denominators too, or the all-quartiers denominator would give them back.
    expect(b.secret).toMatchObject({ allEstablishments: true, establishmentShare: true });
    expect(r.allQuartiers.secret.allEstablishments).toBe(false);
  });

  it('applies the dominance rule to the exact headcount when one is given', () => {
    // 4 establishments, one with 95 of the 100 employees: jobs masked, establishments published.
    const r = diagnose(1, [ess(0, 0, 95), ess(0, 0, 2), ess(0, 0, 2), ess(0, 0, 1), ...times(3, ess(0, 1, '01', 1))]);
    const q = r.quartiers[0];
    expect(q.families.association.secret).toBe(true);
    expect(q.secret.jobs).toBe(true);
    expect(q.secret.jobShare).toBe(true);
    expect(q.secret.establishments).toBe(false);
  });

  it('counts bracket 00 and a blank bracket as employers, NN apart, and masks a count of 1 or 2 non-employers', () => {
    const r = diagnose(1, [...times(3, ess(0, 0, '00')), ...times(3, ess(0, 0, '')), ess(0, 0, 'NN'), ...times(4, ess(0, 0, '01'))]);
    const q = r.quartiers[0];
    expect(q.establishments).toBe(10);
    expect(q.sizes['0'].establishments).toBe(3);
    expect(q.sizes.inconnue.establishments).toBe(3);
    expect(q.nonEmployerEstablishments).toBe(1);
    expect(q.secret.nonEmployer).toBe(true);
  });

  it('leaves no masked cell recoverable by difference, whatever the establishments and the filters', () => {
    const tranche = fc.oneof(fc.constantFrom('NN', '00', '01', '02', '03', '11', '12', '21', '22', '', '53'), fc.integer({ min: 0, max: 300 }));
    const row = (n: number) =>
      fc.record({
        quartier: fc.integer({ min: 0, max: n - 1 }),
        ess: fc.boolean(),
        family: fc.integer({ min: 0, max: FAMILIES.length - 1 }),
        sector: fc.integer({ min: 0, max: SECTORS.length - 1 }),
        tranche,
      });
    const filters = fc.record({
      employerOnly: fc.boolean(),
      families: fc.option(fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(row(n), { maxLength: 80 }), filters)),
        ([n, rows, f]) => {
          const r = diagnose(n, rows, { ...DEFAULT_FILTERS, ...f });
          expect(recoverable(r)).toEqual([]);
          for (const q of [...r.quartiers, r.allQuartiers]) {
            // Derived figures are masked with what they derive from.
            if (q.secret.establishments || q.secret.allEstablishments) expect(q.secret.establishmentShare).toBe(true);
            if (q.secret.jobs || q.secret.allJobs) expect(q.secret.jobShare).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
