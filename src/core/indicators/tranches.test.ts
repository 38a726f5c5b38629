import { describe, expect, it } from 'vitest';
import { SIZES } from '../types.ts';
import type { SizeClass } from '../types.ts';
import {
  TRANCHE_CODES,
  TRANCHE_LABELS,
  jobsFromHeadcount,
  jobsFromTranche,
  sizeClassFromJobs,
} from './tranches.ts';

const sizeOf = (code: string): SizeClass => {
  const j = jobsFromTranche(code);
  return SIZES[sizeClassFromJobs(j, j.employer, j.known)];
};

describe('jobsFromTranche', () => {
  it.each([
    ['01', 1, 2, 1.5],
    ['02', 3, 5, 4],
    ['03', 6, 9, 7.5],
    ['11', 10, 19, 14.5],
    ['12', 20, 49, 34.5],
    ['21', 50, 99, 74.5],
    ['22', 100, 199, 149.5],
    ['31', 200, 249, 224.5],
    ['32', 250, 499, 374.5],
    ['41', 500, 999, 749.5],
    ['42', 1000, 1999, 1499.5],
    ['51', 2000, 4999, 3499.5],
    ['52', 5000, 9999, 7499.5],
    ['53', 10000, 10000, 10000],
  ] as const)('reads bracket %s as %i–%i, estimate %d', (code, min, max, estimate) => {
    expect(jobsFromTranche(code)).toEqual({ min, max, estimate, employer: true, known: true });
  });

  it('reads NN as a known non-employer with no job', () => {
    expect(jobsFromTranche('NN')).toEqual({ min: 0, max: 0, estimate: 0, employer: false, known: true });
  });

  it('reads 00 as an employer with no job at 31/12 (INSEE: employees during the year, none on 31/12)', () => {
    expect(jobsFromTranche('00')).toEqual({ min: 0, max: 0, estimate: 0, employer: true, known: true });
  });

  it.each([
    ['1', '01'],
    ['0', '00'],
    ['1.0', '01'],
    ['11.0', '11'],
    [' 12 ', '12'],
    ['nn', 'NN'],
    [' NN\r', 'NN'],
  ] as const)('reads the spelling %j like %s', (spelling, code) => {
    expect(jobsFromTranche(spelling)).toEqual(jobsFromTranche(code));
  });

  it.each(['', '  ', '04', '13', '99', '1.5', '123', 'N', 'NNN', '[ND]', 'abc'])(
    'reads %j as an employer of unknown size: no job estimated, not known',
    (code) => {
      expect(jobsFromTranche(code)).toEqual({ min: 0, max: 0, estimate: 0, employer: true, known: false });
    },
  );

  it('returns shared frozen objects that cannot be changed by a caller', () => {
    expect(jobsFromTranche('01')).toBe(jobsFromTranche('1'));
    expect(Object.isFrozen(jobsFromTranche('01'))).toBe(true);
  });

  it('has a label for every code', () => {
    for (const code of TRANCHE_CODES) expect(TRANCHE_LABELS[code]).toMatch(/\S/);
  });
});

describe('jobsFromHeadcount', () => {
  it('takes an exact headcount as min, max and estimate', () => {
    expect(jobsFromHeadcount(7)).toEqual({ min: 7, max: 7, estimate: 7, employer: true, known: true });
  });

  it('reads 0 as a known non-employer', () => {
    expect(jobsFromHeadcount(0)).toEqual({ min: 0, max: 0, estimate: 0, employer: false, known: true });
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('reads %d as unknown', (n) => {
    expect(jobsFromHeadcount(n).known).toBe(false);
  });
});

describe('sizeClassFromJobs', () => {
  it.each([
    ['01', '1-2'],
    ['02', '3-9'],
    ['03', '3-9'],
    ['11', '10-19'],
    ['12', '20-49'],
    ['21', '50+'],
    ['53', '50+'],
    ['NN', 'non_employeur'],
    ['00', '0'],
    ['', 'inconnue'],
  ] as const)('classes bracket %j as %s', (code, size) => {
    expect(sizeOf(code)).toBe(size);
  });

  it.each([
    [1, '1-2'],
    [2, '1-2'],
    [3, '3-9'],
    [9, '3-9'],
    [10, '10-19'],
    [49, '20-49'],
    [50, '50+'],
    [0, 'non_employeur'],
  ] as const)('classes headcount %i as %s', (n, size) => {
    const j = jobsFromHeadcount(n);
    expect(SIZES[sizeClassFromJobs(j, j.employer, j.known)]).toBe(size);
  });
});
