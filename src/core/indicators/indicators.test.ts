import { describe, expect, it } from 'vitest';
import { aggregate, DEFAULT_FILTERS } from './aggregate.ts';
import { unitIndicators } from './indicators.ts';
import { computeMasks } from './secondary-suppression.ts';
import { INDICATORS, indicatorLabel } from './catalog.ts';
import { FAMILIES, SECTORS, SIZES, SIZE_ORDER } from '../types.ts';
import { EstablishmentTableBuilder } from '../ingest/establishment-table.ts';

/** A table with, for every category k, k + 1 ESS employers of 10 jobs each, all in quartier 0. */
function createTable(categories: number, set: (b: EstablishmentTableBuilder, row: number, k: number) => void) {
  const b = new EstablishmentTableBuilder(8);
  for (let k = 0; k < categories; k++) {
    for (let r = 0; r <= k; r++) {
      const i = b.addRow();
      b.ess[i] = 1;
      b.employer[i] = 1;
      b.jobsEstimate[i] = b.jobsMin[i] = b.jobsMax[i] = 10;
      b.commune[i] = b.communeId('31555');
      b.labelIndex[i] = -1;
      set(b, i, k);
    }
  }
  const table = b.finish();
  const placement = { quartier: new Int32Array(table.count), ring: new Int32Array(table.count).fill(-1) };
  return aggregate(table, placement, { quartiers: 1, communes: ['31555'] }, { ...DEFAULT_FILTERS, employerOnly: false });
}

const indicatorsOf = (t: ReturnType<typeof createTable>) => unitIndicators(t, computeMasks(t, false, false), 0, false, null);

describe('unitIndicators mixes', () => {
  it('puts each family count under its own key', () => {
    const t = createTable(FAMILIES.length, (b, i, k) => (b.family[i] = k));
    const ind = indicatorsOf(t);
    expect(Object.keys(ind.families)).toEqual([...FAMILIES]);
    FAMILIES.forEach((f, k) => expect(ind.families[f].establishments).toBe(k + 1));
  });

  it('puts each sector count under its own key', () => {
    const t = createTable(SECTORS.length, (b, i, k) => (b.sector[i] = k));
    const ind = indicatorsOf(t);
    expect(Object.keys(ind.sectors)).toEqual([...SECTORS]);
    SECTORS.forEach((s, k) => expect(ind.sectors[s].jobs).toBe(10 * (k + 1)));
  });

  it('puts each size count under its own key, and masks cells of fewer than 3 establishments', () => {
    const t = createTable(SIZES.length, (b, i, k) => (b.size[i] = k));
    const ind = indicatorsOf(t);
    expect(Object.keys(ind.sizes).sort()).toEqual([...SIZE_ORDER].sort());
    // 1 and 2 establishments: masked on their own; their sum is then not recoverable from
    // the total, so no other cell needs masking.
    SIZES.forEach((z, k) => expect(ind.sizes[z]).toMatchObject({ establishments: k + 1, secret: k + 1 < 3 }));
  });
});

describe('establishment share over a reference nbetab', () => {
  it('counts all ESS establishments, employers or not, over nbetab, which counts every establishment', () => {
    const b = new EstablishmentTableBuilder(8);
    for (let r = 0; r < 6; r++) {
      const i = b.addRow();
      b.ess[i] = 1;
      b.employer[i] = r < 4 ? 1 : 0;
      b.commune[i] = b.communeId('31555');
      b.labelIndex[i] = -1;
    }
    const table = b.finish();
    const placement = { quartier: new Int32Array(table.count), ring: new Int32Array(table.count).fill(-1) };
    const t = aggregate(table, placement, { quartiers: 1, communes: ['31555'] }, DEFAULT_FILTERS);
    const ind = unitIndicators(t, computeMasks(t, false, true), 0, false, { population: 1000, establishments: 20, jobs: null });
    expect(ind.establishments).toBe(4);
    expect(ind.nonEmployerEstablishments).toBe(2);
    expect(ind.essEstablishmentShare).toBeCloseTo(6 / 20);
    // Two non-employers are under the rule: the share, which adds them in, is masked with them.
    expect(ind.secret).toMatchObject({ nonEmployer: true, establishmentShare: true, establishments: false });
    expect(indicatorLabel(INDICATORS.essEstablishmentShare, { employerOnly: true, denominator: 'reference' })).toBe('Part de l’ESS dans les établissements (employeurs ou non)');
    expect(indicatorLabel(INDICATORS.essEstablishmentShare, { employerOnly: true, denominator: 'fichier' })).toBe('Part de l’ESS dans les établissements employeurs');
  });
});
